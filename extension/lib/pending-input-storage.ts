import { z } from 'zod';
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { IdSchema, MAX_OBSERVATION_TEXT } from '@sufler/shared';

/**
 * What the rep typed and the API does not have yet, kept across panel reloads: the observations waiting
 * to be sent (the outbox, oldest first) and the text left in the inputs (drafts), per session.
 */
export const OutboxItemSchema = z.object({
  /** Sent with every try as `ObserveInput.requestId`: the API stores one observation per id. */
  requestId: IdSchema,
  kind: z.enum(['note', 'selection']),
  text: z.string().min(1).max(MAX_OBSERVATION_TEXT),
  /** ISO time it was typed. */
  queuedAt: z.string(),
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

export type DraftField = 'note' | 'chat';

export interface PendingInputStorage {
  loadOutbox(sessionId: string): Promise<OutboxItem[]>;
  /** An empty list forgets the session's outbox. */
  saveOutbox(sessionId: string, items: OutboxItem[]): Promise<void>;
  loadDraft(sessionId: string, field: DraftField): Promise<string>;
  /** An empty text forgets the draft. */
  saveDraft(sessionId: string, field: DraftField, text: string): Promise<void>;
}

const OutboxesSchema = z.record(z.string(), z.array(z.unknown()));
const DraftsSchema = z.record(z.string(), z.string());

/** Each item on its own, so one bad entry (edited by hand, an older version) does not drop the others. */
function parseOutbox(raw: unknown): OutboxItem[] {
  return (Array.isArray(raw) ? raw : []).flatMap((item) => {
    const parsed = OutboxItemSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

const draftKey = (sessionId: string, field: DraftField) => `${sessionId}:${field}`;

/** Kept in memory: tests, and pages without extension storage. */
export function memoryPendingInputStorage(): PendingInputStorage & { outboxes: Map<string, OutboxItem[]>; drafts: Map<string, string> } {
  const outboxes = new Map<string, OutboxItem[]>();
  const drafts = new Map<string, string>();
  return {
    outboxes,
    drafts,
    loadOutbox: (sessionId) => Promise.resolve([...(outboxes.get(sessionId) ?? [])]),
    async saveOutbox(sessionId, items) {
      if (items.length) outboxes.set(sessionId, [...items]);
      else outboxes.delete(sessionId);
    },
    loadDraft: (sessionId, field) => Promise.resolve(drafts.get(draftKey(sessionId, field)) ?? ''),
    async saveDraft(sessionId, field, text) {
      if (text) drafts.set(draftKey(sessionId, field), text);
      else drafts.delete(draftKey(sessionId, field));
    },
  };
}

/** One stored JSON value: an extension storage item, or a localStorage key in the web cockpit. */
export interface StoredValue {
  /** Whatever is stored (`null`/`undefined` when nothing is); read back through the schemas here. */
  getValue(): Promise<unknown>;
  setValue(value: unknown): Promise<void>;
}

/**
 * On two stored values: `outbox` is `{ [sessionId]: OutboxItem[] }`, `drafts` is `{ "<sessionId>:note|chat": text }`.
 * Everything read back is validated (a bad item or value is dropped, not the whole store). Writes are chained,
 * so two quick saves (a draft keystroke, an outbox change) cannot overwrite each other.
 */
export function storedPendingInput({ outbox, drafts }: { outbox: StoredValue; drafts: StoredValue }): PendingInputStorage {
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const readOutboxes = async () => {
    const parsed = OutboxesSchema.safeParse(await outbox.getValue());
    return parsed.success ? parsed.data : {};
  };
  const readDrafts = async () => {
    const parsed = DraftsSchema.safeParse(await drafts.getValue());
    return parsed.success ? parsed.data : {};
  };
  return {
    loadOutbox: (sessionId) => serial(async () => parseOutbox((await readOutboxes())[sessionId])),
    saveOutbox: (sessionId, items) =>
      serial(async () => {
        const all = await readOutboxes();
        if (items.length) all[sessionId] = items.map((item) => OutboxItemSchema.parse(item));
        else delete all[sessionId];
        await outbox.setValue(all);
      }),
    loadDraft: (sessionId, field) => serial(async () => (await readDrafts())[draftKey(sessionId, field)] ?? ''),
    saveDraft: (sessionId, field, text) =>
      serial(async () => {
        const all = await readDrafts();
        if (text) all[draftKey(sessionId, field)] = text;
        else delete all[draftKey(sessionId, field)];
        await drafts.setValue(all);
      }),
  };
}

/** In the extension's `storage.local`, under `outbox` and `drafts` (see `storedPendingInput`). */
export function browserPendingInputStorage(): PendingInputStorage {
  // Defined here, not at import: defining an item reads storage at once, and pages without it import this too.
  // Stored as `unknown`: read back through the schemas above.
  return storedPendingInput({ outbox: storage.defineItem<unknown>('local:outbox'), drafts: storage.defineItem<unknown>('local:drafts') });
}

/** Extension storage where the page has it (side panel), memory otherwise (web cockpit, tests). */
export function defaultPendingInputStorage(): PendingInputStorage {
  // The same `browser` WXT's storage uses (picked when it was imported).
  const extension = browser as { runtime?: unknown; storage?: { local?: unknown } } | undefined;
  return extension?.runtime && extension.storage?.local ? browserPendingInputStorage() : memoryPendingInputStorage();
}
