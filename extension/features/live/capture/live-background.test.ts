import { describe, expect, test, vi } from 'vitest';
import type { TokenPair } from '@sufler/shared';
import { memoryTokenStorage } from '../../../lib/token-storage';
import { IDLE_CAPTURE, type CaptureState } from '../capture-state';
import { createLiveBackground, type LiveBackgroundApi } from './live-background';
import { LIVE_CAPTURE_PORT } from './live-messages';

const LIVE_ID = '00000000-0000-4000-8000-000000000001';
const NOT_INVOKED = 'Extension has not been invoked for the current page (see activeTab permission). Chrome pages cannot be captured.';

/** Chrome's APIs as the background uses them, recording calls; the offscreen document answers like ours. */
function fakeChrome({ grantedTabs = new Set<number>(), session = {} as Record<string, unknown> } = {}) {
  const calls: string[] = [];
  const sent: Array<Record<string, unknown>> = [];
  let offscreen = false;
  const api: LiveBackgroundApi = {
    tabCapture: {
      getMediaStreamId: vi.fn(({ targetTabId }: { targetTabId: number }) => {
        calls.push(`getMediaStreamId:${targetTabId}`);
        return grantedTabs.has(targetTabId) ? Promise.resolve(`stream-${targetTabId}`) : Promise.reject(new Error(NOT_INVOKED));
      }),
    },
    offscreen: {
      createDocument: vi.fn(async () => {
        calls.push('createDocument');
        offscreen = true;
      }),
      closeDocument: vi.fn(async () => {
        calls.push('closeDocument');
        offscreen = false;
      }),
    },
    runtime: {
      getContexts: vi.fn(async () => (offscreen ? [{ contextType: 'OFFSCREEN_DOCUMENT' }] : [])),
      sendMessage: vi.fn(async (message: unknown) => {
        const m = message as Record<string, unknown>;
        sent.push(m);
        if (m.type === 'sufler/live-offscreen-start') return { ok: true };
        if (m.type === 'sufler/live-offscreen-stop') {
          return { state: { ...IDLE_CAPTURE, phase: 'stopped', liveSessionId: LIVE_ID, mode: 'tab_and_mic', callId: LIVE_ID } };
        }
        return undefined;
      }),
    },
    storage: {
      session: {
        get: async (key: string) => ({ [key]: session[key] }),
        set: async (items: Record<string, unknown>) => void Object.assign(session, items),
      },
    },
  };
  return { api, calls, sent, session };
}

function fakePort() {
  const posted: Array<Record<string, unknown>> = [];
  let onMessage: (message: unknown) => void = () => undefined;
  let onDisconnect: () => void = () => undefined;
  return {
    posted,
    port: {
      name: LIVE_CAPTURE_PORT,
      postMessage: (message: unknown) => void posted.push(message as Record<string, unknown>),
      onMessage: { addListener: (listener: (message: unknown) => void) => void (onMessage = listener) },
      onDisconnect: { addListener: (listener: () => void) => void (onDisconnect = listener) },
    },
    reply: (message: unknown) => onMessage(message),
    disconnect: () => onDisconnect(),
    lastState: () => [...posted].reverse().find((m) => m.type === 'sufler/live-state')?.state as CaptureState,
  };
}

const tokenPair = (accessToken: string, expiresAt: number): TokenPair => ({
  accessToken,
  accessTokenExpiresAt: expiresAt,
  refreshToken: 'r'.repeat(30),
  refreshTokenExpiresAt: expiresAt + 1e9,
  user: { id: LIVE_ID, email: 'rep@example.com', role: 'consultant', active: true },
});

