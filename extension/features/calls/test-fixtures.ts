import {
  CALL_STAGES,
  type CallDetail,
  type CallProgress,
  type CallScore,
  type CallStage,
  type CallSummary,
  type Dashboard,
  type Scorecard,
  type TranscriptSegment,
  type UploadResult,
} from '@sufler/shared';
import type { CallsClient, SubscriptionHandlers } from './calls-client';
import type { CallsHttp, Download, UploadFields } from './calls-http';
import { CallsHttpError } from './calls-http-error';

/** Shapes, a hand-written CallsClient and a hand-driven CallsHttp for the call screens' tests. */
export const callIds = {
  call: '0192f1d2-7a3b-7c4d-8e5f-0000000000c1',
  other: '0192f1d2-7a3b-7c4d-8e5f-0000000000c2',
  consultant: '0192f1d2-7a3b-7c4d-8e5f-0000000000a1',
  reviewer: '0192f1d2-7a3b-7c4d-8e5f-0000000000a2',
  segment: (n: number) => `0192f1d2-7a3b-7c4d-8e5f-0000000005${String(n).padStart(2, '0')}`,
};

const at = '2026-03-02T09:30:00.000Z';

export function stage(name: CallStage['stage'], over: Partial<CallStage> = {}): CallStage {
  return { stage: name, state: 'done', progress: 1, attempts: 1, error: null, note: null, updatedAt: at, ...over };
}

export const allStages = (over: Partial<Record<CallStage['stage'], Partial<CallStage>>> = {}) =>
  CALL_STAGES.map((name) => stage(name, over[name]));

export function callSummary(over: Partial<CallSummary> = {}): CallSummary {
  return {
    id: callIds.call,
    title: 'Rozmowa o leasingu',
    consultant: { id: callIds.consultant, email: 'jan@salon.pl' },
    client: null,
    mimeType: 'audio/wav',
    sizeBytes: 960_000,
    durationMs: 60_000,
    channels: 2,
    consultantChannel: 'left',
    scorecardKey: 'SALES',
    status: 'done',
    score: 75,
    sentiment: 0.3,
    recordedAt: at,
    createdAt: at,
    ...over,
  };
}

export function segment(n: number, over: Partial<TranscriptSegment> = {}): TranscriptSegment {
  return {
    id: callIds.segment(n),
    index: n,
    speaker: n % 2 === 0 ? 'CONSULTANT' : 'CLIENT',
    channel: n % 2 === 0 ? 0 : 1,
    startMs: n * 10_000,
    endMs: n * 10_000 + 8_000,
    text: `Segment numer ${n}`,
    sentiment: n % 2 === 0 ? null : 0.5,
    emotion: n % 2 === 0 ? null : 'interested',
    sentimentSource: n % 2 === 0 ? null : 'rules',
    edited: false,
    ...over,
  };
}

export function evaluation(over: Partial<CallScore> = {}): CallScore {
  return {
    scorecardKey: 'SALES',
    scorecardVersion: 1,
    scorecardName: 'Sprzedaż',
    total: 75,
    autoFailed: false,
    criteria: [
      {
        criterionId: 'greeting',
        label: 'Powitanie z nazwą salonu',
        weight: 10,
        autoFail: false,
        automatic: {
          criterionId: 'greeting',
          result: 'met',
          evidence: { quote: 'Dzień dobry, salon EV Kraków', atMs: 1_500, segmentId: callIds.segment(0) },
          source: 'rules',
          rationale: null,
        },
        override: null,
        result: 'met',
      },
      {
        criterionId: 'needs-analysis',
        label: 'Analiza potrzeb',
        weight: 30,
        autoFail: false,
        automatic: { criterionId: 'needs-analysis', result: 'not_met', evidence: null, source: 'llm', rationale: 'Brak pytań o potrzeby.' },
        override: null,
        result: 'not_met',
      },
    ],
    ...over,
  };
}

export function callDetail(over: Partial<CallDetail> = {}): CallDetail {
  return {
    ...callSummary(),
    stages: allStages(),
    transcriptVersion: 3,
    segments: [0, 1, 2].map((n) => segment(n)),
    evaluation: evaluation(),
    metrics: { talkRatio: 0.55, longestMonologueMs: 42_000, interruptions: 2, wordsPerMinute: 131.6, questions: 7 },
    sentimentTimeline: [
      { segmentId: callIds.segment(1), startMs: 10_000, endMs: 18_000, score: -0.4, emotion: 'hesitant' },
      { segmentId: callIds.segment(3), startMs: 30_000, endMs: 38_000, score: 0.1, emotion: 'neutral' },
      { segmentId: callIds.segment(5), startMs: 50_000, endMs: 58_000, score: 0.8, emotion: 'satisfied' },
    ],
    ...over,
  };
}

/** The signed-in user of the call screens' tests: a manager (the team roles see the consultant choices). */
export const manager = { id: callIds.reviewer, email: 'kierownik@salon.pl', role: 'manager' } as const;
export const consultant = { id: callIds.consultant, email: 'jan@salon.pl', role: 'consultant' } as const;

export const users = [
  { ...manager, active: true },
  { ...consultant, active: true },
  { id: '0192f1d2-7a3b-7c4d-8e5f-0000000000a3', email: 'ewa@salon.pl', role: 'consultant' as const, active: true },
];

