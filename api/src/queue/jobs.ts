import { CallStageNameSchema } from '@sufler/shared';
import { z } from 'zod';

/**
 * Every background job: its queue name and the schema of its payload. Payloads are validated when
 * sent and again when worked, because the queue table is a boundary like any other.
 */
export const JOBS = {
  /** Proves the wiring end to end: enqueue, work, complete. */
  ping: { name: 'system.ping', data: z.object({ sentAt: z.number() }) },
  /** Folds a session's older observations (up to `upTo`) into its running summary. */
  summarizeSession: {
    name: 'analysis.summarize-session',
    data: z.object({ sessionId: z.uuid(), upTo: z.number().int().min(1) }),
  },
  /** Runs one processing stage of a recorded call; on success the next stage is queued. */
  callStage: {
    name: 'calls.stage',
    data: z.object({ callId: z.uuid(), stage: CallStageNameSchema }),
  },
} as const;

export type JobName = keyof typeof JOBS;
export type JobData<N extends JobName> = z.infer<(typeof JOBS)[N]['data']>;
