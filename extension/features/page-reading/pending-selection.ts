import { PendingSelectionSchema, SelectionPendingMessageSchema, parseMessage, type PendingSelection } from '../../lib/messages';
import { pendingArea, type PageReadingBrowser } from './page-reading-browser';

/** The selection waiting for the side panel, in `storage.session` (or `storage.local`) under this key. */
export const PENDING_SELECTION_KEY = 'pendingSelection';

export function parsePendingSelection(raw: unknown): PendingSelection | null {
  return parseMessage(PendingSelectionSchema, raw);
}

/** How the side panel learns about selections sent from the page; a fake in tests. */
export interface PendingSelectionSource {
  load(): Promise<PendingSelection | null>;
  /** Forgets the selection, unless a newer one has replaced it meanwhile. */
  clear(id: string): Promise<void>;
  /**
   * Takes the selection for sending: true for exactly one caller, even with several panels open (one per
   * window, or the panel opened as a tab), so a selection is analysed once.
   */
  claim(id: string): Promise<boolean>;
  /** Called with each new pending selection (and null when it is cleared); returns the unsubscribe. */
  watch(callback: (selection: PendingSelection | null) => void): () => void;
}

/**
 * The extension's pending selection: read from storage on load, then followed through storage changes and
 * the background's message (whichever comes first; the selection's id makes the second a no-op).
 */
export function browserPendingSelection(api: PageReadingBrowser): PendingSelectionSource {
  const area = pendingArea(api);
  const load = async () => parsePendingSelection((await area.get(PENDING_SELECTION_KEY))[PENDING_SELECTION_KEY]);
  const take = async (id: string) => {
    if ((await load())?.id !== id) return false;
    await area.remove(PENDING_SELECTION_KEY);
    return true;
  };
  return {
    load,
    async clear(id) {
      await take(id);
    },
    claim: (id) => withLock(take.bind(null, id)),
    watch(callback) {
      const onStorage = (changes: Record<string, { newValue?: unknown }>) => {
        if (PENDING_SELECTION_KEY in changes) callback(parsePendingSelection(changes[PENDING_SELECTION_KEY]!.newValue));
      };
      const onMessage = (raw: unknown) => {
        const message = parseMessage(SelectionPendingMessageSchema, raw);
        if (message) callback(message.selection);
      };
      area.onChanged?.addListener(onStorage);
      api.runtime.onMessage?.addListener(onMessage);
      return () => {
        area.onChanged?.removeListener(onStorage);
        api.runtime.onMessage?.removeListener(onMessage);
      };
    },
  };
}

let chain: Promise<unknown> = Promise.resolve();

/**
 * Web Locks are shared by every page of the extension's origin (Chrome, Firefox 96+); where there are none
 * (Node in tests), claims are at least serialised within this page.
 */
async function withLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks) return (await locks.request('sufler-pending-selection', task)) as T;
  const run = chain.then(task, task);
  chain = run.catch(() => undefined);
  return run;
}
