import { z } from 'zod';
import { IdSchema } from './common';
import { PassageSchema } from './knowledge-pack';
import { InteractionKindSchema } from './session';
import {
  ArchetypeIdSchema,
  EntityKindSchema,
  LanguageSchema,
  ModuleIdSchema,
  SignalIdSchema,
  SuggestionKindSchema,
} from './vocabulary';

/** A qualitative signal with how strong it is (0–1) and the client's words that show it. */
export const SignalSchema = z.object({
  id: SignalIdSchema,
  strength: z.number().min(0).max(1),
  evidence: z.string().max(300),
});
export type Signal = z.infer<typeof SignalSchema>;

export const EntitySchema = z.object({
  kind: EntityKindSchema,
  value: z.string().max(200),
  evidence: z.string().max(300),
});
export type Entity = z.infer<typeof EntitySchema>;

/** The client's mood in this observation: −1 (hostile) … 1 (delighted). */
export const SentimentSchema = z.object({
  score: z.number().min(-1).max(1),
  label: z.enum(['negative', 'neutral', 'positive']),
});
export type Sentiment = z.infer<typeof SentimentSchema>;

export const ModuleHitSchema = z.object({ id: ModuleIdSchema, matched: z.array(z.string()) });
export type ModuleHit = z.infer<typeof ModuleHitSchema>;

/** What the deterministic extractor reads out of one observation. */
export const ObservationSignalsSchema = z.object({
  language: LanguageSchema,
  modules: z.array(ModuleHitSchema),
  entities: z.array(EntitySchema),
  sentiment: SentimentSchema,
  signals: z.array(SignalSchema),
});
export type ObservationSignals = z.infer<typeof ObservationSignalsSchema>;

export const ArchetypeScoreSchema = z.object({
  id: ArchetypeIdSchema,
  probability: z.number().min(0).max(1),
  /** The words and signals that moved it, strongest first. */
  evidence: z.array(z.string()),
});
export type ArchetypeScore = z.infer<typeof ArchetypeScoreSchema>;

export const LeaderChangeSchema = z.object({
  from: ArchetypeIdSchema,
  to: ArchetypeIdSchema,
  /** The evidence in the latest observation that tipped it. */
  because: z.array(z.string()),
});
export type LeaderChange = z.infer<typeof LeaderChangeSchema>;

export const RuleHitSchema = z.object({ id: z.string(), label: z.string(), points: z.number() });
export type RuleHit = z.infer<typeof RuleHitSchema>;

export const ScoreSchema = z.object({ value: z.number().int().min(0).max(100), rules: z.array(RuleHitSchema) });
export type Score = z.infer<typeof ScoreSchema>;

export const ScoresSchema = z.object({
  readiness: ScoreSchema,
  funDriveRisk: ScoreSchema,
  lossRisk: ScoreSchema,
  potential: ScoreSchema,
});
export type Scores = z.infer<typeof ScoresSchema>;

/** One next move for the rep. `basedOn` names what it rests on: `archetype:…`, `module:…`, `signal:…`, `knowledge:…`. */
export const SuggestionSchema = z.object({
  id: z.string().min(1).max(100),
  kind: SuggestionKindSchema,
  text: z.string().min(1).max(600),
  rationale: z.string().max(600),
  basedOn: z.array(z.string().max(120)).max(8),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** Which mode produced a step: a model (named), or the deterministic rules. */
export const ProducedBySchema = z.object({
  mode: z.enum(['llm', 'rules']),
  model: z.string().nullable(),
  /** Why rules mode was used, when it was: no model reachable, invalid output, limit reached… */
  reason: z.string().optional(),
});
export type ProducedBy = z.infer<typeof ProducedBySchema>;

export const AnalysisSchema = z.object({
  /** `llm` when a model produced the qualitative analysis or the next moves; see `producedBy` per step. */
  mode: z.enum(['llm', 'rules']),
  model: z.string().nullable(),
  producedBy: z.object({ analysis: ProducedBySchema, suggestions: ProducedBySchema }),
  language: LanguageSchema,
  modules: z.array(ModuleIdSchema),
  entities: z.array(EntitySchema),
  sentiment: SentimentSchema,
  signals: z.array(SignalSchema),
  archetypes: z.array(ArchetypeScoreSchema),
  leaderChange: LeaderChangeSchema.nullable(),
  scores: ScoresSchema,
  knowledge: z.array(PassageSchema),
  suggestions: z.array(SuggestionSchema).length(4),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

/** The most text one observation may carry; the side panel's inputs and page reader cut to it. */
export const MAX_OBSERVATION_TEXT = 20_000;

export const ObserveInputSchema = z.object({
  sessionId: IdSchema,
  kind: InteractionKindSchema.exclude(['chat']).default('note'),
  text: z.string().trim().min(1).max(MAX_OBSERVATION_TEXT),
  /**
   * Chosen by the client (a UUID) once per typed observation and sent again with every retry: the API
   * stores an observation once per session and request id, so a resend (after a dropped connection,
   * or the WebSocket client resubscribing on reconnect) replays that observation instead of adding a copy.
   */
  requestId: IdSchema.optional(),
});
export type ObserveInput = z.infer<typeof ObserveInputSchema>;

/** Stage events of `analysis.observe`, in this order; suggestions arrive one by one. */
export type AnalysisEvent =
  | { type: 'accepted'; interactionId: string }
  | { type: 'signals'; signals: z.infer<typeof ObservationSignalsSchema>; knowledge: z.infer<typeof PassageSchema>[] }
  | { type: 'archetypes'; archetypes: ArchetypeScore[]; leaderChange: LeaderChange | null }
  | { type: 'scores'; scores: Scores; signals: Signal[]; producedBy: ProducedBy }
  | { type: 'suggestion'; index: number; suggestion: Suggestion }
  | { type: 'done'; interactionId: string; analysis: Analysis };

export const RegenerateInputSchema = z.object({ interactionId: IdSchema });
export const StrategyInputSchema = z.object({ sessionId: IdSchema, language: LanguageSchema.optional() });

/** The full strategy: the five tabs of the seed. */
export const StrategySchema = z.object({
  summary: z.object({ text: z.string(), motivations: z.array(z.string()) }),
  phrasesAndStyle: z.object({ keyPhrases: z.array(z.string()), style: z.string() }),
  script: z.object({ steps: z.array(z.string()), nextSteps: z.array(z.string()) }),
  objections: z.array(z.object({ objection: z.string(), response: z.string() })),
  qualifyingQuestions: z.array(z.string()),
});
export type Strategy = z.infer<typeof StrategySchema>;

export const StrategyResultSchema = z.object({
  strategy: StrategySchema,
  producedBy: ProducedBySchema,
  cached: z.boolean(),
});
export type StrategyResult = z.infer<typeof StrategyResultSchema>;

export const ChatSendInputSchema = z.object({
  sessionId: IdSchema,
  text: z.string().trim().min(1).max(4000),
});

/** Streamed advisor answer: text deltas, then the stored message. */
export type ChatEvent =
  | { type: 'delta'; text: string }
  | { type: 'done'; interactionId: string; text: string; producedBy: ProducedBy };
