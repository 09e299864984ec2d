import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { CallDetail, CallProgress } from '@sufler/shared';
import { DomainError, notFound } from '../../errors';
import type { Logger } from '../../logger';
import type { Actor } from '../actor';
import { audit, auditNow } from '../audit/audit';
import { findVisibleCall } from './call-access';
import { callBlobs } from './call-blobs';
import { CallCriterionEntity } from './call-criterion.entity';
import type { CallEvents } from './call-events';
import type { CallPipeline } from './call-pipeline';
import { storedScore } from './call-scoring';
import type { SearchTermHasher } from './call-search';
import { findSegments } from './call-segment.entity';
import { CallStageEntity } from './call-stage.entity';
import { sentimentTimeline, toCallSummary, toProgress, toSegment } from './call-views';
import { CallEntity, type CallRow } from './call.entity';
import type { CallsService } from './calls-service';
import { dashboardOf, listCalls, whereOf } from './calls-query';
import { getScorecard, listScorecards, saveScorecard } from './scorecards.service';
import { createTranscriptEdits } from './transcript-edits';
import { TranscriptRevisionEntity } from './transcript-revision.entity';
import { ingestRecording, type IngestDeps } from './ingest-recording';
import type { BlobStore } from './ports';

/** How often an open progress subscription re-reads the stages even without an event (other replicas). */
const PROGRESS_POLL_MS = 2000;
/** The XLSX export's ceiling: one request never dumps more than this. */
export const EXPORT_LIMIT = 10_000;

export type CallsServiceDeps = {
  orm: MikroORM;
  blobs: BlobStore;
  events: CallEvents;
  pipeline: CallPipeline;
  hashTerm: SearchTermHasher;
  logger: Logger;
  ingest: IngestDeps;
};

