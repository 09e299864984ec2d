import {
  CALL_STAGES,
  type CallProgress,
  type CallStage,
  type CallStatus,
  type CallSummary,
  type SentimentPoint,
  type TranscriptSegment,
} from '@sufler/shared';
import type { CallSegmentRow } from './call-segment.entity';
import type { CallStageRow } from './call-stage.entity';
import type { CallRow } from './call.entity';

/** `double precision` columns are typed loosely by the ORM; pg reads them as numbers. */
const numberOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Row → wire shapes. The call must have `consultant` and `client` populated. */
export const toCallSummary = (row: CallRow): CallSummary => ({
  id: row.id,
  title: row.title,
  consultant: { id: row.consultant.id, email: row.consultant.email },
  client: row.client ? { id: row.client.id, name: row.client.name } : null,
  mimeType: row.mimeType,
  sizeBytes: row.sizeBytes,
  durationMs: row.durationMs,
  channels: row.channels,
  consultantChannel: row.consultantChannel ?? null,
  scorecardKey: row.scorecardKey,
  status: row.status,
  score: numberOrNull(row.score),
  sentiment: numberOrNull(row.sentiment),
  recordedAt: row.recordedAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

export const toStage = (row: CallStageRow): CallStage => ({
  stage: row.stage,
  state: row.state,
  progress: Number(row.progress),
  attempts: row.attempts,
  error: row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '' } : null,
  note: row.note ?? null,
  updatedAt: row.updatedAt.toISOString(),
});

/** Stages in pipeline order, whatever order the database returned them in. */
export const orderStages = (rows: CallStageRow[]): CallStage[] =>
  [...rows].sort((a, b) => CALL_STAGES.indexOf(a.stage) - CALL_STAGES.indexOf(b.stage)).map(toStage);

/** Failed when a stage failed for good; done when all are; processing otherwise. */
export function statusOf(stages: Pick<CallStage, 'state'>[]): CallStatus {
  if (stages.some((s) => s.state === 'failed')) return 'failed';
  return stages.length > 0 && stages.every((s) => s.state === 'done') ? 'done' : 'processing';
}

export const toProgress = (callId: string, rows: CallStageRow[]): CallProgress => {
  const stages = orderStages(rows);
  return { callId, status: statusOf(stages), stages };
};

export const toSegment = (row: CallSegmentRow): TranscriptSegment => ({
  id: row.id,
  index: row.index,
  speaker: row.speaker ?? null,
  channel: row.channel === 0 || row.channel === 1 ? row.channel : null,
  startMs: row.startMs,
  endMs: row.endMs,
  text: row.text,
  sentiment: numberOrNull(row.sentiment),
  emotion: row.emotion ?? null,
  sentimentSource: row.sentimentSource ?? null,
  edited: row.edited,
});

export const sentimentTimeline = (segments: TranscriptSegment[]): SentimentPoint[] =>
  segments.flatMap((s) =>
    s.speaker === 'CLIENT' && s.sentiment !== null && s.emotion !== null
      ? [{ segmentId: s.id, startMs: s.startMs, endMs: s.endMs, score: s.sentiment, emotion: s.emotion }]
      : [],
  );
