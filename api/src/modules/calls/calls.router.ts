import {
  CallByIdInputSchema,
  CallListInputSchema,
  DashboardInputSchema,
  MergeSegmentsInputSchema,
  OverrideCriterionInputSchema,
  RerunStageInputSchema,
  ScorecardSaveInputSchema,
  ScorecardKeySchema,
  SetConsultantChannelInputSchema,
  SetScorecardInputSchema,
  SplitSegmentInputSchema,
  UpdateSegmentInputSchema,
} from '@sufler/shared';
import { z } from 'zod';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';

/**
 * Call evaluation. Uploads, playback and exports are plain HTTP (binary bodies: see `calls-http.ts`);
 * everything else is here. Consultants see their own calls, managers and admins everyone's.
 */
export const callsRouter = router({
  list: authedProcedure.input(CallListInputSchema).query(({ ctx, input }) => ctx.deps.calls.list(ctx.em, ctx.actor, input)),
  get: authedProcedure.input(CallByIdInputSchema).query(({ ctx, input }) => ctx.deps.calls.get(ctx.em, ctx.actor, input.id)),
  /** The stages' progress now, then on every change until the call is done or failed. */
  progress: authedProcedure.input(CallByIdInputSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.deps.calls.progress(ctx.em, ctx.actor, input.id, signal);
  }),
  /** Runs one stage again (and the ones after it); the stages before it are kept. */
  rerun: authedProcedure.input(RerunStageInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.rerun(ctx.em, ctx.actor, input.id, input.stage)),
  updateSegment: authedProcedure.input(UpdateSegmentInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.updateSegment(ctx.em, ctx.actor, input)),
  mergeSegments: authedProcedure.input(MergeSegmentsInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.mergeSegments(ctx.em, ctx.actor, input)),
  splitSegment: authedProcedure.input(SplitSegmentInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.splitSegment(ctx.em, ctx.actor, input)),
  revisions: authedProcedure.input(CallByIdInputSchema).query(({ ctx, input }) => ctx.deps.calls.revisions(ctx.em, ctx.actor, input.id)),
  recompute: authedProcedure.input(CallByIdInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.recompute(ctx.em, ctx.actor, input.id)),
  overrideCriterion: authedProcedure
    .input(OverrideCriterionInputSchema)
    .mutation(({ ctx, input }) => ctx.deps.calls.overrideCriterion(ctx.em, ctx.actor, input)),
  setScorecard: authedProcedure
    .input(SetScorecardInputSchema)
    .mutation(({ ctx, input }) => ctx.deps.calls.setScorecard(ctx.em, ctx.actor, input.id, input.scorecardKey)),
  setConsultantChannel: authedProcedure
    .input(SetConsultantChannelInputSchema)
    .mutation(({ ctx, input }) => ctx.deps.calls.setConsultantChannel(ctx.em, ctx.actor, input.id, input.consultantChannel)),
  /** Deletes the audio, the transcript and the scores; audited. */
  delete: authedProcedure.input(CallByIdInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.remove(ctx.em, ctx.actor, input.id)),
  dashboard: authedProcedure.input(DashboardInputSchema).query(({ ctx, input }) => ctx.deps.calls.dashboard(ctx.em, ctx.actor, input)),
});

export const scorecardsRouter = router({
  list: authedProcedure.query(({ ctx }) => ctx.deps.calls.scorecards.list(ctx.em)),
  get: authedProcedure.input(z.object({ key: ScorecardKeySchema })).query(({ ctx, input }) => ctx.deps.calls.scorecards.get(ctx.em, input.key)),
  /** Templates shape how everyone is scored: admins only. */
  save: roleProcedure('admin').input(ScorecardSaveInputSchema).mutation(({ ctx, input }) => ctx.deps.calls.scorecards.save(ctx.em, ctx.actor, input)),
});
