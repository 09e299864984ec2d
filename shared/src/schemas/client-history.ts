import { z } from 'zod';
import { ClientSchema } from './client';
import { IdSchema } from './common';
import { KeyFactsSchema } from './session';

/** One past or open conversation as the client file lists it; observations exclude advisor chat. */
export const ClientHistorySessionSchema = z.object({
  id: IdSchema,
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  observationCount: z.number().int().min(0),
});
export type ClientHistorySession = z.infer<typeof ClientHistorySessionSchema>;

/**
 * A client's file: every session (newest first), and the running key facts and summary, which each new
 * session carries over from the one before and the analysis keeps up to date.
 */
export const ClientHistorySchema = z.object({
  client: ClientSchema,
  sessions: z.array(ClientHistorySessionSchema),
  keyFacts: KeyFactsSchema,
  summary: z.string().nullable(),
});
export type ClientHistory = z.infer<typeof ClientHistorySchema>;
