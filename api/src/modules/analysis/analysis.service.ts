import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  classifyArchetypes,
  mergeKeyFacts,
  mergeSessionSignals,
  type AnalysisEvent,
  type ChatEvent,
  type Language,
  type ObserveInput,
  type StrategyResult,
  type Suggestion,
} from '@sufler/shared';
import { DomainError, notFound } from '../../errors';
import type { Queue } from '../../queue/queue';
import type { Actor } from '../actor';
import { audit } from '../audit/audit';
import { InteractionEntity } from '../sessions/interaction.entity';
import type { SessionRow } from '../sessions/session.entity';
import { findVisibleSession } from '../sessions/session.service';
import { answerChat, buildStrategy } from './advisor';
import { createChannel } from './channel';
import type { Analyzer } from './analyzer';
import { generateNextMoves } from './next-moves';
import type { PromptContext } from './prompts';
import {
  allSuggestions,
  loadInteractions,
  observationResponse,
  sessionState,
  type ChatResponse,
  type ObservationResponse,
} from './session-state';

export type AnalysisService = ReturnType<typeof createAnalysisService>;

/**
 * The co-pilot on stored sessions: every observation is saved before it is analysed (nothing typed
 * is lost if analysis fails), its analysis is saved with it, and the session's memory (key facts,
 * shown moves, running summary via a background job) moves on.
 */