export function createCallsService(deps: CallsServiceDeps): CallsService {
  const { orm, blobs, events, pipeline, hashTerm } = deps;
  const edits = createTranscriptEdits(hashTerm);

  async function detail(em: EntityManager, call: CallRow): Promise<CallDetail> {
    const [stages, segments, evaluation] = await Promise.all([
      em.find(CallStageEntity, { call: call.id }),
      findSegments(em, call.id),
      storedScore(em, call),
    ]);
    const progress = toProgress(call.id, stages);
    const wire = segments.map(toSegment);
    return {
      ...toCallSummary(call),
      status: progress.status,
      stages: progress.stages,
      transcriptVersion: call.transcriptVersion,
      segments: wire,
      evaluation,
      metrics: call.metrics ?? null,
      sentimentTimeline: sentimentTimeline(wire),
    };
  }

  async function readProgress(callId: string): Promise<CallProgress | null> {
    const rows = await orm.em.fork().find(CallStageEntity, { call: callId });
    return rows.length ? toProgress(callId, rows) : null;
  }

  async function afterChange(em: EntityManager, actor: Actor, id: string): Promise<CallDetail> {
    em.clear();
    return detail(em, await findVisibleCall(em, actor, id));
  }

  return {
    async list(em, actor, input) {
      return listCalls(em, whereOf(actor, input, hashTerm), input);
    },

    async get(em, actor, id) {
      const call = await findVisibleCall(em, actor, id);
      await auditNow(em, { actor, action: 'read', entity: 'call', entityId: id });
      return detail(em, call);
    },

    async *progress(em, actor, id, signal) {
      await findVisibleCall(em, actor, id);
      let last = '';
      while (!signal?.aborted) {
        const progress = await readProgress(id);
        if (!progress) return; // deleted
        const key = JSON.stringify(progress);
        if (key !== last) {
          last = key;
          yield progress;
        }
        if (progress.status !== 'processing') return;
        await events.next(id, PROGRESS_POLL_MS, signal);
      }
    },

    async rerun(em, actor, id, stage) {
      await findVisibleCall(em, actor, id);
      await pipeline.rerun(em, id, stage);
      await auditNow(em, { actor, action: 'update', entity: 'call', entityId: id, detail: { rerun: stage } });
      return (await readProgress(id))!;
    },

    async updateSegment(em, actor, input) {
      await edits.update(em, actor, await findVisibleCall(em, actor, input.callId), input);
      return afterChange(em, actor, input.callId);
    },
    async mergeSegments(em, actor, input) {
      await edits.merge(em, actor, await findVisibleCall(em, actor, input.callId), input);
      return afterChange(em, actor, input.callId);
    },
    async splitSegment(em, actor, input) {
      await edits.split(em, actor, await findVisibleCall(em, actor, input.callId), input);
      return afterChange(em, actor, input.callId);
    },

    async revisions(em, actor, id) {
      await findVisibleCall(em, actor, id);
      const rows = await em.find(TranscriptRevisionEntity, { call: id }, { orderBy: { version: 'desc' }, fields: ['version', 'action', 'by', 'at', 'segmentIds'] });
      return rows.map((r) => ({ version: r.version, action: r.action, byUserId: r.by.id, at: r.at.toISOString(), segmentIds: r.segmentIds }));
    },

    async recompute(em, actor, id) {
      await findVisibleCall(em, actor, id);
      await pipeline.rerun(em, id, 'scorecard');
      return (await readProgress(id))!;
    },

    async overrideCriterion(em, actor, input) {
      const call = await findVisibleCall(em, actor, input.callId);
      const row = await em.findOne(CallCriterionEntity, { call: call.id, criterionId: input.criterionId });
      if (!row) throw notFound('Criterion result');
      const override = input.result
        ? { overrideResult: input.result, overrideComment: input.comment ?? null, overrideBy: actor.id, overrideAt: new Date() }
        : { overrideResult: null, overrideComment: null, overrideBy: null, overrideAt: null };
      em.assign(row, { ...override, result: input.result ?? row.autoResult });
      // The same total the call page shows: the rows as they are now, override included (identity map).
      const score = (await storedScore(em, call))!;
      call.score = score.total;
      call.autoFailed = score.autoFailed;
      audit(em, { actor, action: 'update', entity: 'call', entityId: call.id, detail: { override: input.criterionId, result: input.result } });
      await em.flush();
      return afterChange(em, actor, call.id);
    },

    async setScorecard(em, actor, id, scorecardKey) {
      const call = await findVisibleCall(em, actor, id);
      await getScorecard(em, scorecardKey);
      call.scorecardKey = scorecardKey;
      await em.nativeDelete(CallCriterionEntity, { call: id }); // overrides belong to the old scorecard
      audit(em, { actor, action: 'update', entity: 'call', entityId: id, detail: { scorecard: scorecardKey } });
      await em.flush();
      await pipeline.rerun(em, id, 'scorecard');
      return (await readProgress(id))!;
    },

    async setConsultantChannel(em, actor, id, channel) {
      const call = await findVisibleCall(em, actor, id);
      if (call.channels !== 2) throw new DomainError('INVALID', 'Only a stereo recording has a consultant channel');
      call.consultantChannel = channel;
      audit(em, { actor, action: 'update', entity: 'call', entityId: id, detail: { consultantChannel: channel } });
      await em.flush();
      // Labels follow the channel (the roles stage); the transcript text is kept.
      await pipeline.rerun(em, id, 'roles');
      return (await readProgress(id))!;
    },

    async remove(em, actor, id) {
      await findVisibleCall(em, actor, id);
      await em.transactional(async (tx) => {
        await tx.nativeDelete(CallEntity, { id }); // stages, segments, scores and revisions cascade
        audit(tx, { actor, action: 'erase', entity: 'call', entityId: id });
      });
      const removed = await blobs.deletePrefix(callBlobs.prefix(id)).catch((error: unknown) => {
        deps.logger.error({ err: error, callId: id }, 'call deleted, but its audio could not be removed from the blob store');
        return 0;
      });
      deps.logger.info({ callId: id, blobs: removed }, 'call deleted');
      events.changed(id);
      return { id };
    },

    async eraseClientCalls(tx, clientId) {
      const ids = (await tx.find(CallEntity, { client: clientId }, { fields: ['id'] })).map((c) => c.id);
      if (ids.length) await tx.nativeDelete(CallEntity, { id: { $in: ids } });
      return {
        calls: ids.length,
        afterCommit: async () => {
          for (const id of ids) await blobs.deletePrefix(callBlobs.prefix(id));
        },
      };
    },

    async dashboard(em, actor, input) {
      return dashboardOf(em, whereOf(actor, input, hashTerm), input);
    },

    scorecards: {
      list: (em) => listScorecards(em),
      get: (em, key) => getScorecard(em, key),
      save: (em, actor, input) => saveScorecard(em, actor, input),
    },

    ingest: (em, actor, file, options, extras) => ingestRecording(em, actor, file, options, deps.ingest, extras),

    async audio(em, actor, id) {
      const call = await findVisibleCall(em, actor, id);
      const bytes = await blobs.get(callBlobs.original(id));
      if (!bytes) throw notFound('Recording');
      await auditNow(em, { actor, action: 'read', entity: 'call-audio', entityId: id });
      return { bytes, mimeType: call.mimeType, call: toCallSummary(call) };
    },

    async exportRows(em, actor, filters) {
      const { items } = await listCalls(em, whereOf(actor, filters, hashTerm), { limit: EXPORT_LIMIT, offset: 0 });
      const criteria = await em.find(CallCriterionEntity, { call: { $in: items.map((c) => c.id) } });
      const cards = new Map((await listScorecards(em)).map((c) => [c.key, c]));
      const byCall = new Map<string, typeof criteria>();
      for (const row of criteria) byCall.set(row.call.id, [...(byCall.get(row.call.id) ?? []), row]);
      await auditNow(em, { actor, action: 'export', entity: 'call', detail: { format: 'xlsx', calls: items.length } });
      return items.map((call) => {
        const rows = byCall.get(call.id) ?? [];
        const labels = new Map(cards.get(call.scorecardKey)?.criteria.map((c) => [c.id, c.label]) ?? []);
        return {
          call,
          scorecardVersion: rows[0]?.scorecardVersion ?? null,
          criteria: rows.map((r) => ({ criterionId: r.criterionId, label: labels.get(r.criterionId) ?? r.criterionId, result: r.result })),
        };
      });
    },

    async reportOf(em, actor, id) {
      const call = await findVisibleCall(em, actor, id);
      await auditNow(em, { actor, action: 'export', entity: 'call', entityId: id, detail: { format: 'pdf' } });
      return detail(em, call);
    },
  };
}
