import { ObserveInputSchema, RegenerateInputSchema, StrategyInputSchema } from '@sufler/shared';
import { authedProcedure, router } from '../../trpc/init';

export const analysisRouter = router({
  /**
   * Analyses one observation and streams the stages as they finish: accepted (stored) → signals →
   * archetypes → scores → each of the 4 next moves → done (the whole analysis, stored).
   */
  observe: authedProcedure.input(ObserveInputSchema).subscription(async function* ({ ctx, input, signal }) {
    yield* ctx.deps.brain.analysis.observe(ctx.em, ctx.actor, input, signal);
  }),
  /** Four new next moves for an analysed observation; none repeats one shown before in the session. */
  regenerate: authedProcedure
    .input(RegenerateInputSchema)
    .mutation(({ ctx, input, signal }) => ctx.deps.brain.analysis.regenerate(ctx.em, ctx.actor, input.interactionId, signal)),
  /** The full strategy (five sections), cached until the session changes. */
  strategy: authedProcedure
    .input(StrategyInputSchema)
    .mutation(({ ctx, input, signal }) => ctx.deps.brain.analysis.strategy(ctx.em, ctx.actor, input.sessionId, input.language, signal)),
});
