import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Analysis } from '@sufler/shared';
import { EMPTY_VIEW, reduceAnalysis, viewFromAnalysis, type AnalysisView } from './analysis-view';
import type { CockpitClient, SessionWithInteractions } from './cockpit-client';

export interface TimelineEntry {
  id: string;
  kind: string;
  text: string;
}

/** `send`: nothing reached the server, the text is still in the input; `analysis`: stored, but the stream broke. */
export type SendError = 'send' | 'analysis';
export type Rating = 1 | -1;
export type ObservationKind = 'note' | 'selection';

export interface ConversationState {
  sessionId: string;
  timeline: TimelineEntry[];
  /** What is in the textarea. Cleared only once the server has accepted (stored) the observation. */
  draft: string;
  sending: boolean;
  sendError: SendError | null;
  view: AnalysisView;
  /** The verdicts given on the suggestions now shown, by suggestion id. */
  ratings: Record<string, Rating>;
  rateError: boolean;
  regenerating: boolean;
  regenerateError: boolean;
  setDraft(draft: string): void;
  /** Sends what is in the input as a note. */
  send(): void;
  /** Sends an observation of any kind (a note, or a selection read from the page) to the session. */
  sendObservation(kind: ObservationKind, text: string): void;
  regenerate(): Promise<void>;
  rate(suggestionId: string, rating: Rating): Promise<void>;
  /** Takes the server's copy of the session (after a reload), unless a stream is running. */
  hydrate(session: SessionWithInteractions): void;
  /** Stops a running stream (the screen unmounting). */
  stop(): void;
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

/**
 * One conversation: the timeline, the input, the analysis stream and what the rep did with its suggestions.
 * UI/session state only; the session itself is server data and comes in through `hydrate`.
 */
export function createConversationStore({
  client,
  session,
}: {
  client: CockpitClient;
  session: SessionWithInteractions;
}): ConversationStore {
  let subscription: { unsubscribe(): void } | null = null;

  return createStore<ConversationState>()((set, get) => ({
    sessionId: session.id,
    ...fromSession(session),
    draft: '',
    sending: false,
    sendError: null,
    ratings: {},
    rateError: false,
    regenerating: false,
    regenerateError: false,

    setDraft: (draft) => set({ draft }),

    send() {
      get().sendObservation('note', get().draft);
    },

    sendObservation(kind, raw) {
      const text = raw.trim();
      if (!text || get().sending) return;
      set({ sending: true, sendError: null, rateError: false, regenerateError: false });
      let accepted = false;
      let finished = false;
      const finish = (error: SendError | null) => {
        if (finished) return;
        finished = true;
        subscription = null;
        set({ sending: false, sendError: error });
      };
      subscription = client.analysis.observe.subscribe(
        { sessionId: get().sessionId, kind, text },
        {
          onData(event) {
            if (finished) return;
            if (event.type === 'accepted') {
              accepted = true;
              set((state) => ({
                timeline: [...state.timeline, { id: event.interactionId, kind, text }],
                // Whatever was typed meanwhile stays.
                draft: kind === 'note' && state.draft.trim() === text ? '' : state.draft,
                ratings: {},
              }));
            }
            set((state) => ({ view: reduceAnalysis(state.view, event) }));
            if (event.type === 'done') finish(null);
          },
          onError: () => finish(accepted ? 'analysis' : 'send'),
          onComplete: () => finish(accepted ? 'analysis' : 'send'),
        },
      );
    },

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
      set({ sessionId: next.id, ...fromSession(next) });
    },

    stop() {
      subscription?.unsubscribe();
      subscription = null;
      if (get().sending) set({ sending: false });
    },
  }));
}
