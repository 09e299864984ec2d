import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Analysis } from '@sufler/shared';
import { createConnectionMonitor, isOnline, type ConnectionMonitor } from '../../lib/api-client-connection';
import { memoryPendingInputStorage, type OutboxItem, type PendingInputStorage } from '../../lib/pending-input-storage';
import { EMPTY_VIEW, viewFromAnalysis, type AnalysisView } from './analysis-view';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { createDraftSaver } from './draft-saver';
import { createOutboxSender } from './outbox-sender';

export interface TimelineEntry {
  id: string;
  kind: string;
  text: string;
}

/** `send`: the API refused it, the text is back in the input; `analysis`: stored, but the stream broke. */
export type SendError = 'send' | 'analysis';
export type Rating = 1 | -1;
export type ObservationKind = OutboxItem['kind'];

export interface ConversationState {
  sessionId: string;
  timeline: TimelineEntry[];
  /**
   * Observations the API has not accepted yet, oldest first, kept in storage until it does. The first one
   * is being sent when `sending` is true and the connection is up; the others wait their turn.
   */
  outbox: OutboxItem[];
  /** What is in the textarea, kept in storage as it is typed. */
  draft: string;
  /** An observation's stream is running (sent and waiting for `accepted`, or being analysed). */
  sending: boolean;
  sendError: SendError | null;
  /** The API is reachable (as the connection monitor says); while it is not, the outbox waits. */
  online: boolean;
  view: AnalysisView;
  /** The verdicts given on the suggestions now shown, by suggestion id. */
  ratings: Record<string, Rating>;
  rateError: boolean;
  regenerating: boolean;
  regenerateError: boolean;
  setDraft(draft: string): void;
  /** Sends what is in the input as a note. */
  send(): void;
  /**
   * Sends an observation of any kind (a note, or a selection read from the page) to the session. It goes to
   * the outbox first: sent at once when the API is reachable and nothing is ahead of it, later otherwise.
   */
  sendObservation(kind: ObservationKind, text: string): void;
  /** Takes an observation out of the outbox; its text goes back into the input, so nothing is lost. */
  cancel(requestId: string): void;
  /** Tries the outbox again now (after "retry now"). */
  flush(): void;
  regenerate(): Promise<void>;
  rate(suggestionId: string, rating: Rating): Promise<void>;
  /** Takes the server's copy of the session (after a reload), unless a stream is running. */
  hydrate(session: SessionWithInteractions): void;
  /** Stops a running stream and the timers (the screen unmounting); the outbox stays in storage. */
  stop(): void;
  /**
   * Reads what an earlier panel left (outbox, draft), follows the connection and sends the outbox. Called by
   * the screen once mounted, not by the constructor: StrictMode builds a store twice and throws one away,
   * which must not send anything. Also undoes `stop` (StrictMode mounts twice).
   */
  start(): void;
}

export type ConversationStore = StoreApi<ConversationState>;

/** The observations of a stored session, oldest first, and the view of its latest analysis. */
export function fromSession(session: SessionWithInteractions): Pick<ConversationState, 'timeline' | 'view'> {
  const observations = session.interactions.filter((interaction) => interaction.kind !== 'chat');
  let view = EMPTY_VIEW;
  for (const interaction of [...observations].reverse()) {
    const analysis = (interaction.response as { analysis?: Analysis } | null)?.analysis;
    if (analysis?.scores && Array.isArray(analysis.suggestions)) {
      view = viewFromAnalysis(interaction.id, analysis);
      break;
    }
  }
  return {
    timeline: observations.map((interaction) => ({ id: interaction.id, kind: interaction.kind, text: interaction.input })),
    view,
  };
}

/** Text put back into the input, before whatever the rep has typed since. */
const restore = (text: string, draft: string) => (draft.trim() ? `${text}\n${draft}` : text);

export interface ConversationStoreOptions {
  client: CockpitClient;
  session: SessionWithInteractions;
  /** Where the outbox and the draft survive a reload; memory by default. */
  storage?: PendingInputStorage;
  /** Whether the API is reachable; a fresh monitor (always online) by default. */
  connection?: ConnectionMonitor;
  newId?: () => string;
  now?: () => Date;
}

