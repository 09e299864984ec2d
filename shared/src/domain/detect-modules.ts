import type { ModuleHit } from '../schemas/analysis';
import type { KnowledgeModule } from '../schemas/knowledge-pack';
import type { ModuleId } from '../schemas/vocabulary';
import { quoteWords, type Words } from './match-terms';
import { createTermIndex, type TermIndex } from './term-index';

type Modules = readonly Pick<KnowledgeModule, 'id' | 'keywords'>[];

// The pack is loaded once and reused for every observation: compile its keywords once per pack.
const compiled = new WeakMap<Modules, TermIndex<number>>();

function indexOf(modules: Modules): TermIndex<number> {
  let index = compiled.get(modules);
  if (!index) {
    index = createTermIndex(
      modules.flatMap((module, position) => module.keywords.map((term) => ({ term, payload: position }))),
    );
    compiled.set(modules, index);
  }
  return index;
}

/**
 * Which knowledge modules an observation touches: a module is hit when any of its keywords
 * appears in any inflected form (`leasing*` finds "leasingu"). Each hit lists the words that
 * matched as the client wrote them, once each (compared folded, first spelling kept), in text
 * order; modules come in pack order.
 */
export function detectModules(words: Words, modules: Modules): ModuleHit[] {
  const matched = new Map<number, Map<string, string>>();
  for (const hit of indexOf(modules).find(words)) {
    const quote = quoteWords(words, hit.start, hit.end);
    const key = words.words.slice(hit.start, hit.end).join(' ');
    const seen = matched.get(hit.payload) ?? new Map<string, string>();
    if (!seen.has(key)) seen.set(key, quote);
    matched.set(hit.payload, seen);
  }
  return modules.flatMap((module, position): ModuleHit[] => {
    const seen = matched.get(position);
    return seen ? [{ id: module.id as ModuleId, matched: [...seen.values()] }] : [];
  });
}