export const scorecards: Scorecard[] = (['SALES', 'SERVICE'] as const).map((key) => ({
  key,
  name: key === 'SALES' ? 'Sprzedaż' : 'Serwis',
  description: 'Karta',
  version: 1,
  builtIn: true,
  updatedAt: at,
  criteria: [{ id: 'greeting', label: 'Powitanie', description: 'Powitanie', weight: 10, autoFail: false, side: 'CONSULTANT', evidence: ['dzień dobry'], needed: 1 }],
}));

export const emptyDashboard: Dashboard = {
  totals: { calls: 0, scored: 0, avgScore: null, avgSentiment: null },
  perConsultant: [],
  scoreTrend: [],
  criteria: [],
  sentimentTrend: [],
};

export interface FakeProgressStream {
  input: { id: string };
  emit(progress: CallProgress): void;
  fail(error?: unknown): void;
  complete(): void;
  unsubscribed: boolean;
}

type Handler = (input: never) => Promise<unknown>;
type Handlers = Partial<Record<string, Handler>>;

/**
 * A client with the CallsClient shape: calls are recorded by path, answers come from `handlers` (keyed by
 * path, e.g. `'calls.get'`), progress streams are driven by hand.
 */
export function fakeCallsClient(handlers: Handlers = {}) {
  const calls: { path: string; input: unknown }[] = [];
  const streams: FakeProgressStream[] = [];
  const call = <T>(path: string) => (input?: unknown) => {
    calls.push({ path, input });
    const handler = handlers[path];
    return (handler ? handler(input as never) : Promise.reject(new Error(`unexpected ${path}`))) as Promise<T>;
  };
  const client: CallsClient = {
    calls: {
      list: { query: call('calls.list') },
      get: { query: call('calls.get') },
      progress: {
        subscribe(input, opts: SubscriptionHandlers<CallProgress>) {
          calls.push({ path: 'calls.progress', input });
          const stream: FakeProgressStream = {
            input,
            unsubscribed: false,
            emit: (progress) => opts.onData(progress),
            fail: (error = new Error('socket closed')) => opts.onError?.(error),
            complete: () => opts.onComplete?.(),
          };
          streams.push(stream);
          return { unsubscribe: () => void (stream.unsubscribed = true) };
        },
      },
      rerun: { mutate: call('calls.rerun') },
      updateSegment: { mutate: call('calls.updateSegment') },
      mergeSegments: { mutate: call('calls.mergeSegments') },
      splitSegment: { mutate: call('calls.splitSegment') },
      recompute: { mutate: call('calls.recompute') },
      overrideCriterion: { mutate: call('calls.overrideCriterion') },
      setScorecard: { mutate: call('calls.setScorecard') },
      setConsultantChannel: { mutate: call('calls.setConsultantChannel') },
      delete: { mutate: call('calls.delete') },
      dashboard: { query: call('calls.dashboard') },
    },
    scorecards: { list: { query: call('scorecards.list') }, get: { query: call('scorecards.get') }, save: { mutate: call('scorecards.save') } },
    users: { list: { query: call('users.list') } },
    clients: { list: { query: call('clients.list') } },
  };
  return { client, calls, streams, of: (path: string) => calls.filter((c) => c.path === path).map((c) => c.input) };
}

/** A tRPC-shaped failure: what the real client throws carries `data.code`. */
export const trpcError = (code: string) => Object.assign(new Error(code), { data: { code } });

export interface FakeUpload {
  file: File;
  fields: UploadFields;
  progress(fraction: number): void;
  resolve(result: UploadResult): void;
  reject(error: CallsHttpError): void;
  signal: AbortSignal | undefined;
}

/** A CallsHttp whose uploads are finished by the test; downloads answer from `files`. */
export function fakeCallsHttp(files: { audio?: () => Promise<Blob>; pdf?: () => Promise<Download>; xlsx?: () => Promise<Download> } = {}) {
  const uploads: FakeUpload[] = [];
  const requests: { kind: string; args: unknown[] }[] = [];
  const http: CallsHttp = {
    upload: (file, fields, opts = {}) =>
      new Promise<UploadResult>((resolve, reject) => {
        uploads.push({ file, fields, progress: (f) => opts.onProgress?.(f), resolve, reject, signal: opts.signal });
        // As the real one does: an abort ends the request with ABORTED.
        opts.signal?.addEventListener('abort', () => reject(new CallsHttpError('ABORTED', 'aborted')));
      }),
    audio: (...args) => {
      requests.push({ kind: 'audio', args });
      return files.audio?.() ?? new Promise<Blob>(() => undefined);
    },
    reportPdf: (...args) => {
      requests.push({ kind: 'pdf', args });
      return files.pdf?.() ?? Promise.reject(new Error('no pdf'));
    },
    exportXlsx: (...args) => {
      requests.push({ kind: 'xlsx', args });
      return files.xlsx?.() ?? Promise.reject(new Error('no xlsx'));
    },
  };
  return { http, uploads, requests };
}

/** Sets happy-dom's viewport, so `matchMedia` (and the layouts that follow it) sees a phone or a desk. */
export function setViewportWidth(width: number): void {
  (globalThis.window as unknown as { happyDOM: { setViewport(viewport: { width: number; height?: number }): void } }).happyDOM.setViewport({ width, height: 800 });
}
