import type { Entity } from '../schemas/analysis';
import type { KeyFacts } from '../schemas/session';
import type { EntityKind } from '../schemas/vocabulary';

/** Kinds where the newest statement replaces the old (a new budget); the others collect (several competitors). */
const LATEST_WINS: ReadonlySet<EntityKind> = new Set(['budget', 'timeline', 'current_car']);
const MAX_VALUE = 500;

/**
 * Folds newly extracted entities into the client's key facts, the tags the co-pilot always keeps
 * in the prompt. Keys are entity kinds; facts the rep typed by hand under other keys are kept.
 */
export function mergeKeyFacts(facts: KeyFacts, entities: Entity[]): KeyFacts {
  const merged: KeyFacts = { ...facts };
  for (const entity of entities) {
    const current = merged[entity.kind];
    if (!current || LATEST_WINS.has(entity.kind)) {
      merged[entity.kind] = entity.value.slice(0, MAX_VALUE);
      continue;
    }
    const values = current.split('; ');
    if (!values.some((v) => v.toLowerCase() === entity.value.toLowerCase())) {
      merged[entity.kind] = [...values, entity.value].join('; ').slice(0, MAX_VALUE);
    }
  }
  return merged;
}