function setup(options: Parameters<typeof fakeChrome>[0] = {}, tokens = memoryTokenStorage(tokenPair('stored', 10_000_000))) {
  const chrome = fakeChrome(options);
  const background = createLiveBackground({ api: chrome.api, tokens, loadApiUrl: async () => 'http://127.0.0.1:3000', now: () => 1_000_000, retryDelayMs: 1 });
  const message = (raw: unknown) =>
    new Promise<unknown>((resolve) => {
      const async = background.onMessage(raw, resolve);
      if (!async) resolve(undefined);
    });
  return { ...chrome, background, message };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('live capture in the background', () => {
  test('Start from the panel with no click on the meeting tab yet: needs-gesture; the click then starts it', async () => {
    const { background, calls, sent, message } = setup({ grantedTabs: new Set([7]) });
    const panel = fakePort();
    background.onConnect(panel.port);
    const reply = (await message({ type: 'sufler/live-start', liveSessionId: LIVE_ID, mode: 'tab_and_mic' })) as { state: CaptureState };
    expect(reply.state.phase).toBe('needs-gesture');
    expect(calls).toEqual([]);

    background.gesture({ id: 7 });
    // Synchronously, in the gesture's own turn: nothing may be awaited before it.
    expect(calls).toEqual(['getMediaStreamId:7']);
    await settle();
    expect(calls).toEqual(['getMediaStreamId:7', 'createDocument']);
    expect(sent.find((m) => m.type === 'sufler/live-offscreen-start')).toEqual({
      type: 'sufler/live-offscreen-start',
      streamId: 'stream-7',
      liveSessionId: LIVE_ID,
      mode: 'tab_and_mic',
      apiUrl: 'http://127.0.0.1:3000',
    });
    expect(panel.lastState().phase).toBe('starting');
  });

  test('a grant from an earlier click still holds: Start in the panel captures that tab at once', async () => {
    const { background, calls, message } = setup({ grantedTabs: new Set([3]) });
    await settle(); // the background has read back that nothing is armed
    background.gesture({ id: 3 }); // the rep opened the panel from the icon on the meeting tab
    await settle();
    expect(calls).toEqual([]); // nothing armed, known after the restore: no stream id asked for
    await message({ type: 'sufler/live-start', liveSessionId: LIVE_ID, mode: 'tab_and_mic' });
    expect(calls).toEqual(['getMediaStreamId:3', 'createDocument']);
  });

  test('without activeTab on the tab the phase is needs-gesture, with the browser’s reason', async () => {
    const { background, calls, message } = setup();
    await settle();
    background.gesture({ id: 5 });
    await settle();
    const reply = (await message({ type: 'sufler/live-start', liveSessionId: LIVE_ID, mode: 'tab_and_mic' })) as { state: CaptureState };
    expect(reply.state.phase).toBe('needs-gesture');
    expect(reply.state.error?.message).toMatch(/has not been invoked/);
    expect(calls).not.toContain('createDocument');
  });

  test('after the background slept, a click asks for the stream id before the armed session is read back', async () => {
    const session = { liveCapture: { armed: { liveSessionId: LIVE_ID, mode: 'tab_and_mic', armedAt: 1 }, lastTabId: null } };
    const { background, calls, sent } = setup({ grantedTabs: new Set([9]), session });
    background.gesture({ id: 9 });
    expect(calls).toEqual(['getMediaStreamId:9']);
    await settle();
    expect(sent.some((m) => m.type === 'sufler/live-offscreen-start' && m.streamId === 'stream-9')).toBe(true);
  });

  test('mic-only needs no tab: the offscreen document starts with a null stream id; one document only', async () => {
    const { background, calls, sent, message } = setup();
    await message({ type: 'sufler/live-start', liveSessionId: LIVE_ID, mode: 'mic_only' });
    expect(calls).toEqual(['createDocument']);
    expect(sent.find((m) => m.type === 'sufler/live-offscreen-start')?.streamId).toBeNull();
    background.onMessage({ type: 'sufler/live-offscreen-state', state: { ...IDLE_CAPTURE, phase: 'needs-mic-permission', liveSessionId: LIVE_ID, mode: 'mic_only' } }, () => undefined);
    background.onMessage({ type: 'sufler/live-mic-permission-result', granted: true }, () => undefined);
    await settle();
    expect(calls.filter((c) => c === 'createDocument').length).toBeLessThanOrEqual(2);
    expect(sent.filter((m) => m.type === 'sufler/live-offscreen-start')).toHaveLength(2);
  });

  test('the offscreen state reaches the panel; closing the last panel stops the capture', async () => {
    const { background, sent, calls, message } = setup({ grantedTabs: new Set([7]) });
    const panel = fakePort();
    background.onConnect(panel.port);
    await message({ type: 'sufler/live-start', liveSessionId: LIVE_ID, mode: 'tab_and_mic', tabId: 7 });
    const recording = { ...IDLE_CAPTURE, phase: 'recording', liveSessionId: LIVE_ID, mode: 'tab_and_mic', startedAt: 5, levels: { consultant: 0.3, client: 0.6 } };
    background.onMessage({ type: 'sufler/live-offscreen-state', state: recording }, () => undefined);
    expect(panel.lastState()).toEqual(recording);
    // Garbage is ignored, not pushed.
    background.onMessage({ type: 'sufler/live-offscreen-state', state: { phase: 'bogus' } }, () => undefined);
    expect(panel.lastState()).toEqual(recording);

    panel.disconnect();
    await settle();
    expect(sent.some((m) => m.type === 'sufler/live-offscreen-stop')).toBe(true);
    expect(calls).toContain('closeDocument');
    expect(background.state.phase).toBe('stopped');
    expect(background.state.callId).toBe(LIVE_ID);
  });

  test('tokens: a fresh stored one is handed out; an expiring one is asked of the panel (which refreshes)', async () => {
    const tokens = memoryTokenStorage(tokenPair('stored', 1_000_000 + 120_000));
    const { background, message } = setup({}, tokens);
    expect(await message({ type: 'sufler/live-token-request' })).toEqual({ token: 'stored' });

    tokens.current = tokenPair('stale', 1_000_000 + 30_000);
    const panel = fakePort();
    background.onConnect(panel.port);
    const answer = message({ type: 'sufler/live-token-request' });
    await settle();
    const request = panel.posted.find((m) => m.type === 'sufler/live-token-request')!;
    panel.reply({ type: 'sufler/live-token', requestId: request.requestId, token: 'refreshed' });
    expect(await answer).toEqual({ token: 'refreshed' });
  });

  test('messages of another shape are not answered', () => {
    const { background } = setup();
    expect(background.onMessage({ type: 'sufler/live-start', liveSessionId: 'nope', mode: 'tab_and_mic' }, () => undefined)).toBeUndefined();
    expect(background.onMessage({ type: 'something-else' }, () => undefined)).toBeUndefined();
  });
});
