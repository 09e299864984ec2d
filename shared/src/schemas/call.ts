import { z } from 'zod';
import { IdSchema, shortText } from './common';

/**
 * Call evaluation (DESIGN.md, "The call flow"): a recorded call is decoded, cut into speech, split into
 * CLIENT / CONSULTANT, transcribed, scored on a scorecard and read for the client's sentiment.
 * Times on the wire are integer milliseconds from the start of the recording.
 */

export const SPEAKERS = ['CLIENT', 'CONSULTANT'] as const;
export const SpeakerSchema = z.enum(SPEAKERS);
export type Speaker = z.infer<typeof SpeakerSchema>;

/** Which channel of a stereo recording holds the consultant (phone systems record one side per channel). */
export const CONSULTANT_CHANNELS = ['left', 'right'] as const;
export const ConsultantChannelSchema = z.enum(CONSULTANT_CHANNELS);
export type ConsultantChannel = z.infer<typeof ConsultantChannelSchema>;

/** The processing stages, in order; each is one job on the queue and can be re-run alone. */
export const CALL_STAGES = ['decode', 'voice', 'speakers', 'transcribe', 'roles', 'scorecard', 'sentiment'] as const;
export const CallStageNameSchema = z.enum(CALL_STAGES);
export type CallStageName = z.infer<typeof CallStageNameSchema>;

export const STAGE_STATES = ['pending', 'running', 'done', 'failed'] as const;
export const StageStateSchema = z.enum(STAGE_STATES);
export type StageState = z.infer<typeof StageStateSchema>;

export const CallStageSchema = z.object({
  stage: CallStageNameSchema,
  state: StageStateSchema,
  /** 0…1 within the stage. */
  progress: z.number().min(0).max(1),
  attempts: z.number().int().min(0),
  /** The last failure, kept until the stage succeeds; `code` is for the UI to branch on. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** A short human-readable note (e.g. "transcription skipped: TRANSCRIBE_URL is not set"). */
  note: z.string().nullable(),
  updatedAt: z.iso.datetime(),
});
export type CallStage = z.infer<typeof CallStageSchema>;

/** Overall state of a call, derived from its stages. */
export const CALL_STATUSES = ['processing', 'done', 'failed'] as const;
export const CallStatusSchema = z.enum(CALL_STATUSES);
export type CallStatus = z.infer<typeof CallStatusSchema>;

export const CallProgressSchema = z.object({
  callId: IdSchema,
  status: CallStatusSchema,
  stages: z.array(CallStageSchema),
});
export type CallProgress = z.infer<typeof CallProgressSchema>;

/** A stretch of speech found by voice-activity detection on one channel (0 = left or mono, 1 = right). */
export const SpeechSpanSchema = z.object({
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  channel: z.union([z.literal(0), z.literal(1)]),
});
export type SpeechSpan = z.infer<typeof SpeechSpanSchema>;

/** A speaker turn with a label (reference RTTM turns, or what the pipeline assigned). */
export type SpeakerTurn = { startMs: number; endMs: number; speaker: Speaker };

/** Coarse emotion of the CLIENT side only (EU AI Act art. 5(1)(f): never for employees). */
export const EMOTIONS = ['neutral', 'satisfied', 'interested', 'hesitant', 'frustrated', 'angry'] as const;
export const EmotionSchema = z.enum(EMOTIONS);
export type Emotion = z.infer<typeof EmotionSchema>;

export const AnalysisSourceSchema = z.enum(['llm', 'rules']);
export type AnalysisSource = z.infer<typeof AnalysisSourceSchema>;

export const TranscriptSegmentSchema = z.object({
  id: IdSchema,
  /** 0-based position in the transcript (time order). */
  index: z.number().int().min(0),
  /** null: not labelled yet (a mono recording before roles, or the reviewer has still to split it). */
  speaker: SpeakerSchema.nullable(),
  channel: z.union([z.literal(0), z.literal(1)]).nullable(),
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  text: z.string(),
  /** CLIENT segments only: −1…1, with a coarse emotion. */
  sentiment: z.number().min(-1).max(1).nullable(),
  emotion: EmotionSchema.nullable(),
  sentimentSource: AnalysisSourceSchema.nullable(),
  /** True once a reviewer changed the text or the label. */
  edited: z.boolean(),
});
export type TranscriptSegment = z.infer<typeof TranscriptSegmentSchema>;

