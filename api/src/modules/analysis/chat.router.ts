import { ChatSendInputSchema } from '@sufler/shared';
import { authedProcedure, router } from '../../trpc/init';

export const chatRouter = router({
  /** Asks the strategic advisor; the answer streams as text deltas, then `done` with the stored message. */
  send: authedProcedure.input(ChatSendInputSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.deps.brain.analysis.chat(ctx.em, ctx.actor, input, signal);
  }),
});
