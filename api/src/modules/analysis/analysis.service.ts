import { LockMode, UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
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
import { SessionEntity, type SessionRow } from '../sessions/session.entity';
import { findVisibleSession } from '../sessions/session.service';
import { answerChat, buildStrategy } from './advisor';
import { foldObservation, foldShown, readAnalysisState, unsummarizedLength, type AnalysisState } from './analysis-state';
import { createChannel } from './channel';
import type { Analyzer } from './analyzer';
import { generateNextMoves } from './next-moves';
import type { PromptContext } from './prompts';
import {
  allSuggestions,
  buildAnalysisState,
  loadInteractions,
  observationResponse,
  type ChatResponse,
  type ObservationResponse,
} from './session-state';
import { unsummarizedRecent, viewOfState, type SessionView } from './session-view';

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
   * The session row locked for this transaction and read afresh, with its analysis state: observations
   * of one session (a live transcript, a note typed meanwhile) fold into it one at a time.
   */
  const lockSession = (tx: EntityManager, id: string) =>
    tx.findOneOrFail(SessionEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true, populate: ['analysisState'] });

  /** The session's analysis state: the stored one, else folded from its interactions (a session from before it). */
  async function stateOf(em: EntityManager, session: SessionRow): Promise<AnalysisState> {
    if (session.analysisState === undefined) await em.populate(session, ['analysisState']);
    return readAnalysisState(session.analysisState) ?? buildAnalysisState(await loadInteractions(em, session.id), session, analyzer.traceOf);
  }

  /** Every observation's text before position `upTo`, oldest first (a model's quote not in the newest ones). */
  const textsBefore = (em: EntityManager, sessionId: string, upTo: number) => async () =>
    upTo === 0
      ? []
      : (await em.fork().find(InteractionEntity, { session: sessionId, kind: { $ne: 'chat' } }, { orderBy: { at: 'asc', id: 'asc' }, limit: upTo, fields: ['input'] })).map((r) => r.input);

  const viewOf = (em: EntityManager, session: SessionRow, state: AnalysisState): SessionView =>
    viewOfState(state, session, textsBefore(em, session.id, state.count));

  /**
   * Stores the observation, or finds the one stored earlier for the same client request: the same
   * `requestId` sent again (a retry, or the WebSocket client resubscribing after a reconnect) must not
   * add a copy. Two sends racing with one id meet at the unique index; the loser takes the winner's row.
   * A new observation folds into the session's analysis state in the same transaction; `before` is the
   * state without it, what its analysis reads.
   */
  async function storeObservation(em: EntityManager, actor: Actor, session: SessionRow, input: ObserveInput) {
    const requestId = input.requestId ?? null;
    const find = () => (requestId ? em.findOne(InteractionEntity, { session: session.id, requestId }) : Promise.resolve(null));
    const found = await find();
    if (found) return { interaction: found, session, repeated: true, before: null };
    try {
      return await em.transactional(async (tx) => {
        const locked = await lockSession(tx, session.id);
        const before = await stateOf(tx, locked);
        const interaction = tx.create(InteractionEntity, { session: locked, kind: input.kind, input: input.text, response: null, requestId });
        audit(tx, { actor, action: 'create', entity: 'interaction', entityId: interaction.id, detail: { sessionId: session.id, kind: input.kind } });
        const trace = analyzer.traceOf(input.text);
        locked.analysisState = foldObservation(before, { id: interaction.id, text: input.text, trace }, locked.summarizedCount);
        await tx.flush();
        return { interaction, session: locked, repeated: false, before: { state: before, summarizedCount: locked.summarizedCount } };
      });
    } catch (error) {
      if (!requestId || !(error instanceof UniqueConstraintViolationException)) throw error;
      em.clear();
      const winner = await find();
      if (!winner) throw error;
      return { interaction: winner, session: await openSession(em, actor, session.id), repeated: true, before: null };
    }
  }

  async function* observe(em: EntityManager, actor: Actor, input: ObserveInput, signal?: AbortSignal): AsyncGenerator<AnalysisEvent> {
    const opened = await openSession(em, actor, input.sessionId);
    const stored = await storeObservation(em, actor, opened, input);
    const { interaction, session, repeated } = stored;
    yield { type: 'accepted', interactionId: interaction.id };

    // A repeat of an analysed observation gets the stored analysis again; one whose analysis never
    // finished (the stream broke) is analysed now, as the next observation of the session it is: the
    // session as it was then comes from the rows (rare: the state has moved on past it).
    const replay = repeated ? observationResponse(interaction) : null;
    if (replay) {
      yield { type: 'done', interactionId: interaction.id, analysis: replay.analysis };
      return;
    }
    const basis =
      stored.before ??
      {
        state: buildAnalysisState((await loadInteractions(em, session.id)).filter((row) => row.id !== interaction.id && row.at <= interaction.at), session, analyzer.traceOf),
        summarizedCount: session.summarizedCount,
      };
    const at = basis.state.count;
    const view = viewOf(em, session, basis.state);

    for await (const event of analyzer.observe(interaction.input, view, signal)) {
      if (event.type !== 'done') {
        yield event;
        continue;
      }
      const response: ObservationResponse = { analysis: event.analysis, trace: event.trace };
      await em.transactional(async (tx) => {
        const locked = await lockSession(tx, session.id);
        interaction.response = response;
        locked.keyFacts = mergeKeyFacts(locked.keyFacts, event.analysis.entities);
        // A set, stored as a list: each id once, so it grows with the moves there are, not with the session.
        locked.shownSuggestions = [...new Set([...locked.shownSuggestions, ...event.analysis.suggestions.map((s) => s.id)])];
        // The moves join the "do not repeat" list in the order of the observations: while no later
        // observation's have, they go at the end; otherwise (analyses that finished out of order, or
        // twice) the rows tell.
        const current = readAnalysisState(locked.analysisState);
        if (current && current.shownAt < at) {
          locked.analysisState = foldShown(current, at, interaction.id, event.analysis.suggestions, event.analysis.language);
        } else {
          await tx.flush();
          locked.analysisState = buildAnalysisState(await loadInteractions(tx, session.id), locked, analyzer.traceOf);
        }
        await tx.flush();
        const observations = at + 1;
        if (unsummarizedLength(basis.state, basis.summarizedCount, interaction.input) > deps.summaryTokens * 4 && observations - 2 > basis.summarizedCount) {
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
    const state = viewOf(em, session, await stateOf(em, session));
    const { analysis } = response;
    const ctx = { ...(await contextFor(state, analysis.language)), observation: interaction.input, signals: analysis.signals, scores: analysis.scores, passages: analysis.knowledge };

    const suggestions: Suggestion[] = [];
    const moves = generateNextMoves(analyzer.pack, analyzer.llm, { ctx, activeModules: analysis.modules, shown: state.shown, shownTexts: state.shownTexts, latest: response.trace.signals, signal }, analyzer.offlineReason);
    let step = await moves.next();
    for (; !step.done; step = await moves.next()) suggestions.push(step.value);

    const earlier = allSuggestions(response as ObservationResponse & { earlier?: Suggestion[] });
    await em.transactional(async (tx) => {
      const locked = await lockSession(tx, session.id);
      interaction.response = { ...response, earlier, analysis: { ...analysis, suggestions, producedBy: { ...analysis.producedBy, suggestions: step.value } } };
      locked.shownSuggestions = [...new Set([...locked.shownSuggestions, ...suggestions.map((s) => s.id)])];
      audit(tx, { actor, action: 'update', entity: 'interaction', entityId: interaction.id, detail: { regenerated: true } });
      // The new moves follow this observation's earlier ones: at the end while it is the newest with
      // shown moves, else (an older observation regenerated) the rows tell.
      const current = readAnalysisState(locked.analysisState);
      if (current && current.shownId === interaction.id) {
        locked.analysisState = foldShown(current, current.shownAt, interaction.id, suggestions, analysis.language);
      } else {
        await tx.flush();
        locked.analysisState = buildAnalysisState(await loadInteractions(tx, session.id), locked, analyzer.traceOf);
      }
    });
    return { interactionId, suggestions, producedBy: step.value };
  }

  /** The prompt context of a session without a new observation (strategy, chat, regenerate). */
  async function contextFor(view: SessionView, language: Language): Promise<PromptContext> {
    const archetypes = classifyArchetypes(view.archetypeMoves);
    const recent = unsummarizedRecent(view).slice(-6).map((h) => h.text);
    const passages = recent.length
      ? await analyzer.knowledge.retrieve({ text: recent.slice(-3).join('\n'), keywordModules: [...new Set(view.recent.slice(-6).flatMap((h) => h.modules))], leadingArchetypes: archetypes.slice(0, 2).map((a) => a.id) })
      : [];
    return {
      language,
      keyFacts: view.keyFacts,
      summary: view.summary,
      recent,
      observation: '',
      archetypes: analyzer.named(archetypes, language),
      signals: mergeSessionSignals(view.signals),
      passages,
    };
  }

  /** The full strategy, cached until the session changes (a new observation) or the language does. */
  async function strategy(em: EntityManager, actor: Actor, sessionId: string, language: Language = 'pl', signal?: AbortSignal): Promise<StrategyResult> {
    const session = await findVisibleSession(em, actor, sessionId);
    const state = await stateOf(em, session);
    const key = `${state.count}:${state.lastId ?? '-'}:${language}:${analyzer.knowledge.signature}`;
    const cached = session.strategyCache;
    audit(em, { actor, action: 'read', entity: 'session', entityId: sessionId, detail: { strategy: true } });
    if (cached?.key === key) {
      await em.flush();
      return { ...(cached.value as Omit<StrategyResult, 'cached'>), cached: true };
    }
    const ctx = await contextFor(viewOf(em, session, state), language);
    const result = await buildStrategy(analyzer.pack, analyzer.llm, ctx, analyzer.offlineReason, signal);
    session.strategyCache = { key, value: result };
    await em.flush();
    return { ...result, cached: false };
  }

  /** The strategic chat: stores the question, streams the advisor's answer, stores the answer. */
  async function* chat(em: EntityManager, actor: Actor, input: { sessionId: string; text: string }, signal?: AbortSignal): AsyncGenerator<ChatEvent> {
    const session = await openSession(em, actor, input.sessionId);
    const state = await stateOf(em, session);
    // The last 8 answered questions, oldest first.
    const answered = await em.find(InteractionEntity, { session: session.id, kind: 'chat', response: { $ne: null } }, { orderBy: { at: 'desc', id: 'desc' }, limit: 8 });
    const interaction = em.create(InteractionEntity, { session, kind: 'chat', input: input.text, response: null });
    audit(em, { actor, action: 'create', entity: 'interaction', entityId: interaction.id, detail: { sessionId: session.id, kind: 'chat' } });
    await em.flush();

    const ctx = await contextFor(viewOf(em, session, state), state.lastLanguage ?? 'pl');
    const history = answered.reverse().map((r) => ({ question: r.input, answer: (r.response as ChatResponse).answer }));

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
