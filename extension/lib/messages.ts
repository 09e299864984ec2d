import { z } from 'zod';
import { MAX_OBSERVATION_TEXT } from '@sufler/shared';

/**
 * Every message that crosses between extension contexts (background, side panel, content script), as zod
 * schemas. Each receiver parses what it gets: a message is untrusted input, and another extension or an old
 * content script left in a tab after an update can send something of a different shape.
 */

// The most text one observation may carry: the API's own limit, re-exported for the page-reading code.
export { MAX_OBSERVATION_TEXT };

/** Where on the page the text came from: the selection, the focused editor, or the per-site selectors. */
export const PageTextSourceSchema = z.enum(['selection', 'editor', 'selectors', 'none']);
export type PageTextSource = z.infer<typeof PageTextSourceSchema>;

/**
 * Which pages a set of CSS selectors applies to. `hostPattern` is a hostname, optionally starting with `*.`
 * for "this domain and any subdomain" (`*.lightning.force.com`).
 */
export const HostPatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?([a-z0-9-]+\.)*[a-z0-9-]+$/, 'Not a hostname pattern');

export const SiteRuleSchema = z.object({
  hostPattern: HostPatternSchema,
  selectors: z.array(z.string().trim().min(1).max(500)).min(1).max(20),
});
export type SiteRule = z.infer<typeof SiteRuleSchema>;

/** Panel or background → content script: read the page. `want: 'selection'` reads only the selection. */
export const ReadPageRequestSchema = z.object({
  type: z.literal('sufler/read-page'),
  want: z.enum(['selection', 'notes']),
  rules: z.array(SiteRuleSchema).max(100),
});
export type ReadPageRequest = z.infer<typeof ReadPageRequestSchema>;

/** Content script → caller: what it read (empty text with `source: 'none'` when there was nothing). */
export const PageTextSchema = z.object({
  type: z.literal('sufler/page-text'),
  source: PageTextSourceSchema,
  text: z.string().max(MAX_OBSERVATION_TEXT),
  /** How many elements the selectors matched (0 for the other sources). */
  matched: z.number().int().min(0),
  hostname: z.string(),
  /** The text was cut to MAX_OBSERVATION_TEXT. */
  truncated: z.boolean(),
});
export type PageText = z.infer<typeof PageTextSchema>;

/** A selection the rep asked to analyse (context menu or shortcut), waiting for the side panel to send it. */
export const PendingSelectionSchema = z.object({
  id: z.string().min(1).max(100),
  text: z.string().trim().min(1).max(MAX_OBSERVATION_TEXT),
  origin: z.enum(['context-menu', 'shortcut']),
  pageTitle: z.string().max(500).optional(),
  /** Epoch milliseconds, when the rep asked. */
  at: z.number().int().nonnegative(),
});
export type PendingSelection = z.infer<typeof PendingSelectionSchema>;

/** Background → side panel: a new pending selection is in `storage.session` (the panel also watches it). */
export const SelectionPendingMessageSchema = z.object({
  type: z.literal('sufler/selection-pending'),
  selection: PendingSelectionSchema,
});
export type SelectionPendingMessage = z.infer<typeof SelectionPendingMessageSchema>;

/** Parses a message of one schema; anything else (another shape, another extension's message) is null. */
export function parseMessage<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
