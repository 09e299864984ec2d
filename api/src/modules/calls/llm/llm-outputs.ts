import { CriterionResultSchema, EmotionSchema } from '@sufler/shared';
import { z } from 'zod';

/**
 * What the model must answer for call evaluation, as zod schemas: sent as Ollama's `format` and
 * used to validate the answer. Ids, quotes and indexes are checked against the call afterwards.
 */
export const ScorecardAnswerSchema = z.object({
  criteria: z
    .array(
      z.object({
        criterionId: z.string().max(60),
        result: CriterionResultSchema,
        quote: z.string().max(500).describe('words copied verbatim from the cited transcript line; empty when not met'),
        segmentIndex: z.number().int().min(0).nullable().describe('the number in brackets of the quoted line; null when not met'),
        rationale: z.string().max(600),
      }),
    )
    .max(40),
});
export type ScorecardAnswer = z.infer<typeof ScorecardAnswerSchema>;

export const SentimentAnswerSchema = z.object({
  segments: z
    .array(
      z.object({
        index: z.number().int().min(0),
        // Not bounded here: an out-of-range score is clamped rather than sent back for repair.
        score: z.number().describe('-1 hostile … 0 neutral … 1 delighted'),
        emotion: EmotionSchema,
      }),
    )
    .max(100),
});
export type SentimentAnswer = z.infer<typeof SentimentAnswerSchema>;
