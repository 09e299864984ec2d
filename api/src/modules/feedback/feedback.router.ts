import { FeedbackRateInputSchema } from '@sufler/shared';
import { authedProcedure, router } from '../../trpc/init';
import { rateSuggestion } from './feedback.service';

export const feedbackRouter = router({
  rate: authedProcedure.input(FeedbackRateInputSchema).mutation(({ ctx, input }) => rateSuggestion(ctx.em, ctx.actor, input)),
});
