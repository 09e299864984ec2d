import type { Analysis, AnalysisEvent, ArchetypeScore, ChatEvent, ProducedBy, Scores, StrategyResult, Suggestion } from '@sufler/shared';
import type { Client, ClientFile, CockpitClient, Session, SessionWithInteractions } from './cockpit-client';

/** Shapes and a hand-written client for the cockpit's tests. */
export const ids = {
  client: '0192f1d2-7a3b-7c4d-8e5f-000000000001',
  session: '0192f1d2-7a3b-7c4d-8e5f-000000000002',
  interaction: '0192f1d2-7a3b-7c4d-8e5f-000000000003',
  owner: '0192f1d2-7a3b-7c4d-8e5f-a1b2c3d4e5f6',
};

export function clientRow(name: string, id = ids.client): Client {
  const at = '2026-01-01T10:00:00.000Z';
  return { id, name, contact: {}, ownerId: ids.owner, archived: false, createdAt: at, updatedAt: at };
}

export function sessionRow(over: Partial<Session> = {}): Session {
  return {
    id: ids.session,
    clientId: ids.client,
    userId: ids.owner,
    startedAt: '2026-01-01T10:00:00.000Z',
    endedAt: null,
    summary: null,
    keyFacts: {},
    ...over,
  };
}

export function suggestion(n: number, over: Partial<Suggestion> = {}): Suggestion {
  return { id: `s${n}`, kind: 'question', text: `Suggestion ${n}`, rationale: `Because ${n}`, basedOn: [], ...over };
}

export const rules: ProducedBy = { mode: 'rules', model: null, reason: 'no model' };
export const llm: ProducedBy = { mode: 'llm', model: 'qwen', reason: undefined };

export function scores(values: Partial<Record<keyof Scores, number>> = {}): Scores {
  const score = (value = 50) => ({ value, rules: [{ id: 'r1', label: 'Asked about the price', points: 10 }] });
  return {
    readiness: score(values.readiness),
    funDriveRisk: score(values.funDriveRisk),
    lossRisk: score(values.lossRisk),
    potential: score(values.potential),
  };
}

export const archetypes: ArchetypeScore[] = [
  { id: 'bargain_hunter', probability: 0.2, evidence: ['discount'] },
  { id: 'family_guardian', probability: 0.6, evidence: ['children', 'safety'] },
];

export function analysis(over: Partial<Analysis> = {}): Analysis {
  return {
    mode: 'rules',
    model: null,
    producedBy: { analysis: rules, suggestions: rules },
    language: 'pl',
    modules: [],
    entities: [],
    sentiment: { score: 0, label: 'neutral' },
    signals: [],
    archetypes,
    leaderChange: null,
    scores: scores(),
    knowledge: [],
    suggestions: [1, 2, 3, 4].map((n) => suggestion(n)),
    ...over,
  };
}

/** The events of one observation, in the order the API sends them. */
export function streamEvents(interactionId = ids.interaction, done = analysis()): AnalysisEvent[] {
  return [
    { type: 'accepted', interactionId },
    {
      type: 'signals',
      signals: { language: 'pl', modules: [], entities: [], sentiment: done.sentiment, signals: [] },
      knowledge: [],
    },
    { type: 'archetypes', archetypes: done.archetypes, leaderChange: null },
    { type: 'scores', scores: done.scores, signals: [], producedBy: done.producedBy.analysis },
    ...done.suggestions.map((s, index): AnalysisEvent => ({ type: 'suggestion', index, suggestion: s })),
    { type: 'done', interactionId, analysis: done },
  ];
}

export function sessionWith(
  observations: { id: string; text: string; analysis?: Analysis }[] = [],
  chats: { id: string; question: string; answer: string; producedBy?: ProducedBy }[] = [],
): SessionWithInteractions {
  return {
    ...sessionRow(),
    interactions: [
      ...observations.map((o, index) => ({
        id: o.id,
        sessionId: ids.session,
        at: `2026-01-01T10:0${index}:00.000Z`,
        kind: 'note' as const,
        input: o.text,
        response: o.analysis ? { analysis: o.analysis, trace: {} } : null,
      })),
      ...chats.map((c, index) => ({
        id: c.id,
        sessionId: ids.session,
        at: `2026-01-01T11:0${index}:00.000Z`,
        kind: 'chat' as const,
        input: c.question,
        response: { answer: c.answer, producedBy: c.producedBy ?? llm },
      })),
    ],
  };
}

