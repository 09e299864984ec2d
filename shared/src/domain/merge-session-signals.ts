import type { Entity, Signal } from '../schemas/analysis';

/** Per observation of age one, a signal keeps this share of its strength: what was said long ago fades. */
export const SIGNAL_DECAY = 0.85;

/**
 * The session's signals from every observation's, oldest first: each signal at its strongest after
 * fading by age (the latest observation unfaded), with the evidence of that strongest showing.
 */
export function mergeSessionSignals(history: Signal[][]): Signal[] {
  const best = new Map<string, Signal>();
  history.forEach((signals, index) => {
    const fade = SIGNAL_DECAY ** (history.length - 1 - index);
    for (const signal of signals) {
      const strength = Math.round(signal.strength * fade * 1000) / 1000;
      const current = best.get(signal.id);
      if (!current || strength >= current.strength) best.set(signal.id, { ...signal, strength });
    }
  });
  return [...best.values()].sort((a, b) => b.strength - a.strength);
}

/** Every entity mentioned in the session, newest first, each kind+value once. */
export function mergeSessionEntities(history: Entity[][]): Entity[] {
  const seen = new Set<string>();
  const merged: Entity[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    for (const entity of history[i]!) {
      const key = `${entity.kind}:${entity.value.toLowerCase()}`;
      if (!seen.has(key)) {
        seen.add(key);
        merged.push(entity);
      }
    }
  }
  return merged;
}
