import { afterEach, describe, expect, test, vi } from 'vitest';
import { connectionStatus, createConnectionMonitor, pollHealth, watchSocket, type ObservableSocket } from './api-client-connection';
import type { Health } from './health';

const healthy: Health = { status: 'ok', database: { ok: true, kind: 'pglite' }, model: { ok: true, mode: 'llm' } };

afterEach(() => vi.useRealTimers());

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
    vi.useFakeTimers();
    const monitor = createConnectionMonitor();
    let up = true;
    const check = vi.fn(() => (up ? Promise.resolve(healthy) : Promise.reject(new TypeError('Failed to fetch'))));
    const stop = pollHealth(monitor, check, { okMs: 30_000, downMs: 3_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.getState()).toMatchObject({ health: healthy, healthError: null, checking: false });

    up = false;
    await vi.advanceTimersByTimeAsync(29_000);
    expect(check).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(monitor.getState().healthError).toBe('Failed to fetch');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(check).toHaveBeenCalledTimes(3);

    up = true;
    monitor.getState().retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(4);
    expect(monitor.getState().healthError).toBeNull();
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(check).toHaveBeenCalledTimes(4);
  });
});
