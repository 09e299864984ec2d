import { createHash } from 'node:crypto';
import { ARCHETYPE_IDS, LANGUAGES, ModuleIdSchema, type Entity, type Language, type Suggestion } from '@sufler/shared';
import { z } from 'zod';
import type { ObservationTrace } from './analyzer';
import { foldSignal, pruneFadedSignals, SignalFrontSchema } from './signal-front';

/**
 * What the analysis needs of a session's observations so far, folded one observation at a time (issue
 * 11: the cost of an observation must not grow with the session). It is kept encrypted on the session
 * row and written in the transaction that stores each observation, so `observe` reads it instead of
 * every earlier interaction. `buildAnalysisState` (session-state.ts) folds the stored rows the same way:
 * for sessions from before it, or a state of an older version.
 *
 * The archetype distribution weighs every observation (×0.7 per age, summed oldest first), which no
 * running total repeats to the last bit: each observation's raw moves stay, as numbers. Everything
 * else is bounded: the evidence classifyArchetypes shows (newest first, 5 per archetype), the signals
 * that can still be the session's strongest, the distinct entities, the 6 newest texts.
 */
export const ANALYSIS_STATE_VERSION = 1;
/** The newest observations kept in full: the prompt shows up to 6, retrieval reads the last 2. */
export const RECENT_KEPT = 6;
/** Shown next moves the model is told not to repeat (next-moves.ts reads the last 16). */
export const SHOWN_TEXTS_KEPT = 16;
/** As classifyArchetypes: evidence per archetype, newest first. */
const MAX_EVIDENCE = 5;

export const AnalysisStateSchema = z.object({
  version: z.literal(ANALYSIS_STATE_VERSION),
  /** Observations folded so far; an observation's position is the count before it. */
  count: z.number().int().min(0),
  /** The newest folded observation, and the language of its analysis once it has one. */
  lastId: z.string().nullable(),
  lastLanguage: z.enum(LANGUAGES).nullable(),
  /** `[position, raw per archetype in ARCHETYPE_IDS order]` of each observation that moved one. */
  raws: z.array(z.tuple([z.number().int()], z.number())),
  /** The evidence classifyArchetypes shows for the whole session, per archetype in ARCHETYPE_IDS order. */
  evidence: z.array(z.array(z.string())).length(ARCHETYPE_IDS.length),
  signals: SignalFrontSchema,
  /** Every entity of the session, newest first, each kind+value once (mergeSessionEntities). */
  entities: z.array(z.custom<Entity>((e) => typeof e === 'object' && e !== null)),
  /** The newest observations, oldest first. */
  recent: z.array(z.object({ text: z.string(), modules: z.array(ModuleIdSchema) })).max(RECENT_KEPT),
  /** Text lengths of the observations from position `lengthsFrom` on: what the summary does not cover yet. */
  lengthsFrom: z.number().int().min(0),
  lengths: z.array(z.number().int()),
  /** The last distinct shown move texts, oldest first; hashes of all of them, so a text shown long ago stays shown. */
  shownTexts: z.array(z.string()).max(SHOWN_TEXTS_KEPT),
  shownHashes: z.array(z.string()),
  /** Position and id of the newest observation whose moves are in `shownTexts` (−1: none). */
  shownAt: z.number().int(),
  shownId: z.string().nullable(),
});
export type AnalysisState = z.infer<typeof AnalysisStateSchema>;

export const emptyAnalysisState = (): AnalysisState => ({
  version: ANALYSIS_STATE_VERSION,
  count: 0,
  lastId: null,
  lastLanguage: null,
  raws: [],
  evidence: ARCHETYPE_IDS.map(() => []),
  signals: [],
  entities: [],
  recent: [],
  lengthsFrom: 0,
  lengths: [],
  shownTexts: [],
  shownHashes: [],
  shownAt: -1,
  shownId: null,
});

/** A stored state, or null when there is none or it is of another version or shape (then it is rebuilt). */
export function readAnalysisState(stored: unknown): AnalysisState | null {
  const parsed = AnalysisStateSchema.safeParse(stored);
  return parsed.success ? (parsed.data as AnalysisState) : null;
}

const entityKey = (e: Entity) => `${e.kind}:${e.value.toLowerCase()}`;

/**
 * The state with one more observation: its text, its trace, and its id. `summarizedCount` (from the
 * session) lets the lengths the summary already covers go. Returns a new state; `state` is unchanged.
 */
export function foldObservation(state: AnalysisState, observation: { id: string; text: string; trace: ObservationTrace }, summarizedCount: number): AnalysisState {
  const { trace } = observation;
  const at = state.count;
  const raw = ARCHETYPE_IDS.map((id) => trace.moves[id].raw);
  // Newest first, up to 5 distinct: this observation's, then the older list (what classifyArchetypes shows).
  const evidence = ARCHETYPE_IDS.map((id, i) => {
    const list: string[] = [];
    for (const item of [...trace.moves[id].evidence, ...state.evidence[i]!]) if (list.length < MAX_EVIDENCE && !list.includes(item)) list.push(item);
    return list;
  });
  let signals = state.signals;
  for (const signal of trace.signals) signals = foldSignal(signals, at, signal);
  // Newest first, each kind+value once (mergeSessionEntities): this observation's, then the older ones.
  const seen = new Set<string>();
  const entities: Entity[] = [];
  for (const entity of [...trace.entities, ...state.entities]) {
    if (seen.has(entityKey(entity))) continue;
    seen.add(entityKey(entity));
    entities.push(entity);
  }
  const lengthsFrom = Math.max(state.lengthsFrom, Math.min(summarizedCount, at));
  return {
    ...state,
    count: at + 1,
    lastId: observation.id,
    lastLanguage: null,
    raws: raw.some((r) => r !== 0) ? [...state.raws, [at, ...raw]] : state.raws,
    evidence,
    signals: pruneFadedSignals(signals, at + 1),
    entities,
    recent: [...state.recent, { text: observation.text, modules: trace.modules }].slice(-RECENT_KEPT),
    lengthsFrom,
    lengths: [...state.lengths.slice(lengthsFrom - state.lengthsFrom), observation.text.length],
  };
}

const textHash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 12);

/**
 * The state once the observation at `at` (id `id`) showed `suggestions`: their texts join the "do not
 * repeat" list unless shown before. The rows list them in the order of the observations, so this is
 * exact only while no later observation's moves are in it (`shownAt`); otherwise the caller rebuilds.
 */
export function foldShown(state: AnalysisState, at: number, id: string, suggestions: Suggestion[], language: Language | null): AnalysisState {
  const hashes = new Set(state.shownHashes);
  const texts = [...state.shownTexts];
  for (const s of suggestions) {
    const hash = textHash(s.text);
    if (hashes.has(hash)) continue;
    hashes.add(hash);
    texts.push(s.text);
  }
  return {
    ...state,
    lastLanguage: id === state.lastId ? language : state.lastLanguage,
    shownTexts: texts.slice(-SHOWN_TEXTS_KEPT),
    shownHashes: [...hashes],
    shownAt: at,
    shownId: id,
  };
}

/** The length of the unsummarised observations (and `next`) joined by newlines, as the summary trigger measures it. */
export function unsummarizedLength(state: AnalysisState, summarizedCount: number, next: string): number {
  const lengths = state.lengths.slice(Math.max(0, summarizedCount - state.lengthsFrom));
  return lengths.reduce((sum, n) => sum + n + 1, 0) + next.length;
}
