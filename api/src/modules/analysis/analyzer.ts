import {
  applyScoringRules,
  classifyArchetypes,
  detectLeaderChange,
  extractObservationSignals,
  foldForSearch,
  mergeSessionEntities,
  mergeSessionSignals,
  scoreArchetypeMoves,
  SIGNAL_IDS,
  toWords,
  type Analysis,
  type AnalysisEvent,
  type ArchetypeMoves,
  type ArchetypeScore,
  type Entity,
  type KeyFacts,
  type ModuleId,
  type ProducedBy,
  type Sentiment,
  type Signal,
  type Suggestion,
} from '@sufler/shared';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { generateObject } from '../llm/generate-object';
import type { ChatModel } from '../llm/ports';
import { QualitativeAnalysisSchema } from './llm-outputs';
import { generateNextMoves } from './next-moves';
import { analysisMessages, type PromptContext } from './prompts';
import { unsummarizedRecent, viewOfHistory, type SessionView } from './session-view';

/** What one observation contributed, kept with it so later observations need not re-read it. */
export type ObservationTrace = { moves: ArchetypeMoves; signals: Signal[]; entities: Entity[]; modules: ModuleId[] };

/** A session given in full: earlier observations (oldest first) and the memory (stored sessions pass a `SessionView`). */
export type SessionState = {
  history: { text: string; trace: ObservationTrace }[];
  keyFacts: KeyFacts;
  summary: string | null;
  /** How many of `history` the summary covers: the prompt shows only the rest in full. */
  summarizedCount?: number;
  /** Next moves shown earlier in the session: ids, and texts for the model's "do not repeat" list. */
  shown: ReadonlySet<string>;
  shownTexts: string[];
};

export type PipelineEvent = Exclude<AnalysisEvent, { type: 'accepted' } | { type: 'done' }> | { type: 'done'; analysis: Analysis; trace: ObservationTrace };

/** Earlier observations shown to the model in full; older ones reach it through the summary. */
const RECENT_IN_PROMPT = 6;

export type Analyzer = ReturnType<typeof createAnalyzer>;

/**
 * The live flow for one observation: signals → retrieval → archetypes (over the whole session) →
 * qualitative analysis (model, else rules) → scores (editable rules) → 4 next moves. Stages are
 * yielded as they finish. The same pipeline serves the API and the CLI.
 */
export function createAnalyzer(deps: { knowledge: KnowledgeBase; llm: ChatModel | null; offlineReason: string }) {
  const pack = deps.knowledge.pack;
  const names = new Map(pack.archetypes.map((a) => [a.id, a.name]));
  const named = (scores: ArchetypeScore[], language: 'pl' | 'en') =>
    scores.map((s) => ({ ...s, name: names.get(s.id)?.[language] ?? s.id }));

  /** What one observation contributes on its own, without a model. */
  function traceOf(text: string): ObservationTrace {
    const detected = extractObservationSignals(text, pack);
    return {
      moves: scoreArchetypeMoves(toWords(text), pack.archetypes),
      signals: detected.signals,
      entities: detected.entities,
      modules: detected.modules.map((m) => m.id),
    };
  }

  /** `state`: the stored session's view, or a session given in full (the CLI, tests). */
  async function* observe(text: string, state: SessionState | SessionView, signal?: AbortSignal): AsyncGenerator<PipelineEvent> {
    const view = 'history' in state ? viewOfHistory(state) : state;
    const detected = extractObservationSignals(text, pack);
    const language = detected.language;
    const moves = scoreArchetypeMoves(toWords(text), pack.archetypes);
    const before = classifyArchetypes(view.archetypeMoves);
    const archetypes = classifyArchetypes([...view.archetypeMoves, moves]);
    const leaderChange = detectLeaderChange(before, archetypes, moves);
    const modules = detected.modules.map((m) => m.id);
    const trace: ObservationTrace = { moves, signals: detected.signals, entities: detected.entities, modules };

    const knowledge = await deps.knowledge.retrieve({
      text: [...view.recent.slice(-2).map((h) => h.text), text].join('\n'),
      keywordModules: modules,
      leadingArchetypes: archetypes.slice(0, 2).map((a) => a.id),
      signal,
    });
    yield { type: 'signals', signals: detected, knowledge };
    yield { type: 'archetypes', archetypes, leaderChange };

    const sessionModules = [...new Set([...view.recent.slice(-RECENT_IN_PROMPT).flatMap((h) => h.modules), ...modules])];
    const entities = mergeSessionEntities([view.entities, detected.entities]);
    const ctx: PromptContext = {
      language,
      keyFacts: view.keyFacts,
      summary: view.summary,
      recent: unsummarizedRecent(view).slice(-RECENT_IN_PROMPT).map((h) => h.text),
      observation: text,
      archetypes: named(archetypes, language),
      signals: mergeSessionSignals([...view.signals, detected.signals]),
      passages: knowledge,
    };

    let signals = ctx.signals;
    let sentiment: Sentiment = detected.sentiment;
    let analysisBy: ProducedBy = { mode: 'rules', model: null, reason: deps.offlineReason };
    if (deps.llm) {
      const answer = await generateObject(deps.llm, QualitativeAnalysisSchema, {
        messages: analysisMessages(ctx, SIGNAL_IDS),
        signal,
        purpose: 'analysis',
      });
      if (answer.ok) {
        // A signal must quote the client's words as typed in this session (not the summary, which a
        // model may have written): anything else is the model's invention. The newest words are a
        // suffix of them all, so a quote found there is found in the whole; the rest are read only
        // for a quote that is not.
        const near = foldForSearch([...view.recent.map((h) => h.text), text].join(' '));
        let said: string | undefined;
        signals = [];
        for (const s of answer.value.signals) {
          if (s.evidence.trim().length < 3) continue;
          const quote = foldForSearch(s.evidence);
          if (!near.includes(quote) && view.count > view.recent.length) said ??= foldForSearch([...(await view.allTexts()), text].join(' '));
          if (near.includes(quote) || said?.includes(quote)) signals.push(s);
        }
        sentiment = answer.value.sentiment;
        analysisBy = { mode: 'llm', model: answer.model };
      } else {
        analysisBy = { mode: 'rules', model: null, reason: answer.reason };
      }
    }

    const scores = applyScoringRules(pack.scoring, { signals, entities, modules: sessionModules, archetypes, sentiment }, language);
    yield { type: 'scores', scores, signals, producedBy: analysisBy };

    const suggestions: Suggestion[] = [];
    const moveStream = generateNextMoves(
      pack,
      deps.llm,
      { ctx: { ...ctx, signals, scores }, activeModules: sessionModules, shown: view.shown, shownTexts: view.shownTexts, latest: detected.signals, signal },
      deps.offlineReason,
    );
    let step = await moveStream.next();
    while (!step.done) {
      suggestions.push(step.value);
      yield { type: 'suggestion', index: suggestions.length - 1, suggestion: step.value };
      step = await moveStream.next();
    }
    const suggestionsBy = step.value;
    const llmStep = [analysisBy, suggestionsBy].find((p) => p.mode === 'llm');

    const analysis: Analysis = {
      mode: llmStep ? 'llm' : 'rules',
      model: llmStep?.model ?? null,
      producedBy: { analysis: analysisBy, suggestions: suggestionsBy },
      language,
      modules,
      entities: detected.entities,
      sentiment,
      signals,
      archetypes,
      leaderChange,
      scores,
      knowledge,
      suggestions,
    };
    yield { type: 'done', analysis, trace };
  }

  return { pack, knowledge: deps.knowledge, llm: deps.llm, offlineReason: deps.offlineReason, named, observe, traceOf };
}