// ---- Scorecards -------------------------------------------------------------------------------

export const CRITERION_RESULTS = ['met', 'partly', 'not_met'] as const;
export const CriterionResultSchema = z.enum(CRITERION_RESULTS);
export type CriterionResult = z.infer<typeof CriterionResultSchema>;

export const ScorecardKeySchema = z
  .string()
  .trim()
  .regex(/^[A-Z][A-Z0-9_]{1,39}$/, 'capital letters, digits and _ (e.g. SALES)');

export const ScorecardCriterionSchema = z.object({
  /** Stable within a template across versions: overrides and trends are keyed by it. */
  id: z.string().trim().regex(/^[a-z][a-z0-9-]{1,59}$/, 'lower-case letters, digits and - (e.g. needs-analysis)'),
  label: shortText(120),
  description: shortText(600),
  weight: z.number().int().min(1).max(100),
  /** A not-met auto-fail criterion sets the whole call's score to 0. */
  autoFail: z.boolean().default(false),
  /** Whose words count as evidence. */
  side: SpeakerSchema.default('CONSULTANT'),
  /** Phrases the phrase rules look for (inflection- and diacritics-tolerant); also shown to the LLM as examples. */
  evidence: z.array(shortText(120)).min(1).max(30),
  /** How many distinct phrases make "met"; one found is "partly" (when this is above 1). */
  needed: z.number().int().min(1).max(10).default(1),
  /**
   * The evidence lists forbidden phrases (threats to a debtor): any one said makes the criterion not met,
   * none makes it met; `needed` does not apply. Absence cannot be shown by a quote, so the rules need the flag.
   */
  forbidden: z.boolean().optional(),
});
export type ScorecardCriterion = z.infer<typeof ScorecardCriterionSchema>;

export const ScorecardInputSchema = z.object({
  key: ScorecardKeySchema,
  name: shortText(120),
  description: shortText(600),
  criteria: z
    .array(ScorecardCriterionSchema)
    .min(1)
    .max(40)
    .refine((cs) => new Set(cs.map((c) => c.id)).size === cs.length, 'criterion ids must be unique'),
});
export type ScorecardInput = z.infer<typeof ScorecardInputSchema>;

/**
 * A save names the version it was edited from (0 for a new template): if another admin saved meanwhile, the
 * save is a CONFLICT instead of quietly replacing their version. Without it, the save always applies.
 */
export const ScorecardSaveInputSchema = ScorecardInputSchema.extend({ basedOnVersion: z.number().int().min(0).optional() });
export type ScorecardSaveInput = z.infer<typeof ScorecardSaveInputSchema>;

