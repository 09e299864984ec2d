import type { LiveNotice, LiveSegment, Speaker } from '@sufler/shared';
import { IDLE_CAPTURE, type CaptureControl, type CaptureState } from '../capture-state';
import type { LiveClient, LiveSessionDetail, LiveSessionRow, LiveStreamEvent } from './live-client';
import type { LiveWiring } from './use-live-meeting';

/** Shapes and hand-written doubles for the live panel's tests. */
export const liveIds = {
  session: '0192f1d2-7a3b-7c4d-8e5f-000000000002',
  client: '0192f1d2-7a3b-7c4d-8e5f-000000000001',
  live: '0192f1d2-7a3b-7c4d-8e5f-00000000000a',
  call: '0192f1d2-7a3b-7c4d-8e5f-00000000000c',
};

export const notice: LiveNotice = { text: 'Ta rozmowa jest nagrywana w celach szkoleniowych.', version: 3 };

export function liveRow(over: Partial<LiveSessionRow> = {}): LiveSessionRow {
  return {
    id: liveIds.live,
    sessionId: liveIds.session,
    clientId: liveIds.client,
    mode: 'tab_and_mic',
    status: 'recording',
    transcription: 'live',
    startedAt: '2026-01-01T10:00:00.000Z',
    endedAt: null,
    receivedMs: 0,
    callId: null,
    error: null,
    ...over,
  };
}

export function segment(index: number, speaker: Speaker, text: string): LiveSegment {
  return { id: `0192f1d2-7a3b-7c4d-8e5f-1000000000${String(index).padStart(2, '0')}`, index, speaker, startMs: index * 1000, endMs: index * 1000 + 900, text };
}

/** A capture whose state the test moves by hand; records what the panel asked of it. */
export function fakeCapture({ tabCapture = true, stop }: { tabCapture?: boolean; stop?: () => Promise<void> } = {}) {
  let state: CaptureState = IDLE_CAPTURE;
  const listeners = new Set<(state: CaptureState) => void>();
  const calls: { method: string; input?: unknown }[] = [];
  const set = (next: Partial<CaptureState>) => {
    state = { ...state, ...next };
    listeners.forEach((listener) => listener(state));
  };
  const control: CaptureControl = {
    tabCapture,
    watch(listener) {
      listeners.add(listener);
      listener(state);
      return () => listeners.delete(listener);
    },
    async start(input) {
      calls.push({ method: 'start', input });
    },
    async stop() {
      calls.push({ method: 'stop' });
      if (stop) return stop();
      set({ phase: 'stopped' });
    },
    async requestMicPermission() {
      calls.push({ method: 'requestMicPermission' });
    },
  };
  return { control, calls, set };
}

interface Handlers {
  notice?: () => Promise<LiveNotice>;
  saveNotice?: (input: { text: string }) => Promise<LiveNotice>;
  start?: () => Promise<{ live: LiveSessionRow; socketPath: '/live' }>;
  stop?: () => Promise<LiveSessionRow>;
  get?: () => Promise<LiveSessionDetail>;
  active?: () => Promise<LiveSessionRow | null>;
}

/** A `live.*` client answering from `handlers`; `emit` pushes an event into the open `live.follow`. */
export function fakeLiveClient(handlers: Handlers = {}) {
  const calls: { path: string; input?: unknown }[] = [];
  const followers = new Set<(event: LiveStreamEvent) => void>();
  const record = <T>(path: string, input: unknown, answer: () => Promise<T>) => {
    calls.push(input === undefined ? { path } : { path, input });
    return answer();
  };
  const client: LiveClient = {
    live: {
      notice: { query: () => record('live.notice', undefined, handlers.notice ?? (async () => notice)) },
      saveNotice: { mutate: (input) => record('live.saveNotice', input, () => (handlers.saveNotice ?? (async ({ text }) => ({ text, version: 4 })))(input)) },
      start: { mutate: (input) => record('live.start', input, handlers.start ?? (async () => ({ live: liveRow(), socketPath: '/live' as const }))) },
      stop: { mutate: (input) => record('live.stop', input, handlers.stop ?? (async () => liveRow({ status: 'stopped', callId: liveIds.call }))) },
      get: { query: (input) => record('live.get', input, handlers.get ?? (async () => ({ ...liveRow(), segments: [] }))) },
      active: { query: (input) => record('live.active', input, handlers.active ?? (async () => null)) },
      follow: {
        subscribe: (input, opts) => {
          calls.push({ path: 'live.follow', input });
          followers.add(opts.onData);
          return { unsubscribe: () => followers.delete(opts.onData) };
        },
      },
    },
  };
  return { client, calls, emit: (event: LiveStreamEvent) => followers.forEach((onData) => onData(event)) };
}

export function wiringOf(client: LiveClient, capture: CaptureControl): LiveWiring {
  return { client, capture, callLink: (callId) => ({ href: `http://api.test/#/calls/${callId}`, newTab: true }) };
}
