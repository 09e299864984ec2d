import { SignalIdSchema, SuggestionKindSchema } from '@sufler/shared';
import { z } from 'zod';

/**
 * What the model must answer, as zod schemas: sent as Ollama's `format` (JSON schema) and used to
 * validate the answer, since not every backend enforces `format`.
 */
export const QualitativeAnalysisSchema = z.object({
  signals: z
    .array(
      z.object({
        id: SignalIdSchema,
        strength: z.number().min(0).max(1),
        evidence: z.string().max(300).describe("the client's own words, quoted"),
      }),
    )
    .max(20),
  sentiment: z.object({ score: z.number().min(-1).max(1), label: z.enum(['negative', 'neutral', 'positive']) }),
  summary: z.string().max(600),
});
export type QualitativeAnalysis = z.infer<typeof QualitativeAnalysisSchema>;

export const SuggestionDraftSchema = z.object({
  kind: SuggestionKindSchema,
  text: z.string().min(1).max(600),
  rationale: z.string().min(1).max(600),
  basedOn: z.array(z.string().max(120)).max(6),
});
export type SuggestionDraft = z.infer<typeof SuggestionDraftSchema>;

export const SuggestionsOutputSchema = z.object({ suggestions: z.array(SuggestionDraftSchema).min(1).max(4) });

export const SummaryOutputSchema = z.object({ summary: z.string().min(1).max(4000) });
