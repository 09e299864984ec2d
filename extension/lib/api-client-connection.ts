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
  /** Bumped by `checkNow` (and `retryNow`): the health poll checks at once. */
  checks: number;
  /** The rep's "retry now": checks again at once and tells the waiting outbox to try again. */
  retryNow(): void;
  /** Only checks the API again at once (the WebSocket closed: is the API gone?); the outbox is not woken. */
  checkNow(): void;
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
    checks: 0,
    retryNow: () => set((state) => ({ retries: state.retries + 1, checks: state.checks + 1 })),
    checkNow: () => set((state) => ({ checks: state.checks + 1 })),
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
 * The WebSocket closed (`createWSClient`'s `onClose`). A lazy tRPC client with no subscription running does
 * not retry nor report it, so its state would stay `pending` ("open") after the API died: mark the socket
 * idle and check the API at once, so a dead API shows as lost now, not at the next slow poll.
 */
export function socketClosed(monitor: ConnectionMonitor): void {
  if (monitor.getState().socket === 'open') monitor.setState({ socket: 'idle' });
  monitor.getState().checkNow();
}

/**
 * Polls `/health`: every `okMs` while it answers, every `downMs` once it does not, and at once on
 * `checkNow`/`retryNow` (after the running check, if one is). A check that does not answer within
 * `timeoutMs` counts as failed, so a hung request (an API that stopped answering) cannot stop the poll.
 * Returns the stop function.
 */
export function pollHealth(
  monitor: ConnectionMonitor,
  check: (signal: AbortSignal) => Promise<Health>,
  { okMs = 15_000, downMs = 3_000, timeoutMs = 5_000 }: { okMs?: number; downMs?: number; timeoutMs?: number } = {},
): () => void {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let again = false;
  const checkOnce = (): Promise<Health> => {
    const attempt = new AbortController();
    const abort = () => attempt.abort();
    controller.signal.addEventListener('abort', abort, { once: true });
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<never>((_resolve, reject) => {
      timeout = setTimeout(() => {
        attempt.abort();
        reject(new Error(`no answer in ${timeoutMs} ms`));
      }, timeoutMs);
    });
    return Promise.race([check(attempt.signal), timedOut]).finally(() => {
      clearTimeout(timeout);
      controller.signal.removeEventListener('abort', abort);
    });
  };
  const run = async () => {
    clearTimeout(timer);
    again = false;
    monitor.setState({ checking: true });
    try {
      const health = await checkOnce();
      if (controller.signal.aborted) return;
      monitor.setState({ health, healthError: null, checking: false });
    } catch (error) {
      if (controller.signal.aborted) return;
      monitor.setState({ healthError: error instanceof Error ? error.message : String(error), checking: false });
    }
    if (again) return void run();
    timer = setTimeout(() => void run(), monitor.getState().healthError === null ? okMs : downMs);
  };
  const unsubscribe = monitor.subscribe((state, previous) => {
    if (state.checks === previous.checks) return;
    // Asked while a check runs: its answer may predate what prompted the request, so check once more after it.
    if (state.checking) again = true;
    else void run();
  });
  void run();
  return () => {
    controller.abort();
    clearTimeout(timer);
    unsubscribe();
    monitor.setState({ checking: false });
  };
}
