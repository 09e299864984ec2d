import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { CALL_STAGES, type CallStageName } from '@sufler/shared';
import { DomainError } from '../../errors';
import type { Logger } from '../../logger';
import type { Queue } from '../../queue/queue';
import type { CallEvents } from './call-events';
import { CallStageEntity } from './call-stage.entity';
import { STAGE_RUNNERS, type StageDeps } from './call-stages';
import { callBlobs } from './call-blobs';
import { statusOf } from './call-views';
import { CallEntity } from './call.entity';
import { asStageError } from './stage-error';

/** pg-boss tries a job this many times in all (`retryLimit: 3` in queue.ts, with backoff). */
const MAX_ATTEMPTS = 4;
/** Progress is written at most this often, so a fast stage does not hammer the database. */
const PROGRESS_EVERY_MS = 400;
/** A stage that takes longer than this is stuck (a server that never answers): it is aborted and retried. */
const STAGE_TIMEOUT_MS = 60 * 60 * 1000;

export type CallPipeline = ReturnType<typeof createCallPipeline>;

/**
 * The call flow as jobs: each stage is one `callStage` job; when it succeeds the next one is queued.
 * A transient failure (a server that was down) is retried by the queue; a permanent one marks the stage
 * failed and stops there, and `rerun` starts again from that stage without redoing the ones before.
 */
export function createCallPipeline(deps: { orm: MikroORM; queue: Queue; events: CallEvents; logger: Logger; stages: StageDeps }) {
  const { orm, queue, events, logger } = deps;

  async function run({ callId, stage }: { callId: string; stage: CallStageName }): Promise<void> {
    const em = orm.em.fork();
    const row = await em.findOne(CallStageEntity, { call: callId, stage });
    const call = await em.findOne(CallEntity, { id: callId });
    if (!row || !call || row.state === 'done' || row.state === 'failed') return; // deleted, or a duplicate job
    row.state = 'running';
    row.attempts += 1;
    row.progress = 0;
    await em.flush();
    events.changed(callId);

    let lastWrite = 0;
    const progress = (fraction: number) => {
      const now = Date.now();
      if (now - lastWrite < PROGRESS_EVERY_MS) return;
      lastWrite = now;
      void orm.em
        .fork()
        .nativeUpdate(CallStageEntity, { call: callId, stage, state: 'running' }, { progress: Math.min(0.99, Math.max(0, fraction)) })
        .then(() => events.changed(callId))
        .catch(() => undefined);
    };

    // A call deleted while one of its stages ran: what the stage wrote to the blob store after the deletion
    // removed the call's audio (decoded channels) must not stay behind.
    const sweepIfDeleted = async () => {
      if (await orm.em.fork().findOne(CallEntity, { id: callId }, { fields: ['id'] })) return;
      await deps.stages.blobs.deletePrefix(callBlobs.prefix(callId)).catch(() => undefined);
    };

    try {
      const outcome = await STAGE_RUNNERS[stage]({ em, call, progress, signal: AbortSignal.timeout(STAGE_TIMEOUT_MS) }, deps.stages);
      // The stage's results first; a crash before the stage is marked done leaves it running, and the
      // queue hands the job out again once it expires: every stage can safely run twice.
      await em.flush();
      await em.transactional(async (tx) => {
        const fresh = await tx.findOne(CallStageEntity, { call: callId, stage });
        if (!fresh || !(await tx.findOne(CallEntity, { id: callId }))) return; // deleted meanwhile
        tx.assign(fresh, { state: 'done', progress: 1, errorCode: null, errorMessage: null, note: outcome.note ?? null });
        const next = CALL_STAGES[CALL_STAGES.indexOf(stage) + 1];
        if (next) await queue.send('callStage', { callId, stage: next }, tx);
        await tx.flush();
        await updateStatus(tx, callId);
      }, { clear: false });
    } catch (caught) {
      const error = asStageError(caught);
      const retry = error.transient && row.attempts < MAX_ATTEMPTS;
      logger.warn({ callId, stage, code: error.code, attempt: row.attempts, retry, err: caught }, 'call stage failed');
      const failed = orm.em.fork();
      await failed.nativeUpdate(
        CallStageEntity,
        { call: callId, stage },
        { state: retry ? 'pending' : 'failed', errorCode: error.code, errorMessage: error.message.slice(0, 2000), note: retry ? 'Trying again' : null },
      );
      await updateStatus(failed, callId);
      await sweepIfDeleted();
      events.changed(callId);
      if (retry) throw caught; // the queue retries it with backoff
      return;
    }
    await sweepIfDeleted();
    events.changed(callId);
  }

  return {
    /** Registers the job handler on the queue. */
    start: () => queue.work('callStage', run),

    /** Marks `stage` and the stages after it pending and queues it; the stages before it are kept. */
    async rerun(em: EntityManager, callId: string, stage: CallStageName): Promise<void> {
      const from = CALL_STAGES.indexOf(stage);
      await em.transactional(async (tx) => {
        const rows = await tx.find(CallStageEntity, { call: callId });
        const before = rows.filter((r) => CALL_STAGES.indexOf(r.stage) < from);
        const blocking = before.find((r) => r.state !== 'done');
        if (blocking) throw new DomainError('CONFLICT', `Stage ${blocking.stage} has not finished yet`);
        if (rows.some((r) => r.state === 'running')) throw new DomainError('CONFLICT', 'This call is being processed: wait until it finishes');
        for (const r of rows) {
          if (CALL_STAGES.indexOf(r.stage) >= from) tx.assign(r, { state: 'pending', progress: 0, errorCode: null, errorMessage: null, note: null, attempts: 0 });
        }
        await tx.flush();
        await queue.send('callStage', { callId, stage }, tx);
        await updateStatus(tx, callId);
      });
      events.changed(callId);
    },
  };
}

async function updateStatus(em: EntityManager, callId: string): Promise<void> {
  const rows = await em.find(CallStageEntity, { call: callId }, { refresh: true });
  if (rows.length) await em.nativeUpdate(CallEntity, { id: callId }, { status: statusOf(rows) });
}
