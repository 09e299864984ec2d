import type { DraftField, PendingInputStorage } from '../../lib/pending-input-storage';

/**
 * Keeps an input's text in storage, a moment after the typing pauses, so a panel reload gives it back.
 * `flush` writes a pending change at once (the screen closing); `restore` gives the stored text back.
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
  let restored = false;
  return {
    /**
     * Once per saver (a screen remounted by StrictMode reads it once): puts the stored text into the
     * owner's `draft`, unless something was typed meanwhile.
     */
    restore(into: { getState(): { draft: string }; setState(partial: { draft: string }): void }) {
      if (restored) return;
      restored = true;
      void storage
        .loadDraft(sessionId, field)
        .catch(() => '')
        .then((saved) => {
          if (saved && !into.getState().draft) into.setState({ draft: saved });
        });
    },
    save(text: string) {
      pending = text;
      clearTimeout(timer);
      timer = setTimeout(write, delayMs);
    },
    flush: write,
  };
}
