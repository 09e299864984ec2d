import type {
  AnalysisEvent,
  ChatEvent,
  Client as ClientRecord,
  ClientHistory as ClientHistoryRecord,
  ClientCreateInput,
  ClientListInput,
  FeedbackRateInput,
  Language,
  ObserveInput,
  ProducedBy,
  Session as SessionRecord,
  SessionWithInteractions as SessionWithInteractionsRecord,
  StrategyResult,
  Suggestion,
} from '@sufler/shared';

/** A value as it comes over the wire: JSON, so every Date is an ISO string. */
export type Wire<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? { [K in keyof T]: Wire<T[K]> }
      : T;

export type Client = Wire<ClientRecord>;
export type Session = Wire<SessionRecord>;
/** The client file (`clients.history`): sessions with observation counts, running key facts and summary. */
export type ClientFile = Wire<ClientHistoryRecord>;
type WireInteraction = Omit<Wire<SessionWithInteractionsRecord['interactions'][number]>, 'response'> & {
  /** JSON drops an `unknown` to optional on the way. */
  response?: unknown;
};
export type SessionWithInteractions = Omit<Wire<SessionWithInteractionsRecord>, 'interactions'> & {
  interactions: WireInteraction[];
};

/**
 * The part of the tRPC client the cockpit uses. The real client (lib/api-client) fits it; tests pass a small
 * hand-written fake. Dates arrive as ISO strings (the API has no transformer), hence the `Wire` types.
 */
export interface CockpitClient {
  clients: {
    list: { query(input: Partial<ClientListInput>): Promise<{ items: Client[]; total: number }> };
    create: { mutate(input: Pick<ClientCreateInput, 'name'> & Partial<ClientCreateInput>): Promise<Client> };
    get: { query(input: { id: string }): Promise<Client> };
    archive: { mutate(input: { id: string }): Promise<Client> };
    unarchive: { mutate(input: { id: string }): Promise<Client> };
    history: { query(input: { id: string }): Promise<ClientFile> };
  };
  sessions: {
    start: { mutate(input: { clientId: string }): Promise<Session> };
    list: { query(input: { clientId: string }): Promise<Session[]> };
    get: { query(input: { id: string }): Promise<SessionWithInteractions> };
  };
  analysis: {
    observe: {
      subscribe(
        input: Partial<ObserveInput> & Pick<ObserveInput, 'sessionId' | 'text'>,
        opts: {
          onData: (event: AnalysisEvent) => void;
          onError?: (error: unknown) => void;
          onComplete?: () => void;
        },
      ): { unsubscribe(): void };
    };
    regenerate: {
      mutate(input: { interactionId: string }): Promise<{ interactionId: string; suggestions: Suggestion[]; producedBy: ProducedBy }>;
    };
    strategy: { mutate(input: { sessionId: string; language?: Language }): Promise<StrategyResult> };
  };
  chat: {
    send: {
      subscribe(
        input: { sessionId: string; text: string },
        opts: { onData: (event: ChatEvent) => void; onError?: (error: unknown) => void; onComplete?: () => void },
      ): { unsubscribe(): void };
    };
  };
  feedback: { rate: { mutate(input: FeedbackRateInput): Promise<unknown> } };
}
