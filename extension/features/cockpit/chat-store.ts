import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ProducedBy } from '@sufler/shared';
import { createConnectionMonitor, isOnline, type ConnectionMonitor } from '../../lib/api-client-connection';
import { memoryPendingInputStorage, type PendingInputStorage } from '../../lib/pending-input-storage';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';
import { createDraftSaver } from './draft-saver';

export interface ChatMessage {
  /** The stored interaction's id; a local one for a message asked on this screen. */
  id: string;
  question: string;
  answer: string;
  producedBy: ProducedBy | null;
  /** `streaming`: deltas still arriving; `interrupted`: the stream broke after the question was taken. */
  status: 'streaming' | 'done' | 'interrupted';
}

/**
 * `send`: no answer came, the question is back in the input; `answer`: the answer broke off midway;
 * `offline`: the API is out of reach, so the question was not sent and waits in the input.
 */
export type ChatError = 'send' | 'answer' | 'offline';

export interface ChatState {
  sessionId: string;
  messages: ChatMessage[];
  draft: string;
  sending: boolean;
  error: ChatError | null;
  setDraft(draft: string): void;
  send(): void;
  hydrate(session: SessionWithInteractions): void;
  stop(): void;
  /** Follows the connection and reads the stored draft; the screen calls it once mounted (and after `stop`). */
  start(): void;
}

export interface ChatStoreOptions {
  client: CockpitClient;
  session: SessionWithInteractions;
  /** Where the draft survives a reload; memory by default. */
  storage?: PendingInputStorage;
  /** Whether the API is reachable; a fresh monitor (always online) by default. */
  connection?: ConnectionMonitor;
}

export type ChatStore = StoreApi<ChatState>;

/** The stored chat of a session, oldest first (`sessions.get` gives interactions in order). */
export function chatFromSession(session: SessionWithInteractions): ChatMessage[] {
  return session.interactions
    .filter((interaction) => interaction.kind === 'chat')
    .map((interaction) => {
      const response = interaction.response as { answer?: unknown; producedBy?: ProducedBy } | null | undefined;
      const answer = typeof response?.answer === 'string' ? response.answer : '';
      return {
        id: interaction.id,
        question: interaction.input,
        answer,
        producedBy: response?.producedBy ?? null,
        status: answer ? 'done' : 'interrupted',
      };
    });
}

let localIds = 0;

/**
 * The strategic chat of one session. The question stays in the input until the first part of the answer
 * arrives, so a send that reaches nobody loses nothing; offline it is not sent at all. A chat question has
 * no request id: if the connection drops mid-answer the stream is stopped here (rather than letting tRPC
 * resubscribe, which would ask, and store, the question twice) and the answer is marked interrupted.
 */
export function createChatStore({
  client,
  session,
  storage = memoryPendingInputStorage(),
  connection = createConnectionMonitor(),
}: ChatStoreOptions): ChatStore {
  let subscription: { unsubscribe(): void } | null = null;
  let breakOff: (() => void) | null = null;
  const drafts = createDraftSaver(storage, session.id, 'chat');

  const store = createStore<ChatState>()((set, get) => ({
    sessionId: session.id,
    messages: chatFromSession(session),
    draft: '',
    sending: false,
    error: null,

    setDraft(draft) {
      set({ draft });
      drafts.save(draft);
    },

    send() {
      const question = get().draft.trim();
      if (!question || get().sending) return;
      if (!isOnline(connection.getState())) {
        set({ error: 'offline' });
        return;
      }
      const localId = `local-${++localIds}`;
      let started = false;
      let finished = false;
      const update = (change: (message: ChatMessage) => ChatMessage) =>
        set((state) => ({ messages: state.messages.map((message) => (message.id === localId ? change(message) : message)) }));
      const start = () => {
        if (started) return;
        started = true;
        // The server has the question: it leaves the box (unless the rep already typed something else).
        if (get().draft.trim() === question) get().setDraft('');
      };
      const fail = () => {
        if (finished) return;
        finished = true;
        subscription = null;
        breakOff = null;
        if (started) {
          update((message) => ({ ...message, status: 'interrupted' }));
          set({ sending: false, error: 'answer' });
        } else {
          set((state) => ({ messages: state.messages.filter((message) => message.id !== localId), sending: false, error: 'send' }));
        }
      };

      set((state) => ({
        sending: true,
        error: null,
        messages: [...state.messages, { id: localId, question, answer: '', producedBy: null, status: 'streaming' }],
      }));
      subscription = client.chat.send.subscribe(
        { sessionId: get().sessionId, text: question },
        {
          onData(event) {
            if (finished) return;
            start();
            if (event.type === 'delta') {
              update((message) => ({ ...message, answer: message.answer + event.text }));
              return;
            }
            finished = true;
            subscription = null;
            breakOff = null;
            // The id stays the local one until the next hydrate, so the message is not remounted mid-read.
            update((message) => ({ ...message, answer: event.text, producedBy: event.producedBy, status: 'done' }));
            set({ sending: false });
          },
          onError: fail,
          onComplete: fail,
        },
      );
      breakOff = () => {
        subscription?.unsubscribe();
        fail();
        if (get().error === 'send') set({ error: 'offline' });
      };
    },

    hydrate(next) {
      if (get().sending) return;
      set({ sessionId: next.id, messages: chatFromSession(next) });
    },

    stop() {
      subscription?.unsubscribe();
      subscription = null;
      breakOff = null;
      unwatch?.();
      unwatch = null;
      drafts.flush();
      if (get().sending) set({ sending: false });
    },

    start() {
      unwatch ??= connection.subscribe((state, previous) => {
        if (isOnline(previous) && !isOnline(state)) breakOff?.();
        else if (isOnline(state) && store.getState().error === 'offline') store.setState({ error: null });
      });
      drafts.restore(store);
    },
  }));

  let unwatch: (() => void) | null = null;
  return store;
}
