import type { StoreApi } from 'zustand/vanilla';
import { isOnline, type ConnectionMonitor } from '../../lib/api-client-connection';
import type { OutboxItem, PendingInputStorage } from '../../lib/pending-input-storage';
import { reduceAnalysis } from './analysis-view';
import type { CockpitClient } from './cockpit-client';
import type { ConversationState } from './conversation-store';

const COMPLETED = Symbol('completed before accepted');

/**
 * Whether a send that ended before `accepted` was refused by the API (its answer, a typed error: the
 * text goes back to the rep) rather than lost on the way (it stays queued and is sent again). tRPC's
 * wsLink keeps a subscription through a lost socket and only gives up with a "WebSocket closed" error.
 */
function wasRefused(error: unknown, connection: ConnectionMonitor): boolean {
  if (error === COMPLETED || !isOnline(connection.getState())) return false;
  const { name, cause } = (error ?? {}) as { name?: string; cause?: { name?: string } };
  return name !== 'TRPCWebSocketClosedError' && cause?.name !== 'TRPCWebSocketClosedError';
}

/**
 * Sends the conversation's outbox, one observation at a time and in order, each with its request id, so
 * a resend (ours after a failure, or tRPC's own resubscribe after a reconnect) never stores a copy. An
 * observation leaves the outbox (and storage) once the API has accepted it.
 */
export function createOutboxSender({
  client,
  storage,
  connection,
  store,
  restoreText,
  retryMs = 3000,
}: {
  client: CockpitClient;
  storage: PendingInputStorage;
  connection: ConnectionMonitor;
  store: StoreApi<ConversationState>;
  restoreText: (item: OutboxItem) => void;
  retryMs?: number;
}) {
  let current: { item: OutboxItem; finished: boolean; subscription: { unsubscribe(): void } | null } | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let loaded = false;
  let stopped = false;
  const sessionId = () => store.getState().sessionId;

  // Not before the stored outbox was read: writing first would drop what an earlier panel left there.
  const persist = () => {
    if (loaded) void storage.saveOutbox(sessionId(), store.getState().outbox).catch(() => undefined);
  };
  const remove = (requestId: string) => {
    store.setState((state) => ({ outbox: state.outbox.filter((item) => item.requestId !== requestId) }));
    persist();
  };

  function start(item: OutboxItem) {
    const run: NonNullable<typeof current> = { item, finished: false, subscription: null };
    current = run;
    let accepted: string | null = null;
    const finish = (error?: unknown) => {
      if (run.finished) return;
      run.finished = true;
      current = null;
      if (error === undefined || accepted) {
        store.setState({ sending: false, sendError: error === undefined ? null : 'analysis' });
      } else if (wasRefused(error, connection)) {
        remove(item.requestId);
        restoreText(item);
        store.setState({ sending: false, sendError: 'send' });
      } else {
        // Lost on the way: it stays first in line, for when the connection is back (or the next try).
        store.setState({ sending: false });
        clearTimeout(retryTimer);
        retryTimer = setTimeout(pump, retryMs);
        return;
      }
      pump();
    };
    store.setState({ sending: true, sendError: null });
    run.subscription = client.analysis.observe.subscribe(
      { sessionId: sessionId(), kind: item.kind, text: item.text, requestId: item.requestId },
      {
        onData(event) {
          if (run.finished) return;
          if (event.type === 'accepted' && accepted === null) {
            accepted = event.interactionId;
            remove(item.requestId);
            store.setState((state) => ({
              // A replay (a resend the API recognised) can bring an id the timeline has already.
              timeline: state.timeline.some((entry) => entry.id === event.interactionId)
                ? state.timeline
                : [...state.timeline, { id: event.interactionId, kind: item.kind, text: item.text }],
              ratings: {},
            }));
          }
          // A second `accepted` (tRPC resubscribed after a reconnect) restarts the stages of the same interaction.
          store.setState((state) => ({ view: reduceAnalysis(state.view, event) }));
          if (event.type === 'done') finish();
        },
        onError: (error) => finish(error ?? new Error('observe failed')),
        onComplete: () => finish(COMPLETED),
      },
    );
  }

  function pump() {
    clearTimeout(retryTimer);
    if (stopped || !loaded || current || !store.getState().online) return;
    const next = store.getState().outbox[0];
    if (next) start(next);
  }

  return {
    pump,
    load() {
      void storage
        .loadOutbox(sessionId())
        .catch(() => [] as OutboxItem[])
        .then((saved) => {
          // What an earlier panel left goes first: it was typed first.
          store.setState((state) => {
            const mine = new Set(state.outbox.map((item) => item.requestId));
            return { outbox: [...saved.filter((item) => !mine.has(item.requestId)), ...state.outbox] };
          });
          loaded = true;
          persist();
          pump();
        });
    },
    enqueue(item: OutboxItem) {
      store.setState((state) => ({ outbox: [...state.outbox, item] }));
      persist();
      pump();
    },
    /** Takes an item out (stopping its send if it is the one in flight); `null` when it is not there. */
    cancel(requestId: string): OutboxItem | null {
      const item = store.getState().outbox.find((candidate) => candidate.requestId === requestId);
      if (!item) return null;
      if (current?.item.requestId === requestId) {
        current.finished = true;
        current.subscription?.unsubscribe();
        current = null;
        store.setState({ sending: false });
      }
      remove(requestId);
      pump();
      return item;
    },
    resume() {
      stopped = false;
      pump();
    },
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      if (current) {
        current.finished = true;
        current.subscription?.unsubscribe();
        current = null;
      }
      if (store.getState().sending) store.setState({ sending: false });
    },
  };
}
