import type { DraftField, PendingInputStorage } from '../../lib/pending-input-storage';

/**
 * Keeps an input's text in storage, a moment after the typing pauses, so a panel reload gives it back.
 * `flush` writes a pending change at once (the screen closing).
 */
export function createDraftSaver(storage: PendingInputStorage, sessionId: string, field: DraftField, delayMs = 400) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | null = null;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === null) return;
    const text = pending;
    pending = null;
    void storage.saveDraft(sessionId, field, text).catch(() => undefined);
  };
  return {
    load: () => storage.loadDraft(sessionId, field).catch(() => ''),
    save(text: string) {
      pending = text;
      clearTimeout(timer);
      timer = setTimeout(write, delayMs);
    },
    flush: write,
  };
}
