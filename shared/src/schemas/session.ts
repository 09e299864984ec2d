import { z } from 'zod';
import { IdSchema } from './common';

/** Where an observation came from: typed note, page selection, meeting transcript, or advisor chat. */
export const INTERACTION_KINDS = ['note', 'selection', 'transcript', 'chat'] as const;
export const InteractionKindSchema = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

/** Key facts: short tags the co-pilot always keeps in mind about a client (budget, family, current car…). */
export const KeyFactsSchema = z.record(z.string().max(60), z.string().max(500));
export type KeyFacts = z.infer<typeof KeyFactsSchema>;

export const SessionStartInputSchema = z.object({ clientId: IdSchema });
export const SessionEndInputSchema = z.object({
  id: IdSchema,
  summary: z.string().trim().max(20_000).optional(),
});
export const SessionListInputSchema = z.object({ clientId: IdSchema });

export const InteractionSchema = z.object({
  id: IdSchema,
  sessionId: IdSchema,
  at: z.date(),
  kind: InteractionKindSchema,
  input: z.string(),
  /** What the co-pilot answered; its shape is owned by the analysis module. */
  response: z.unknown().nullable(),
});
export type Interaction = z.infer<typeof InteractionSchema>;

export const SessionSchema = z.object({
  id: IdSchema,
  clientId: IdSchema,
  userId: IdSchema,
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  summary: z.string().nullable(),
  keyFacts: KeyFactsSchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const SessionWithInteractionsSchema = SessionSchema.extend({
  interactions: z.array(InteractionSchema),
});
export type SessionWithInteractions = z.infer<typeof SessionWithInteractionsSchema>;