export function createAnalysisService(deps: { analyzer: Analyzer; queue: Queue; summaryTokens: number }) {
  const { analyzer } = deps;

  async function openSession(em: EntityManager, actor: Actor, sessionId: string): Promise<SessionRow> {
    const session = await findVisibleSession(em, actor, sessionId);
    if (session.endedAt) throw new DomainError('CONFLICT', 'This session has ended; start a new one to continue');
    return session;
  }

  /**
   * Stores the observation, or finds the one stored earlier for the same client request: the same
   * `requestId` sent again (a retry, or the WebSocket client resubscribing after a reconnect) must not
   * add a copy. Two sends racing with one id meet at the unique index; the loser takes the winner's row.
   */
  async function storeObservation(em: EntityManager, actor: Actor, session: SessionRow, input: ObserveInput) {
    const requestId = input.requestId ?? null;
    const find = () => (requestId ? em.findOne(InteractionEntity, { session: session.id, requestId }) : Promise.resolve(null));
    const found = await find();
    if (found) return { interaction: found, session, repeated: true };
    const interaction = em.create(InteractionEntity, { session, kind: input.kind, input: input.text, response: null, requestId });
    audit(em, { actor, action: 'create', entity: 'interaction', entityId: interaction.id, detail: { sessionId: session.id, kind: input.kind } });
    try {
      await em.flush();
      return { interaction, session, repeated: false };
    } catch (error) {
      if (!requestId || !(error instanceof UniqueConstraintViolationException)) throw error;
      em.clear();
      const winner = await find();
      if (!winner) throw error;
      return { interaction: winner, session: await openSession(em, actor, session.id), repeated: true };
    }
  }

  async function* observe(em: EntityManager, actor: Actor, input: ObserveInput, signal?: AbortSignal): AsyncGenerator<AnalysisEvent> {
    const opened = await openSession(em, actor, input.sessionId);
    const { interaction, session, repeated } = await storeObservation(em, actor, opened, input);
    yield { type: 'accepted', interactionId: interaction.id };

    // A repeat of an analysed observation gets the stored analysis again; one whose analysis never
    // finished (the stream broke) is analysed now, as the next observation of the session it is.
    const stored = repeated ? observationResponse(interaction) : null;
    if (stored) {
      yield { type: 'done', interactionId: interaction.id, analysis: stored.analysis };
      return;
    }
    const rows = (await loadInteractions(em, session.id)).filter((row) => row.id !== interaction.id && (!repeated || row.at <= interaction.at));
    const state = sessionState(session, rows, analyzer.traceOf);

    for await (const event of analyzer.observe(interaction.input, state, signal)) {
      if (event.type !== 'done') {
        yield event;
        continue;
      }
      const response: ObservationResponse = { analysis: event.analysis, trace: event.trace };
      await em.transactional(async (tx) => {
        interaction.response = response;
        session.keyFacts = mergeKeyFacts(session.keyFacts, event.analysis.entities);
        session.shownSuggestions = [...session.shownSuggestions, ...event.analysis.suggestions.map((s) => s.id)];
        await tx.flush();
        const observations = state.history.length + 1;
        const unsummarized = [...state.history.slice(state.summarizedCount).map((h) => h.text), interaction.input];
        if (unsummarized.join('\n').length > deps.summaryTokens * 4 && observations - 2 > state.summarizedCount) {
          await deps.queue.send('summarizeSession', { sessionId: session.id, upTo: observations - 2 }, tx);
        }
      });
      yield { type: 'done', interactionId: interaction.id, analysis: event.analysis };
    }
  }

  /** Four new next moves for an analysed observation, none shown before in the session. */
  async function regenerate(em: EntityManager, actor: Actor, interactionId: string, signal?: AbortSignal) {
    const interaction = await em.findOne(InteractionEntity, { id: interactionId });
    const session = interaction && (await findVisibleSession(em, actor, interaction.session.id).catch(() => null));
    const response = interaction && observationResponse(interaction);
    if (!interaction || !session) throw notFound('Interaction');
    if (!response) throw new DomainError('CONFLICT', 'This observation has no analysis to regenerate');
    const state = sessionState(session, await loadInteractions(em, session.id), analyzer.traceOf);
    const { analysis } = response;
    const ctx = { ...(await contextFor(state, analysis.language)), observation: interaction.input, signals: analysis.signals, scores: analysis.scores, passages: analysis.knowledge };

    const suggestions: Suggestion[] = [];
    const moves = generateNextMoves(analyzer.pack, analyzer.llm, { ctx, activeModules: analysis.modules, shown: state.shown, shownTexts: state.shownTexts, latest: response.trace.signals, signal }, analyzer.offlineReason);
    let step = await moves.next();
    for (; !step.done; step = await moves.next()) suggestions.push(step.value);

    const earlier = allSuggestions(response as ObservationResponse & { earlier?: Suggestion[] });
    interaction.response = { ...response, earlier, analysis: { ...analysis, suggestions, producedBy: { ...analysis.producedBy, suggestions: step.value } } };
    session.shownSuggestions = [...session.shownSuggestions, ...suggestions.map((s) => s.id)];
    audit(em, { actor, action: 'update', entity: 'interaction', entityId: interaction.id, detail: { regenerated: true } });
    await em.flush();
    return { interactionId, suggestions, producedBy: step.value };
  }

  /** The prompt context of a session without a new observation (strategy, chat, regenerate). */
  async function contextFor(state: ReturnType<typeof sessionState>, language: Language): Promise<PromptContext> {
    const archetypes = classifyArchetypes(state.history.map((h) => h.trace.moves));
    const recent = state.history.slice(state.summarizedCount).slice(-6).map((h) => h.text);
    const passages = recent.length
      ? await analyzer.knowledge.retrieve({ text: recent.slice(-3).join('\n'), keywordModules: [...new Set(state.history.slice(-6).flatMap((h) => h.trace.modules))], leadingArchetypes: archetypes.slice(0, 2).map((a) => a.id) })
      : [];
    return {
      language,
      keyFacts: state.keyFacts,
      summary: state.summary,
      recent,
      observation: '',
      archetypes: analyzer.named(archetypes, language),
      signals: mergeSessionSignals(state.history.map((h) => h.trace.signals)),
      passages,
    };
  }

  /** The full strategy, cached until the session changes (a new observation) or the language does. */
  async function strategy(em: EntityManager, actor: Actor, sessionId: string, language: Language = 'pl', signal?: AbortSignal): Promise<StrategyResult> {
    const session = await findVisibleSession(em, actor, sessionId);
    const rows = await loadInteractions(em, session.id);
    const observations = rows.filter((r) => r.kind !== 'chat');
    const key = `${observations.length}:${observations.at(-1)?.id ?? '-'}:${language}:${analyzer.knowledge.signature}`;
    const cached = session.strategyCache;
    audit(em, { actor, action: 'read', entity: 'session', entityId: sessionId, detail: { strategy: true } });
    if (cached?.key === key) {
      await em.flush();
      return { ...(cached.value as Omit<StrategyResult, 'cached'>), cached: true };
    }
    const ctx = await contextFor(sessionState(session, rows, analyzer.traceOf), language);
    const result = await buildStrategy(analyzer.pack, analyzer.llm, ctx, analyzer.offlineReason, signal);
    session.strategyCache = { key, value: result };
    await em.flush();
    return { ...result, cached: false };
  }

  /** The strategic chat: stores the question, streams the advisor's answer, stores the answer. */
  async function* chat(em: EntityManager, actor: Actor, input: { sessionId: string; text: string }, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
    const session = await openSession(em, actor, input.sessionId);
    const rows = await loadInteractions(em, session.id);
    const interaction = em.create(InteractionEntity, { session, kind: 'chat', input: input.text, response: null });
    audit(em, { actor, action: 'create', entity: 'interaction', entityId: interaction.id, detail: { sessionId: session.id, kind: 'chat' } });
    await em.flush();

    const state = sessionState(session, rows, analyzer.traceOf);
    const language = observationResponse(rows.filter((r) => r.kind !== 'chat').at(-1) ?? interaction)?.analysis.language ?? 'pl';
    const ctx = await contextFor(state, language);
    const history = rows
      .filter((r) => r.kind === 'chat' && r.response)
      .slice(-8)
      .map((r) => ({ question: r.input, answer: (r.response as ChatResponse).answer }));

    const deltas = createChannel<string>();
    const answering = answerChat(analyzer.pack, analyzer.llm, { ctx, history, question: input.text }, (d) => deltas.push(d), analyzer.offlineReason, signal)
      .then((result) => {
        deltas.close();
        return result;
      })
      .catch((error: unknown) => {
        deltas.close(error);
        return null;
      });
    for await (const text of deltas) yield { type: 'delta', text };
    const result = (await answering)!;
    interaction.response = { answer: result.text, producedBy: result.producedBy } satisfies ChatResponse;
    await em.flush();
    yield { type: 'done', interactionId: interaction.id, text: result.text, producedBy: result.producedBy };
  }

  return { observe, regenerate, strategy, chat };
}