export function strategyResult(over: Partial<StrategyResult> = {}): StrategyResult {
  return {
    strategy: {
      summary: { text: 'Rodzina z dwójką dzieci szuka bezpiecznego auta.', motivations: ['Bezpieczeństwo dzieci', 'Przestronność'] },
      phrasesAndStyle: { keyPhrases: ['pięć gwiazdek Euro NCAP', 'spokojna głowa'], style: 'Spokojnie, konkretnie, bez presji.' },
      script: { steps: ['Zapytaj o codzienne trasy', 'Pokaż system ISOFIX'], nextSteps: ['Umów jazdę próbną z fotelikiem'] },
      objections: [{ objection: 'Za drogo', response: 'Policzmy koszt na miesiąc.' }],
      qualifyingQuestions: ['Ile osób zwykle jedzie autem?', 'Kiedy chcecie zdecydować?'],
    },
    producedBy: llm,
    cached: false,
    ...over,
  };
}

export interface FakeChatStream {
  input: unknown;
  emit(event: ChatEvent): void;
  fail(error?: unknown): void;
  complete(): void;
  unsubscribed: boolean;
}

export interface FakeStream {
  input: unknown;
  emit(event: AnalysisEvent): void;
  fail(error?: unknown): void;
  complete(): void;
  unsubscribed: boolean;
}

type Handlers = {
  list?: (input: unknown) => Promise<{ items: Client[]; total: number }>;
  create?: (input: { name: string }) => Promise<Client>;
  start?: (input: { clientId: string }) => Promise<Session>;
  sessions?: (input: { clientId: string }) => Promise<Session[]>;
  get?: (input: { id: string }) => Promise<SessionWithInteractions>;
  getClient?: (input: { id: string }) => Promise<Client>;
  archive?: (input: { id: string }) => Promise<Client>;
  unarchive?: (input: { id: string }) => Promise<Client>;
  history?: (input: { id: string }) => Promise<ClientFile>;
  strategy?: (input: { sessionId: string; language?: string }) => Promise<StrategyResult>;
  regenerate?: (input: { interactionId: string }) => Promise<{ interactionId: string; suggestions: Suggestion[]; producedBy: ProducedBy }>;
  rate?: (input: unknown) => Promise<unknown>;
};

/** A client with the CockpitClient shape; calls are recorded, answers come from `handlers`, streams are driven by hand. */
export function fakeCockpitClient(handlers: Handlers = {}) {
  const calls: { path: string; input: unknown }[] = [];
  const streams: FakeStream[] = [];
  const chats: FakeChatStream[] = [];
  const call = <T>(path: string, handler: ((input: never) => Promise<unknown>) | undefined, input: unknown) => {
    calls.push({ path, input });
    return (handler ? handler(input as never) : Promise.reject(new Error(`unexpected ${path}`))) as Promise<T>;
  };
  const client: CockpitClient = {
    clients: {
      list: { query: (input) => call('clients.list', handlers.list, input) },
      create: { mutate: (input) => call('clients.create', handlers.create, input) },
      get: { query: (input) => call('clients.get', handlers.getClient, input) },
      archive: { mutate: (input) => call('clients.archive', handlers.archive, input) },
      unarchive: { mutate: (input) => call('clients.unarchive', handlers.unarchive, input) },
      history: { query: (input) => call('clients.history', handlers.history, input) },
    },
    sessions: {
      start: { mutate: (input) => call('sessions.start', handlers.start, input) },
      list: { query: (input) => call('sessions.list', handlers.sessions, input) },
      get: { query: (input) => call('sessions.get', handlers.get, input) },
    },
    analysis: {
      observe: {
        subscribe(input, opts) {
          calls.push({ path: 'analysis.observe', input });
          const stream: FakeStream = {
            input,
            unsubscribed: false,
            emit: (event) => opts.onData(event),
            fail: (error = new Error('socket closed')) => opts.onError?.(error),
            complete: () => opts.onComplete?.(),
          };
          streams.push(stream);
          return { unsubscribe: () => void (stream.unsubscribed = true) };
        },
      },
      regenerate: { mutate: (input) => call('analysis.regenerate', handlers.regenerate, input) },
      strategy: { mutate: (input) => call('analysis.strategy', handlers.strategy, input) },
    },
    chat: {
      send: {
        subscribe(input, opts) {
          calls.push({ path: 'chat.send', input });
          const stream: FakeChatStream = {
            input,
            unsubscribed: false,
            emit: (event) => opts.onData(event),
            fail: (error = new Error('socket closed')) => opts.onError?.(error),
            complete: () => opts.onComplete?.(),
          };
          chats.push(stream);
          return { unsubscribe: () => void (stream.unsubscribed = true) };
        },
      },
    },
    feedback: { rate: { mutate: (input) => call('feedback.rate', handlers.rate, input) } },
  };
  return { client, calls, streams, chats };
}