export const ScorecardSchema = ScorecardInputSchema.extend({
  version: z.number().int().min(1),
  builtIn: z.boolean(),
  updatedAt: z.iso.datetime(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

export const EvidenceSchema = z.object({
  quote: z.string().max(500),
  atMs: z.number().int().min(0),
  segmentId: IdSchema.nullable(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

/** What the phrase rules or the LLM concluded for one criterion. */
export const CriterionEvaluationSchema = z.object({
  criterionId: z.string(),
  result: CriterionResultSchema,
  evidence: EvidenceSchema.nullable(),
  source: AnalysisSourceSchema,
  rationale: z.string().max(600).nullable(),
});
export type CriterionEvaluation = z.infer<typeof CriterionEvaluationSchema>;

export const CriterionOverrideSchema = z.object({
  result: CriterionResultSchema,
  comment: shortText(1000),
  byUserId: IdSchema,
  at: z.iso.datetime(),
});
export type CriterionOverride = z.infer<typeof CriterionOverrideSchema>;

export const CriterionScoreSchema = z.object({
  criterionId: z.string(),
  label: z.string(),
  weight: z.number(),
  autoFail: z.boolean(),
  automatic: CriterionEvaluationSchema,
  override: CriterionOverrideSchema.nullable(),
  /** The override's result when there is one, else the automatic one. */
  result: CriterionResultSchema,
});
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;

export const CallScoreSchema = z.object({
  scorecardKey: z.string(),
  scorecardVersion: z.number().int(),
  scorecardName: z.string(),
  /** Weighted 0…100 (met = 1, partly = 0.5, not met = 0); 0 when an auto-fail criterion is not met. */
  total: z.number().min(0).max(100),
  autoFailed: z.boolean(),
  criteria: z.array(CriterionScoreSchema),
});
export type CallScore = z.infer<typeof CallScoreSchema>;

// ---- Metrics and sentiment --------------------------------------------------------------------

/** Behavioural metrics of the CONSULTANT side: no emotion inference about employees. */
export const ConsultantMetricsSchema = z.object({
  /** Consultant speech time / all speech time, 0…1. */
  talkRatio: z.number().min(0).max(1),
  longestMonologueMs: z.number().int().min(0),
  /** Times the consultant started speaking while the client was still speaking. */
  interruptions: z.number().int().min(0),
  wordsPerMinute: z.number().min(0),
  questions: z.number().int().min(0),
});
export type ConsultantMetrics = z.infer<typeof ConsultantMetricsSchema>;

export const SentimentPointSchema = z.object({
  segmentId: IdSchema,
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  score: z.number().min(-1).max(1),
  emotion: EmotionSchema,
});
export type SentimentPoint = z.infer<typeof SentimentPointSchema>;

// ---- Calls on the wire ------------------------------------------------------------------------

export const CallSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  consultant: z.object({ id: IdSchema, email: z.string() }),
  client: z.object({ id: IdSchema, name: z.string() }).nullable(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  durationMs: z.number().int(),
  channels: z.number().int().min(1).max(2),
  consultantChannel: ConsultantChannelSchema.nullable(),
  scorecardKey: z.string(),
  status: CallStatusSchema,
  /** null until the scorecard stage has run. */
  score: z.number().min(0).max(100).nullable(),
  /** Mean CLIENT sentiment, −1…1; null until the sentiment stage has run. */
  sentiment: z.number().min(-1).max(1).nullable(),
  recordedAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
});
export type CallSummary = z.infer<typeof CallSummarySchema>;

export const CallDetailSchema = CallSummarySchema.extend({
  stages: z.array(CallStageSchema),
  /** Increases with every reviewer edit of the transcript. */
  transcriptVersion: z.number().int().min(0),
  segments: z.array(TranscriptSegmentSchema),
  evaluation: CallScoreSchema.nullable(),
  metrics: ConsultantMetricsSchema.nullable(),
  sentimentTimeline: z.array(SentimentPointSchema),
});
export type CallDetail = z.infer<typeof CallDetailSchema>;

const isoDate = z.iso.datetime();

/** Filters shared by the list, the dashboard and the XLSX export. */
export const CallFiltersSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  consultantId: IdSchema.optional(),
  clientId: IdSchema.optional(),
  scorecardKey: ScorecardKeySchema.optional(),
  minScore: z.number().min(0).max(100).optional(),
  maxScore: z.number().min(0).max(100).optional(),
  status: CallStatusSchema.optional(),
  /** Full-text search over transcripts; Polish inflection and missing diacritics tolerated. */
  q: z.string().trim().min(2).max(200).optional(),
});
export type CallFilters = z.infer<typeof CallFiltersSchema>;

export const CallListInputSchema = CallFiltersSchema.extend({
  limit: z.number().int().min(1).max(100).default(25),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type CallListInput = z.infer<typeof CallListInputSchema>;

export const UploadOptionsSchema = z.object({
  /** Defaults to the uploader; only managers and admins may name someone else. */
  consultantId: IdSchema.optional(),
  clientId: IdSchema.optional(),
  scorecardKey: ScorecardKeySchema.default('SALES'),
  /** Stereo only; default from the import rule (SUFLER_CALL_CONSULTANT_CHANNEL). */
  consultantChannel: ConsultantChannelSchema.optional(),
  title: shortText(200).optional(),
  recordedAt: isoDate.optional(),
});
export type UploadOptions = z.infer<typeof UploadOptionsSchema>;

export const UploadResultSchema = z.object({
  call: CallSummarySchema,
  /** True when this audio was uploaded before: the existing call is returned, nothing new is stored. */
  duplicate: z.boolean(),
});
export type UploadResult = z.infer<typeof UploadResultSchema>;

/** Why an upload was refused; the HTTP body is `{ error: { code, message } }`. */
export const UPLOAD_ERROR_CODES = [
  'EMPTY_FILE',
  'TOO_LARGE',
  'UNSUPPORTED_TYPE',
  'UNDECODABLE',
  'TOO_LONG',
  'DUPLICATE_OF_OTHER',
  'BAD_OPTIONS',
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export const DashboardSchema = z.object({
  totals: z.object({ calls: z.number().int(), scored: z.number().int(), avgScore: z.number().nullable(), avgSentiment: z.number().nullable() }),
  perConsultant: z.array(
    z.object({ consultantId: IdSchema, email: z.string(), calls: z.number().int(), avgScore: z.number().nullable() }),
  ),
  /** Per period (ISO week start or month start) and scorecard. */
  scoreTrend: z.array(z.object({ period: z.string(), scorecardKey: z.string(), calls: z.number().int(), avgScore: z.number().nullable() })),
  criteria: z.array(
    z.object({ scorecardKey: z.string(), criterionId: z.string(), label: z.string(), calls: z.number().int(), metShare: z.number(), avg: z.number() }),
  ),
  sentimentTrend: z.array(z.object({ period: z.string(), calls: z.number().int(), avgSentiment: z.number().nullable() })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
export const DashboardInputSchema = CallFiltersSchema.extend({ period: z.enum(['week', 'month']).default('week') });
export type DashboardInput = z.infer<typeof DashboardInputSchema>;

// ---- Procedure inputs -------------------------------------------------------------------------

export const CallByIdInputSchema = z.object({ id: IdSchema });

export const RerunStageInputSchema = z.object({ id: IdSchema, stage: CallStageNameSchema });

/** Every transcript edit names the version it was made on: an edit on a stale view is a CONFLICT, not a lost change. */
const edit = { callId: IdSchema, transcriptVersion: z.number().int().min(0) };

export const UpdateSegmentInputSchema = z
  .object({ ...edit, segmentId: IdSchema, text: z.string().trim().max(20_000).optional(), speaker: SpeakerSchema.optional() })
  .refine((v) => v.text !== undefined || v.speaker !== undefined, 'change the text or the speaker');
export type UpdateSegmentInput = z.infer<typeof UpdateSegmentInputSchema>;

/** Merges a segment with the one right after it. */
export const MergeSegmentsInputSchema = z.object({ ...edit, segmentId: IdSchema });
export type MergeSegmentsInput = z.infer<typeof MergeSegmentsInputSchema>;

/** Splits a segment at a character of its text and a time inside it; the second part may get another speaker. */
export const SplitSegmentInputSchema = z.object({
  ...edit,
  segmentId: IdSchema,
  atChar: z.number().int().min(0),
  atMs: z.number().int().min(0),
  secondSpeaker: SpeakerSchema.optional(),
});
export type SplitSegmentInput = z.infer<typeof SplitSegmentInputSchema>;

export const OverrideCriterionInputSchema = z.object({
  callId: IdSchema,
  criterionId: z.string().min(1).max(60),
  /** null removes the override (the automatic result counts again). */
  result: CriterionResultSchema.nullable(),
  comment: shortText(1000).optional(),
}).refine((v) => v.result === null || v.comment !== undefined, 'an override needs a comment');
export type OverrideCriterionInput = z.infer<typeof OverrideCriterionInputSchema>;

export const SetScorecardInputSchema = z.object({ id: IdSchema, scorecardKey: ScorecardKeySchema });

export const SetConsultantChannelInputSchema = z.object({ id: IdSchema, consultantChannel: ConsultantChannelSchema });

export const TranscriptRevisionSchema = z.object({
  version: z.number().int(),
  action: z.enum(['update', 'merge', 'split', 'relabel-all']),
  byUserId: IdSchema,
  at: z.iso.datetime(),
  segmentIds: z.array(IdSchema),
});
export type TranscriptRevision = z.infer<typeof TranscriptRevisionSchema>;
