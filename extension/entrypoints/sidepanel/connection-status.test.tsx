// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createConnectionMonitor, socketClosed } from '../../lib/api-client-connection';
import type { Health } from '../../lib/health';
import { useLanguageStore } from '../../lib/i18n';
import { rulesModeHealth } from '../../lib/test-fixtures';
import { ConnectionStatus } from './connection-status';

const URL = 'http://127.0.0.1:8787';

beforeEach(() => useLanguageStore.getState().setLanguage('pl'));
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('the connection banner', () => {
  test('the API answers: a quiet status line with the database and the mode', async () => {
    const monitor = createConnectionMonitor();
    render(<ConnectionStatus apiUrl={URL} monitor={monitor} check={() => Promise.resolve(rulesModeHealth)} />);
    expect((await screen.findByText(/API: połączono/)).getAttribute('role')).toBe('status');
    expect(screen.getByRole('status').textContent).toBe('API: połączono (pglite) · tryb: reguły (bez modelu)');
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('lost: a banner (role=status) that keeps polling, "retry now" checks at once, and it clears when the API is back', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const monitor = createConnectionMonitor();
    let up = false;
    const check = vi.fn(() => (up ? Promise.resolve(rulesModeHealth) : Promise.reject(new TypeError('Failed to fetch'))));
    render(<ConnectionStatus apiUrl={URL} monitor={monitor} check={check} />);
    const banner = await screen.findByRole('status', { name: 'Stan połączenia' });
    expect(banner.textContent).toContain('Utracono połączenie z API (http://127.0.0.1:8787). Nic, co wpiszesz, nie przepadnie');

    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(check).toHaveBeenCalledTimes(2);
    up = true;
    await userEvent.setup({ advanceTimers: vi.advanceTimersByTime }).click(screen.getByRole('button', { name: 'Połącz teraz' }));
    expect(check).toHaveBeenCalledTimes(3);
    expect((await screen.findByRole('status')).textContent).toContain('API: połączono');
  });

  test('the WebSocket retrying a lost socket shows "reconnecting" until it is open again', async () => {
    const monitor = createConnectionMonitor();
    render(<ConnectionStatus apiUrl={URL} monitor={monitor} check={() => Promise.resolve(rulesModeHealth)} />);
    await screen.findByText(/API: połączono/);
    act(() => monitor.setState({ socket: 'lost' }));
    expect(screen.getByRole('status', { name: 'Stan połączenia' }).textContent).toContain('Ponowne łączenie z API (http://127.0.0.1:8787)…');
    act(() => monitor.setState({ socket: 'open' }));
    expect(screen.getByRole('status').textContent).toContain('API: połączono');
  });

  test('the API killed while the socket is open: the banner shows at once, without the rep doing anything', async () => {
    vi.useFakeTimers();
    const monitor = createConnectionMonitor();
    let up = true;
    const check = vi.fn(() => (up ? Promise.resolve(rulesModeHealth) : Promise.reject(new TypeError('Failed to fetch'))));
    render(<ConnectionStatus apiUrl={URL} monitor={monitor} check={check} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    act(() => monitor.setState({ socket: 'open' }));
    expect(screen.getByRole('status').textContent).toContain('API: połączono');

    up = false;
    // What the API client does on the WebSocket's close event (tRPC itself reports nothing then).
    act(() => socketClosed(monitor));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('status', { name: 'Stan połączenia' }).textContent).toContain('Utracono połączenie z API');
    expect(check).toHaveBeenCalledTimes(2);
  });

  test('an API that stops answering (requests hang): the banner shows within one poll interval and the check timeout', async () => {
    vi.useFakeTimers();
    const monitor = createConnectionMonitor();
    let up = true;
    const check = vi.fn(() => (up ? Promise.resolve(rulesModeHealth) : new Promise<Health>(() => undefined)));
    render(<ConnectionStatus apiUrl={URL} monitor={monitor} check={check} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    up = false;
    await act(() => vi.advanceTimersByTimeAsync(15_000));
    expect(screen.getByRole('status').textContent).toContain('API: połączono');
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(screen.getByRole('status', { name: 'Stan połączenia' }).textContent).toContain('Utracono połączenie z API');
    // And it keeps polling quickly while down.
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(check).toHaveBeenCalledTimes(3);
  });

  test('in English too', async () => {
    useLanguageStore.getState().setLanguage('en');
    const monitor = createConnectionMonitor();
    render(<ConnectionStatus apiUrl={URL} monitor={monitor} check={() => Promise.reject(new Error('down'))} />);
    expect((await screen.findByRole('status', { name: 'Connection status' })).textContent).toContain('Connection to the API lost');
    expect(screen.getByRole('button', { name: 'Retry now' })).toBeTruthy();
  });
});
