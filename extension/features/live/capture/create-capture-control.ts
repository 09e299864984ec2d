import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { TokenPair } from '@sufler/shared';
import { CaptureStateSchema, IDLE_CAPTURE, type CaptureControl, type CaptureState } from '../capture-state';
import { parseMessage } from '../../../lib/messages';
import { startCaptureSession, type CaptureSession } from './capture-session';
import {
  LIVE_CAPTURE_PORT,
  LiveStatePushSchema,
  LiveStateReplySchema,
  MicPermissionResultSchema,
  TokenRequestSchema,
} from './live-messages';
import { extensionUrl, LIVE_CAPTURE_WORKLET_PATH } from './worklet-protocol';

/**
 * `CaptureControl` for the extension's side panel.
 *
 * - Chrome (`tabCapture: true`): the capture runs in the offscreen document, driven by the background. The
 *   panel keeps a port open to the background: state pushes come over it, the background asks it for fresh
 *   access tokens over it, and its closing (the panel closed) stops the capture.
 * - Firefox (`tabCapture: false`): no tab capture and no offscreen documents, so the sidebar page itself
 *   records the microphone (consultant, left; the right channel is silence), mode `mic_only`. Closing the
 *   sidebar ends the page and so the capture: it sends `end` on `pagehide`, best effort.
 */

export interface CaptureControlOptions {
  /**
   * The current access token, refreshed through the panel's own client when it is about to expire
   * (`panelAccessToken`). The background asks for it over the port (Chrome); Firefox's socket calls it.
   */
  getAccessToken: () => Promise<string | null>;
  /** Firefox only: the API address the socket connects to (the settings' `apiUrl`). */
  loadApiUrl: () => Promise<string>;
  /** Defaults to whether this browser has `chrome.tabCapture` (Chrome yes, Firefox no). */
  tabCapture?: boolean;
}

const PERMISSION_PAGE = '/mic-permission.html';

const openPermissionPage = async () => {
  await browser.tabs.create({ url: extensionUrl(browser.runtime, PERMISSION_PAGE) });
};

/**
 * The access token for the live socket, refreshed through the panel's API client when less than `marginMs`
 * is left. `touch` is any authenticated call (say `client.auth.me.query()`): the client's refresh link
 * refreshes an expired token and retries, and the session bridge stores the new pair. Only the panel
 * refreshes: refresh tokens are single-use, and a second refresher would revoke the login.
 */
export function panelAccessToken({
  getTokens,
  touch,
  now = () => Date.now(),
  marginMs = 60_000,
}: {
  getTokens: () => TokenPair | null;
  touch: () => Promise<unknown>;
  now?: () => number;
  marginMs?: number;
}): () => Promise<string | null> {
  return async () => {
    const tokens = getTokens();
    if (tokens && tokens.accessTokenExpiresAt - now() > marginMs) return tokens.accessToken;
    await touch().catch(() => undefined);
    return getTokens()?.accessToken ?? null;
  };
}

export function createCaptureControl(options: CaptureControlOptions): CaptureControl {
  const tabCapture = options.tabCapture ?? Boolean((globalThis as { chrome?: { tabCapture?: unknown } }).chrome?.tabCapture);
  return tabCapture ? createBackgroundCaptureControl(options) : createInPageCaptureControl(options);
}

/** Listeners and the last state, shared by both variants. */
function stateHub() {
  let state: CaptureState = IDLE_CAPTURE;
  const listeners = new Set<(state: CaptureState) => void>();
  return {
    get: () => state,
    set(next: CaptureState) {
      state = next;
      for (const listener of listeners) listener(state);
    },
    watch(listener: (state: CaptureState) => void) {
      listeners.add(listener);
      listener(state);
      return () => void listeners.delete(listener);
    },
  };
}

function createBackgroundCaptureControl({ getAccessToken }: CaptureControlOptions): CaptureControl {
  const hub = stateHub();

  // Reopened when the background restarts (its ports close then): it must know a panel is open.
  const connect = () => {
    const port = browser.runtime.connect({ name: LIVE_CAPTURE_PORT });
    port.onMessage.addListener((raw: unknown) => {
      const push = parseMessage(LiveStatePushSchema, raw);
      if (push) hub.set(push.state);
      const request = parseMessage(TokenRequestSchema, raw);
      if (request?.requestId !== undefined) {
        void getAccessToken()
          .catch(() => null)
          .then((token) => port.postMessage({ type: 'sufler/live-token', requestId: request.requestId, token: token || null }));
      }
    });
    port.onDisconnect.addListener(() => setTimeout(connect, 500));
  };
  connect();

  const ask = async (message: unknown) => {
    const reply = parseMessage(LiveStateReplySchema, await browser.runtime.sendMessage(message));
    if (reply) hub.set(reply.state);
  };

  return {
    tabCapture: true,
    watch: hub.watch,
    async start({ liveSessionId, mode }) {
      // The meeting tab is the active tab of the panel's window, unless the panel itself is that tab
      // (opened as a page): then the background uses the tab the Sufler icon was last clicked on.
      const [active] = await browser.tabs.query({ active: true, currentWindow: true }).catch(() => []);
      const own = extensionUrl(browser.runtime, '/');
      const tabId = active?.id !== undefined && !active.url?.startsWith(own) ? active.id : undefined;
      await ask({ type: 'sufler/live-start', liveSessionId, mode, ...(tabId !== undefined ? { tabId } : {}) });
    },
    async stop() {
      await ask({ type: 'sufler/live-stop' });
    },
    requestMicPermission: openPermissionPage,
  };
}

function createInPageCaptureControl({ getAccessToken, loadApiUrl }: CaptureControlOptions): CaptureControl {
  const hub = stateHub();
  let session: CaptureSession | null = null;
  let last: { liveSessionId: string } | null = null;

  const begin = async (liveSessionId: string) => {
    last = { liveSessionId };
    session = await startCaptureSession({
      liveSessionId,
      mode: 'mic_only',
      apiUrl: await loadApiUrl(),
      getToken: getAccessToken,
      getTabStream: null,
      workletUrl: extensionUrl(browser.runtime, LIVE_CAPTURE_WORKLET_PATH),
      onState: (state) => hub.set(CaptureStateSchema.parse(state)),
      canPrompt: true,
    });
  };

  // The permission page got the microphone: go on where the start stopped.
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const result = parseMessage(MicPermissionResultSchema, raw);
    if (result?.granted && last && hub.get().phase === 'needs-mic-permission') void begin(last.liveSessionId);
    return undefined;
  });
  // Closing the sidebar ends this page: finish cleanly as far as the page lives (what was acked is kept).
  addEventListener('pagehide', () => void session?.stop());

  return {
    tabCapture: false,
    watch: hub.watch,
    async start({ liveSessionId }) {
      const phase = hub.get().phase;
      if (phase === 'starting' || phase === 'recording' || phase === 'reconnecting' || phase === 'stopping') return;
      await begin(liveSessionId);
    },
    async stop() {
      last = null;
      if (session) await session.stop();
      else hub.set(IDLE_CAPTURE);
    },
    requestMicPermission: openPermissionPage,
  };
}

/** The capture's state for a React component, kept current by `control.watch`. */
export function useCaptureState(control: CaptureControl): CaptureState {
  const [state, setState] = useState<CaptureState>(IDLE_CAPTURE);
  useEffect(() => control.watch(setState), [control]);
  return state;
}
