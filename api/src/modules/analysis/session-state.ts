import type { EntityManager } from '@mikro-orm/postgresql';
import type { Analysis, Suggestion } from '@sufler/shared';
import { InteractionEntity, type InteractionRow } from '../sessions/interaction.entity';
import type { SessionRow } from '../sessions/session.entity';
import { emptyAnalysisState, foldObservation, foldShown, type AnalysisState } from './analysis-state';
import type { ObservationTrace } from './analyzer';

/** What an analysed observation stores as its response: the analysis shown, and its trace for later ones. */
export type ObservationResponse = { analysis: Analysis; trace: ObservationTrace };
/** What a chat message stores: the advisor's answer. */
export type ChatResponse = { answer: string; producedBy: Analysis['producedBy']['analysis'] };

export const isObservation = (row: InteractionRow) => row.kind !== 'chat';

export function observationResponse(row: InteractionRow): ObservationResponse | null {
  const response = row.response as Partial<ObservationResponse> | null | undefined;
  return response?.analysis && response.trace ? (response as ObservationResponse) : null;
}

/** The session's interactions in order. */
export const loadInteractions = (em: EntityManager, sessionId: string) =>
  em.find(InteractionEntity, { session: sessionId }, { orderBy: { at: 'asc', id: 'asc' } });

/**
 * Folds a session's stored interactions into its analysis state, as `observe` folds them one by one:
 * for a session from before the state was kept, a state of an older version, or the rare case the
 * stored one cannot follow (an analysis that finished after a later one's). An observation without a
 * stored trace (its analysis was interrupted) is re-read by `traceOf`, so no words are lost.
 */
export function buildAnalysisState(
  rows: InteractionRow[],
  session: Pick<SessionRow, 'shownSuggestions' | 'summarizedCount'>,
  traceOf: (text: string) => ObservationTrace,
): AnalysisState {
  const shown = new Set(session.shownSuggestions);
  let state = emptyAnalysisState();
  for (const row of rows.filter(isObservation)) {
    const response = observationResponse(row);
    state = foldObservation(state, { id: row.id, text: row.input, trace: response?.trace ?? traceOf(row.input) }, session.summarizedCount);
    if (response) {
      const suggestions = allSuggestions(response).filter((s) => shown.has(s.id));
      state = foldShown(state, state.count - 1, row.id, suggestions, response.analysis.language);
    }
  }
  return state;
}

/** Current and replaced next moves of one observation (regenerate keeps the earlier ones for feedback). */
export function allSuggestions(response: (ObservationResponse & { earlier?: Suggestion[] }) | null): Suggestion[] {
  return response ? [...(response.earlier ?? []), ...response.analysis.suggestions] : [];
}
