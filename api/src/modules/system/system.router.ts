import { setTimeout as sleep } from 'node:timers/promises';
import { TRPCError } from '@trpc/server';
import { roleProcedure, router } from '../../trpc/init';

export const systemRouter = router({
  /**
   * Sends a ping through the job queue and streams its state until a worker completes it:
   * proves the queue and the WebSocket path end to end.
   */
  pingJob: roleProcedure('admin').subscription(async function* ({ ctx, signal }) {
    const id = await ctx.deps.queue.send('ping', { sentAt: Date.now() });
    let last = '';
    const deadline = Date.now() + 30_000;
    while (!signal?.aborted && Date.now() < deadline) {
      const job = await ctx.deps.queue.state('ping', id);
      if (job && job.state !== last) {
        last = job.state;
        yield { id, state: job.state, output: job.output ?? null };
        if (job.state === 'completed' || job.state === 'failed' || job.state === 'cancelled') return;
      }
      await sleep(100, undefined, { signal }).catch(() => undefined);
    }
    if (!signal?.aborted) throw new TRPCError({ code: 'TIMEOUT', message: 'No worker completed the ping job in 30 s' });
  }),
});
