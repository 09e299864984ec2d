import { afterEach, describe, expect, test, vi } from 'vitest';
import { connectionStatus, createConnectionMonitor, pollHealth, socketClosed, watchSocket, type ObservableSocket } from './api-client-connection';
import type { Health } from './health';
import { llmHealth } from './test-fixtures';


afterEach(() => vi.useRealTimers());

/** A poll on fake timers of an API that answers while `api.up`, and refuses the connection otherwise. */
function pollFakeApi(options: Parameters<typeof pollHealth>[2]) {
  vi.useFakeTimers();
  const monitor = createConnectionMonitor();
  const api = { up: true };
  const check = vi.fn(() => (api.up ? Promise.resolve(llmHealth) : Promise.reject(new TypeError('Failed to fetch'))));
  return { monitor, api, check, stop: pollHealth(monitor, check, options) };
}

describe('connectionStatus', () => {
  test.each([
    ['nothing known yet', { socket: 'idle', healthError: null }, 'connected'],
    ['socket open', { socket: 'open', healthError: null }, 'connected'],
    ['socket lost, being retried', { socket: 'lost', healthError: null }, 'reconnecting'],
    ['socket lost and no health answer', { socket: 'lost', healthError: 'Failed to fetch' }, 'reconnecting'],
    ['no socket, no health answer', { socket: 'idle', healthError: 'Failed to fetch' }, 'lost'],
  ] as const)('%s → %s', (_name, state, expected) => {
    expect(connectionStatus(state)).toBe(expected);
  });
});

describe('watchSocket', () => {
  test("maps tRPC's connection states; an opened socket also clears a failed health check", () => {
    let next: Parameters<ObservableSocket['connectionState']['subscribe']>[0]['next'] = () => undefined;
    const unsubscribe = vi.fn();
    const socket: ObservableSocket = { connectionState: { subscribe: (observer) => ((next = observer.next), { unsubscribe }) } };
    const monitor = createConnectionMonitor();
    const stop = watchSocket(monitor, socket);
    next({ state: 'connecting', error: null });
    expect(monitor.getState().socket).toBe('connecting');
    next({ state: 'connecting', error: new Error('WebSocket closed') });
    expect(monitor.getState().socket).toBe('lost');
    monitor.setState({ healthError: 'Failed to fetch' });
    next({ state: 'pending', error: null });
    expect(monitor.getState()).toMatchObject({ socket: 'open', healthError: null });
    next({ state: 'idle', error: null });
    expect(monitor.getState().socket).toBe('idle');
    stop();
    expect(unsubscribe).toHaveBeenCalled();
  });
});

describe('pollHealth', () => {
  test('polls slowly while the API answers, quickly once it does not, and at once on retryNow', async () => {
    const { monitor, api, check, stop } = pollFakeApi({ okMs: 30_000, downMs: 3_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.getState()).toMatchObject({ health: llmHealth, healthError: null, checking: false });

    api.up = false;
    await vi.advanceTimersByTimeAsync(29_000);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(monitor.getState().healthError).toBe('Failed to fetch');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(check).toHaveBeenCalledTimes(3);

    api.up = true;
    monitor.getState().retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(4);
    expect(monitor.getState().healthError).toBeNull();
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(4);
  });
});

describe('a dead API is seen without waiting for the slow poll', () => {
  test('the WebSocket closing marks it idle and checks the API at once', async () => {
    const { monitor, api, check, stop } = pollFakeApi({ okMs: 15_000, downMs: 3_000 });
    await vi.advanceTimersByTimeAsync(0);
    monitor.setState({ socket: 'open' });

    api.up = false;
    socketClosed(monitor);
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);
    expect(monitor.getState()).toMatchObject({ socket: 'idle', healthError: 'Failed to fetch' });
    expect(connectionStatus(monitor.getState())).toBe('lost');
    // Only a check: the outbox, which follows `retries`, is not woken by it.
    expect(monitor.getState().retries).toBe(0);
    stop();
  });

  test('a check that never answers counts as failed after the timeout, and the poll goes on', async () => {
    vi.useFakeTimers();
    const monitor = createConnectionMonitor();
    let up = true;
    const signals: AbortSignal[] = [];
    const check = vi.fn((signal: AbortSignal) => {
      signals.push(signal);
      return up ? Promise.resolve(llmHealth) : new Promise<Health>(() => undefined);
    });
    const stop = pollHealth(monitor, check, { okMs: 15_000, downMs: 3_000, timeoutMs: 5_000 });
    await vi.advanceTimersByTimeAsync(0);
    up = false;
    await vi.advanceTimersByTimeAsync(15_000 + 4_999);
    expect(monitor.getState()).toMatchObject({ healthError: null, checking: true });
    await vi.advanceTimersByTimeAsync(1);
    expect(monitor.getState()).toMatchObject({ healthError: 'no answer in 5000 ms', checking: false });
    expect(signals[1]!.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(check).toHaveBeenCalledTimes(3);
    stop();
  });

  test('asked to check while a check runs, it checks once more right after it', async () => {
    vi.useFakeTimers();
    const monitor = createConnectionMonitor();
    const answers: Array<(health: Health) => void> = [];
    const check = vi.fn(() => new Promise<Health>((resolve) => answers.push(resolve)));
    const stop = pollHealth(monitor, check, { okMs: 15_000, timeoutMs: 60_000 });
    monitor.getState().checkNow();
    expect(check).toHaveBeenCalledTimes(1);
    answers[0]!(llmHealth);
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);
    stop();
  });
});
