import { LiveIdInputSchema, LiveNoticeSaveInputSchema, LiveStartInputSchema } from '@sufler/shared';
import { z } from 'zod';
import { authedProcedure, roleProcedure, router } from '../../trpc/init';

/**
 * Live meetings. The audio itself goes over the `/live` WebSocket (binary frames, see `live-socket.ts`);
 * these start a recording (after the rep confirms the client was told), stop it, and follow it.
 */
export const liveRouter = router({
  /** The consent notice the rep must confirm, with its version. */
  notice: authedProcedure.query(({ ctx }) => ctx.deps.live.notice(ctx.em)),
  /** The dealership's own notice text: admins only. */
  saveNotice: roleProcedure('admin').input(LiveNoticeSaveInputSchema).mutation(({ ctx, input }) => ctx.deps.live.saveNotice(ctx.em, ctx.actor, input.text)),
  /** Consent confirmed (audited): a live session the capture's socket may stream into. */
  start: authedProcedure.input(LiveStartInputSchema).mutation(({ ctx, input }) => ctx.deps.live.start(ctx.em, ctx.actor, input)),
  /** Stop: whatever was recorded becomes a call (also when the capture is gone). */
  stop: authedProcedure.input(LiveIdInputSchema).mutation(({ ctx, input }) => ctx.deps.live.stop(ctx.em, ctx.actor, input.liveSessionId)),
  get: authedProcedure.input(LiveIdInputSchema).query(({ ctx, input }) => ctx.deps.live.get(ctx.em, ctx.actor, input.liveSessionId)),
  /** The recording live session of a co-pilot session, if any. */
  active: authedProcedure.input(z.object({ sessionId: z.uuid() })).query(({ ctx, input }) => ctx.deps.live.active(ctx.em, ctx.actor, input.sessionId)),
  /** State, segments and analysis updates until the session is stopped. */
  follow: authedProcedure.input(LiveIdInputSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.deps.live.follow(ctx.em, ctx.actor, input.liveSessionId, signal);
  }),
});
