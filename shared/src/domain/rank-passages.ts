import type { KnowledgeEntry, Passage } from '../schemas/knowledge-pack';
import type { ArchetypeId, ModuleId } from '../schemas/vocabulary';
import { foldForSearch } from './fold-for-search';

export type RankInput = {
  /** Hits of the plain vector search and of the search within the keyword-activated modules. */
  vectorHits: { id: string; score: number }[];
  moduleHits: { id: string; score: number }[];
  entries: ReadonlyMap<string, KnowledgeEntry>;
  keywordModules: readonly ModuleId[];
  leadingArchetypes: readonly ArchetypeId[];
  /** Characters of passage text that fit the prompt. */
  budgetChars: number;
  limit: number;
};

/** A passage from a module the client's words activated gets this much on top of its similarity. */
export const KEYWORD_BOOST = 0.25;
/** And this much when it serves one of the leading archetypes. */
export const ARCHETYPE_BOOST = 0.1;
/** Passages sharing this share of their words are the same passage said twice. */
const NEAR_DUPLICATE = 0.8;

/**
 * Retrieval's last step: merges vector hits with the keyword-activated modules' hits, boosts what
 * the client's own words and the leading archetypes point to, drops unknown ids and near
 * duplicates, and keeps the best passages that fit the context budget.
 */
export function rankPassages(input: RankInput): Passage[] {
  const merged = new Map<string, { score: number; vector: boolean; keyword: boolean }>();
  for (const hit of input.vectorHits) merged.set(hit.id, { score: hit.score, vector: true, keyword: false });
  for (const hit of input.moduleHits) {
    const current = merged.get(hit.id);
    merged.set(hit.id, { score: Math.max(current?.score ?? 0, hit.score), vector: current?.vector ?? false, keyword: true });
  }
  const ranked: Passage[] = [];
  for (const [id, hit] of merged) {
    const entry = input.entries.get(id);
    if (!entry) continue;
    const keyword = hit.keyword || (entry.module !== null && input.keywordModules.includes(entry.module));
    let score = hit.score;
    if (keyword) score += KEYWORD_BOOST;
    if (entry.archetypes.some((a) => input.leadingArchetypes.includes(a))) score += ARCHETYPE_BOOST;
    ranked.push({ ...entry, score: Math.round(score * 1000) / 1000, via: hit.vector && keyword ? 'both' : keyword ? 'keyword' : 'vector' });
  }
  ranked.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  const chosen: Passage[] = [];
  const chosenWords: Set<string>[] = [];
  let used = 0;
  for (const passage of ranked) {
    if (chosen.length === input.limit) break;
    if (used + passage.text.length > input.budgetChars) continue;
    const words = new Set(foldForSearch(passage.text).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
    if (chosenWords.some((other) => overlap(words, other) >= NEAR_DUPLICATE)) continue;
    chosen.push(passage);
    chosenWords.push(words);
    used += passage.text.length;
  }
  return chosen;
}

/** Shared words over the smaller set's size (1 = one contains the other). */
function overlap(a: Set<string>, b: Set<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const word of small) if (large.has(word)) shared++;
  return shared / small.size;
}
