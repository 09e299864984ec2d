import type { EntityManager } from '@mikro-orm/postgresql';
import type { Analysis, Suggestion } from '@sufler/shared';
import { InteractionEntity, type InteractionRow } from '../sessions/interaction.entity';
import type { SessionRow } from '../sessions/session.entity';
import type { ObservationTrace, SessionState } from './analyzer';

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
 * Rebuilds the analyzer's view of a session from its stored interactions. An observation without
 * a stored trace (its analysis was interrupted) is re-read by `traceOf`, so no words are lost.
 */
export function sessionState(
  session: SessionRow,
  rows: InteractionRow[],
  traceOf: (text: string) => ObservationTrace,
): SessionState & { summarizedCount: number } {
  const observations = rows.filter(isObservation);
  const shown = new Set(session.shownSuggestions);
  const shownTexts: string[] = [];
  for (const row of observations) {
    const response = observationResponse(row);
    for (const s of allSuggestions(response)) if (shown.has(s.id) && !shownTexts.includes(s.text)) shownTexts.push(s.text);
  }
  return {
    history: observations.map((row) => ({ text: row.input, trace: observationResponse(row)?.trace ?? traceOf(row.input) })),
    keyFacts: session.keyFacts,
    summary: session.summary ?? null,
    summarizedCount: session.summarizedCount,
    shown,
    shownTexts,
  };
}

/** Current and replaced next moves of one observation (regenerate keeps the earlier ones for feedback). */
export function allSuggestions(response: (ObservationResponse & { earlier?: Suggestion[] }) | null): Suggestion[] {
  return response ? [...(response.earlier ?? []), ...response.analysis.suggestions] : [];
}
