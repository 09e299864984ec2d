import { ARCHETYPE_IDS, type ArchetypeMoves, type Entity, type KeyFacts, type Signal } from '@sufler/shared';
import { emptyAnalysisState, foldObservation, type AnalysisState } from './analysis-state';
import type { ObservationTrace, SessionState } from './analyzer';
import { signalHistory } from './signal-front';

/**
 * The session as the analysis reads it, made from the folded analysis state: every list here gives
 * the shared functions (classifyArchetypes, mergeSessionSignals, mergeSessionEntities) the result the
 * full history would.
 */
export type SessionView = {
  /** Observations so far. */
  count: number;
  /** One per observation, oldest first: the raw moves, with the session's evidence on the newest. */
  archetypeMoves: ArchetypeMoves[];
  /** One per observation, oldest first: the signals that can still count. */
  signals: Signal[][];
  /** The session's entities, merged (newest first). */
  entities: Entity[];
  /** The newest observations (up to 6), oldest first. */
  recent: { text: string; modules: ObservationTrace['modules'] }[];
  keyFacts: KeyFacts;
  summary: string | null;
  /** How many observations the summary covers: the prompt shows only the rest in full. */
  summarizedCount: number;
  shown: ReadonlySet<string>;
  /** The last shown move texts, for the model's "do not repeat" list. */
  shownTexts: string[];
  /** Every observation's text, oldest first: read only when a model's quote is not in the newest ones. */
  allTexts: () => Promise<string[]>;
};

const NO_MOVES = Object.fromEntries(ARCHETYPE_IDS.map((id) => [id, { raw: 0, evidence: [] as string[] }])) as ArchetypeMoves;
const toMoves = (raw: number[], evidence: string[][]) =>
  Object.fromEntries(ARCHETYPE_IDS.map((id, i) => [id, { raw: raw[i]!, evidence: evidence[i] ?? [] }])) as ArchetypeMoves;

/**
 * What classifyArchetypes reads: the raw moves at their places (it sums them oldest first, so the
 * totals are its own to the last bit), and the evidence it would show on the newest, which it reads first.
 */
function archetypeMoves(state: AnalysisState): ArchetypeMoves[] {
  const moves: ArchetypeMoves[] = Array.from({ length: state.count }, () => NO_MOVES);
  for (const [at, ...raw] of state.raws) moves[at] = toMoves(raw, []);
  if (state.count > 0) {
    const newest = state.raws.at(-1)?.[0] === state.count - 1 ? state.raws.at(-1)!.slice(1) : ARCHETYPE_IDS.map(() => 0);
    moves[state.count - 1] = toMoves(newest, state.evidence);
  }
  return moves;
}

export function viewOfState(
  state: AnalysisState,
  memory: { keyFacts: KeyFacts; summary?: string | null; summarizedCount: number; shownSuggestions: string[] },
  allTexts: () => Promise<string[]>,
): SessionView {
  return {
    count: state.count,
    archetypeMoves: archetypeMoves(state),
    signals: signalHistory(state.signals, state.count),
    entities: state.entities,
    recent: state.recent,
    keyFacts: memory.keyFacts,
    summary: memory.summary ?? null,
    summarizedCount: memory.summarizedCount,
    shown: new Set(memory.shownSuggestions),
    shownTexts: state.shownTexts,
    allTexts,
  };
}

/** The view of a session given in full (the CLI, tests): its history folded as stored sessions are. */
export function viewOfHistory(session: SessionState): SessionView {
  let state = emptyAnalysisState();
  session.history.forEach((h, i) => (state = foldObservation(state, { id: String(i), text: h.text, trace: h.trace }, 0)));
  const view = viewOfState(state, { ...session, summarizedCount: session.summarizedCount ?? 0, shownSuggestions: [...session.shown] }, async () => session.history.map((h) => h.text));
  return { ...view, shown: session.shown, shownTexts: session.shownTexts };
}

/** The newest observations the summary does not cover: the prompt shows them in full. */
export const unsummarizedRecent = (view: Pick<SessionView, 'count' | 'summarizedCount' | 'recent'>) =>
  view.recent.slice(Math.max(0, view.recent.length - Math.max(0, view.count - view.summarizedCount)));
