import { createHash } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { MAX_OBSERVATION_TEXT, type LiveSegment } from '@sufler/shared';
import { DomainError } from '../../errors';
import type { Logger } from '../../logger';
import type { Actor } from '../actor';
import type { AnalysisService } from '../analysis/analysis.service';
import type { LiveRecorderEvent } from './live-events';
import { LiveSessionEntity } from './live-session.entity';

/** Observations are at least this far apart: a burst of short utterances becomes one. */
const MIN_GAP_MS = 1000;

/**
 * Turns finished transcript segments into `transcript` observations of the co-pilot session. One analysis
 * at a time: segments that finish while one runs wait and go together into the next (batched by the
 * conversation's own pace, never per word). Each batch has a request id made from the live session and its
 * number, so a batch sent again after a restart is stored once.
 */
export function createTranscriptFeed(deps: {
  orm: MikroORM;
  analysis: AnalysisService;
  actor: Actor;
  live: { id: string; sessionId: string };
  batches: number;
  logger: Logger;
  now: () => number;
  onAnalysis: (event: Extract<LiveRecorderEvent, { type: 'analysis' }>) => void;
}) {
  let queue: { segment: LiveSegment; speechEndAt: number }[] = [];
  let running: Promise<void> | null = null;
  let batch = deps.batches;
  let lastStart = -Infinity;
  let sessionClosed = false;
  let hurry = false;

  async function run(): Promise<void> {
    const wait = lastStart + MIN_GAP_MS - deps.now();
    if (wait > 0 && !hurry) await new Promise((resolve) => setTimeout(resolve, wait));
    const taken = queue;
    queue = [];
    if (!taken.length || sessionClosed) return;
    lastStart = deps.now();
    const text = taken.map((t) => t.segment.text).join('\n').slice(0, MAX_OBSERVATION_TEXT);
    const last = taken.at(-1)!;
    const number = batch++;
    const em = deps.orm.em.fork();
    try {
      for await (const event of deps.analysis.observe(em, deps.actor, { sessionId: deps.live.sessionId, kind: 'transcript', text, requestId: batchRequestId(deps.live.id, number) })) {
        if (event.type !== 'done') continue;
        deps.onAnalysis({
          type: 'analysis',
          interactionId: event.interactionId,
          afterSegment: last.segment.index,
          latencyMs: deps.now() - last.speechEndAt,
          suggestions: event.analysis.suggestions.map((s) => ({ kind: s.kind, text: s.text })),
        });
      }
      await deps.orm.em.fork().nativeUpdate(LiveSessionEntity, { id: deps.live.id }, { batches: batch });
    } catch (error) {
      // The rep ended the co-pilot session mid-meeting: the recording goes on, the transcript stays in the call.
      if (error instanceof DomainError && error.code === 'CONFLICT') sessionClosed = true;
      else deps.logger.warn({ err: error, liveSessionId: deps.live.id }, 'a transcript observation could not be analysed');
    }
  }

  function kick(): void {
    if (running || !queue.length) return;
    running = run().finally(() => {
      running = null;
      kick();
    });
  }

  return {
    add(segment: LiveSegment, speechEndAt: number): void {
      queue.push({ segment, speechEndAt });
      kick();
    },
    /** Sends what is waiting now (Stop) and resolves when the last analysis is stored. */
    async flush(): Promise<void> {
      hurry = true;
      kick();
      while (running) await running;
    },
  };
}

export type TranscriptFeed = ReturnType<typeof createTranscriptFeed>;

/** A stable UUID for batch `n` of a live session (the observation's idempotency key). */
export function batchRequestId(liveSessionId: string, n: number): string {
  const hex = createHash('sha256').update(`sufler/live-batch/${liveSessionId}/${n}`).digest('hex');
  // Shaped as a version-4-style UUID (the schema checks the shape, not the version's meaning).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
