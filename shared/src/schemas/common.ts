import { z } from 'zod';

/** Every entity id on the wire is a UUID; anything else is rejected before it reaches the database. */
export const IdSchema = z.uuid();
export type Id = z.infer<typeof IdSchema>;

/** Free text typed by a person (names, comments): trimmed, bounded, never empty. */
export const shortText = (max: number) => z.string().trim().min(1).max(max);

/** Offset paging: small pages by default, a hard ceiling so one call cannot dump a table. */
export const PageInputSchema = z.object({
  limit: z.number().int().min(1).max(100).default(20),
  offset: z.number().int().min(0).max(100_000).default(0),
});
export type PageInput = z.infer<typeof PageInputSchema>;

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().min(0) });

/**
 * The most calls one tRPC batch may carry (issue 12: one request held 1,000 creates or 50 logins). The API
 * refuses larger batches whole, before running any; clients split theirs to fit.
 */
export const MAX_BATCH_CALLS = 20;
