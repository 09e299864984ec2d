import { z } from 'zod';
import { IdSchema } from './common';

/** A rep's verdict on one suggested next move: +1 helpful, −1 not. Rating again replaces the verdict. */
export const FeedbackRateInputSchema = z.object({
  interactionId: IdSchema,
  suggestionId: z.string().trim().min(1).max(100),
  rating: z.union([z.literal(1), z.literal(-1)]),
  comment: z.string().trim().max(2000).optional(),
});
export type FeedbackRateInput = z.infer<typeof FeedbackRateInputSchema>;

export const FeedbackSchema = z.object({
  id: IdSchema,
  interactionId: IdSchema,
  suggestionId: z.string(),
  rating: z.union([z.literal(1), z.literal(-1)]),
  comment: z.string().nullable(),
  userId: IdSchema,
  createdAt: z.date(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
