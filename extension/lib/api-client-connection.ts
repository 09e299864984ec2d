import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Health } from './health';

/** The WebSocket as the tRPC client reports it; `lost`: it dropped (or never opened) and is being retried. */
export type SocketState = 'idle' | 'connecting' | 'open' | 'lost';

/** What the panel shows; see `connectionStatus`. */
export type ConnectionStatus = 'connected' | 'lost' | 'reconnecting';

export interface ConnectionState {
  socket: SocketState;
  /** The last `/health` answer; `null` before the first one. */
  health: Health | null;
  /** Why the last health check failed; `null` when it answered. */
  healthError: string | null;
  /** A health check is running. */
  checking: boolean;
  /** Bumped by `retryNow`, so whoever waits for the connection (the outbox) tries again at once. */
  retries: number;
  /** Checks again now instead of waiting for the next poll. */
  retryNow(): void;
}

export type ConnectionMonitor = StoreApi<ConnectionState>;

/**
 * `reconnecting` while the WebSocket client retries a lost socket, `lost` while only the health check
 * fails (no socket was open), `connected` otherwise: not knowing yet counts as connected, so a send is tried.
 */
export function connectionStatus(state: Pick<ConnectionState, 'socket' | 'healthError'>): ConnectionStatus {
  if (state.socket === 'lost') return 'reconnecting';
  return state.healthError === null ? 'connected' : 'lost';
}

export const isOnline = (state: Pick<ConnectionState, 'socket' | 'healthError'>) => connectionStatus(state) === 'connected';

/**
 * One page's view of its connection to the API, fed by the WebSocket client (`watchSocket`) and the
 * health poll (`pollHealth`). The side panel has one API client at a time, so one monitor (`apiConnection`);
 * tests make their own.
 */
export function createConnectionMonitor(): ConnectionMonitor {
  return createStore<ConnectionState>()((set) => ({
    socket: 'idle',
    health: null,
    healthError: null,
    checking: false,
    retries: 0,
    retryNow: () => set((state) => ({ retries: state.retries + 1 })),
  }));
}

export const apiConnection = createConnectionMonitor();

/** The part of tRPC's `createWSClient` result read here (its `connectionState` observable, v11). */
export interface ObservableSocket {
  connectionState: {
    subscribe(observer: { next(state: { state: 'idle' | 'connecting' | 'pending'; error: unknown }): void }): { unsubscribe(): void };
  };
}

/** Maps tRPC's states: `pending` is an open socket, `connecting` with an error is a lost one being retried. */
export function watchSocket(monitor: ConnectionMonitor, client: ObservableSocket): () => void {
  const subscription = client.connectionState.subscribe({
    next({ state, error }) {
      const socket: SocketState = state === 'pending' ? 'open' : state === 'idle' ? 'idle' : error ? 'lost' : 'connecting';
      // A socket that opened proves the API answers, whatever the last health poll said.
      monitor.setState(socket === 'open' ? { socket, healthError: null } : { socket });
    },
  });
  return () => subscription.unsubscribe();
}

/**
 * Polls `/health`: every `okMs` while it answers, every `downMs` once it does not, and at once on `retryNow`.
 * Returns the stop function.
 */
export function pollHealth(
  monitor: ConnectionMonitor,
  check: (signal: AbortSignal) => Promise<Health>,
  { okMs = 15_000, downMs = 3_000 }: { okMs?: number; downMs?: number } = {},
): () => void {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async () => {
    clearTimeout(timer);
    monitor.setState({ checking: true });
    try {
      const health = await check(controller.signal);
      if (controller.signal.aborted) return;
      monitor.setState({ health, healthError: null, checking: false });
    } catch (error) {
      if (controller.signal.aborted) return;
      monitor.setState({ healthError: error instanceof Error ? error.message : String(error), checking: false });
    }
    timer = setTimeout(() => void run(), monitor.getState().healthError === null ? okMs : downMs);
  };
  const unsubscribe = monitor.subscribe((state, previous) => {
    if (state.retries !== previous.retries && !state.checking) void run();
  });
  void run();
  return () => {
    controller.abort();
    clearTimeout(timer);
    unsubscribe();
    monitor.setState({ checking: false });
  };
}