/**
 * One conversation: the timeline, the input and its outbox, the analysis stream and what the rep did with its
 * suggestions. UI/session state only; the session itself is server data and comes in through `hydrate`.
 */
export function createConversationStore({
  client,
  session,
  storage = memoryPendingInputStorage(),
  connection = createConnectionMonitor(),
  newId = () => crypto.randomUUID(),
  now = () => new Date(),
}: ConversationStoreOptions): ConversationStore {
  const drafts = createDraftSaver(storage, session.id, 'note');
  const store = createStore<ConversationState>()((set, get) => ({
    sessionId: session.id,
    ...fromSession(session),
    outbox: [],
    draft: '',
    sending: false,
    sendError: null,
    online: isOnline(connection.getState()),
    ratings: {},
    rateError: false,
    regenerating: false,
    regenerateError: false,

    setDraft(draft) {
      set({ draft });
      drafts.save(draft);
    },

    send() {
      get().sendObservation('note', get().draft);
    },

    sendObservation(kind, raw) {
      const text = raw.trim();
      if (!text) return;
      const item: OutboxItem = { requestId: newId(), kind, text, queuedAt: now().toISOString() };
      const draft = get().draft;
      // It is safe in the outbox (and storage) now: the input is free for the next one.
      if (kind === 'note' && draft.trim() === text) get().setDraft('');
      set({ sendError: null, rateError: false, regenerateError: false });
      sender.enqueue(item);
    },

    cancel(requestId) {
      const item = sender.cancel(requestId);
      if (item) get().setDraft(restore(item.text, get().draft));
    },

    flush: () => sender.pump(),

    async regenerate() {
      const { view, regenerating, sending } = get();
      if (!view.interactionId || regenerating || sending) return;
      set({ regenerating: true, regenerateError: false, rateError: false });
      try {
        const result = await client.analysis.regenerate.mutate({ interactionId: view.interactionId });
        set((state) =>
          state.view.interactionId === result.interactionId
            ? {
                view: { ...state.view, suggestions: [0, 1, 2, 3].map((i) => result.suggestions[i] ?? null), suggestionsBy: result.producedBy },
                ratings: {},
                regenerating: false,
              }
            : { regenerating: false },
        );
      } catch {
        set({ regenerating: false, regenerateError: true });
      }
    },

    async rate(suggestionId, rating) {
      const { view, ratings } = get();
      if (!view.interactionId || ratings[suggestionId] === rating) return;
      const previous = ratings[suggestionId];
      set({ ratings: { ...ratings, [suggestionId]: rating }, rateError: false });
      try {
        await client.feedback.rate.mutate({ interactionId: view.interactionId, suggestionId, rating });
      } catch {
        set((state) => {
          const next = { ...state.ratings };
          if (previous === undefined) delete next[suggestionId];
          else next[suggestionId] = previous;
          return { ratings: next, rateError: true };
        });
      }
    },

    hydrate(next) {
      if (get().sending) return;
      const { timeline, view } = fromSession(next);
      // An observation accepted here but not yet in the server's copy (a stale fetch) stays on screen.
      const known = new Set(timeline.map((entry) => entry.id));
      set((state) => ({ sessionId: next.id, timeline: [...timeline, ...state.timeline.filter((entry) => !known.has(entry.id) && state.sessionId === next.id)], view }));
    },

    stop() {
      sender.stop();
      drafts.flush();
      unwatch?.();
      unwatch = null;
    },

    start() {
      if (unwatch) return;
      unwatch = connection.subscribe((state, previous) => {
        const online = isOnline(state);
        if (online !== store.getState().online) store.setState({ online });
        if ((online && !isOnline(previous)) || state.retries !== previous.retries) sender.pump();
      });
      store.setState({ online: isOnline(connection.getState()) });
      if (!loaded) {
        loaded = true;
        sender.load();
      }
      drafts.restore(store);
      sender.resume();
    },
  }));

  const sender = createOutboxSender({
    client,
    storage,
    connection,
    store,
    restoreText: (item) => store.getState().setDraft(restore(item.text, store.getState().draft)),
  });
  let unwatch: (() => void) | null = null;
  let loaded = false;
  return store;
}
