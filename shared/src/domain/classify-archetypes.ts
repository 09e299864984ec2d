import type { ArchetypeScore, LeaderChange } from '../schemas/analysis';
import type { Archetype } from '../schemas/knowledge-pack';
import { ARCHETYPE_IDS, type ArchetypeId } from '../schemas/vocabulary';
import { findTerm, quoteWords, type Words } from './match-terms';

/** How one observation moved each archetype: the summed term weights and the words behind them. */
export type ArchetypeMoves = Record<ArchetypeId, { raw: number; evidence: string[] }>;

/** Each older observation counts this much less than the next one: the latest words weigh most. */
export const RECENCY_DECAY = 0.7;
/** Softmax temperature: lower makes the leader stand out sooner. */
const TEMPERATURE = 3;
const MAX_EVIDENCE = 5;

const formatWeight = (weight: number) => (weight > 0 ? `+${weight}` : `${weight}`);

/**
 * Reads one observation against every archetype's weighted signal terms. A term counts once per
 * observation however often it appears, and so does each of the client's words: where terms
 * overlap (`dziec*` and `dzieck*` both match "dzieckiem"; `za drogo` and `drogo`) only the
 * strongest counts. Its evidence is the client's own words with the weight, e.g. "dzieci (+2)".
 */
export function scoreArchetypeMoves(words: Words, archetypes: Pick<Archetype, 'id' | 'signals'>[]): ArchetypeMoves {
  const moves = Object.fromEntries(ARCHETYPE_IDS.map((id) => [id, { raw: 0, evidence: [] as string[] }])) as ArchetypeMoves;
  for (const archetype of archetypes) {
    const move = moves[archetype.id];
    const hits: { start: number; end: number; weight: number }[] = [];
    for (const { term, weight } of archetype.signals) {
      const found = findTerm(term, words);
      if (found) hits.push({ ...found, weight });
    }
    hits.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
    const counted = new Set<number>();
    for (const hit of hits) {
      const indexes = Array.from({ length: hit.end - hit.start }, (_, i) => hit.start + i);
      if (indexes.some((i) => counted.has(i))) continue;
      for (const i of indexes) counted.add(i);
      move.raw += hit.weight;
      move.evidence.push(`${quoteWords(words, hit.start, hit.end)} (${formatWeight(hit.weight)})`);
    }
  }
  return moves;
}

/**
 * The session's archetype distribution: every observation's moves, the latest weighing most
 * (each earlier one ×0.7), turned into probabilities over all ten with a softmax. With no
 * evidence at all every archetype gets 0.1. Sorted by probability, ties in vocabulary order.
 */
export function classifyArchetypes(history: ArchetypeMoves[]): ArchetypeScore[] {
  const totals = new Map<ArchetypeId, number>(ARCHETYPE_IDS.map((id) => [id, 0]));
  const evidence = new Map<ArchetypeId, string[]>(ARCHETYPE_IDS.map((id) => [id, []]));
  history.forEach((moves, index) => {
    const weight = RECENCY_DECAY ** (history.length - 1 - index);
    for (const id of ARCHETYPE_IDS) totals.set(id, totals.get(id)! + moves[id].raw * weight);
  });
  // Evidence newest first, so the words that matter now lead.
  for (let i = history.length - 1; i >= 0; i--) {
    for (const id of ARCHETYPE_IDS) {
      const list = evidence.get(id)!;
      for (const item of history[i]![id].evidence) if (list.length < MAX_EVIDENCE && !list.includes(item)) list.push(item);
    }
  }
  const max = Math.max(...totals.values());
  const exps = ARCHETYPE_IDS.map((id) => Math.exp((totals.get(id)! - max) / TEMPERATURE));
  const sum = exps.reduce((a, b) => a + b, 0);
  return ARCHETYPE_IDS.map((id, i) => ({ id, probability: round4(exps[i]! / sum), evidence: evidence.get(id)! }))
    .sort((a, b) => b.probability - a.probability || ARCHETYPE_IDS.indexOf(a.id) - ARCHETYPE_IDS.indexOf(b.id));
}

const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** True when the distribution carries no evidence (all equal): there is no leader yet. */
export const hasLeader = (scores: ArchetypeScore[]) => scores.length > 1 && scores[0]!.probability > scores[1]!.probability;

/**
 * When the latest observation changed the leading archetype: from whom, to whom, and the words
 * in that observation that did it. Null when the leader held, or there was none before.
 */
export function detectLeaderChange(before: ArchetypeScore[], after: ArchetypeScore[], latest: ArchetypeMoves): LeaderChange | null {
  if (!hasLeader(before) || !hasLeader(after)) return null;
  const from = before[0]!.id;
  const to = after[0]!.id;
  if (from === to) return null;
  return { from, to, because: latest[to].evidence.filter((e) => !e.includes('(-')) };
}
