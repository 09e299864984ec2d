import { z } from 'zod';
import { IdSchema, LiveModeSchema } from '@sufler/shared';
import { IDLE_CAPTURE, type CaptureState } from '../capture-state';
import { parseMessage } from '../../../lib/messages';
import type { TokenStorage } from '../../../lib/token-storage';
import {
  LIVE_CAPTURE_PORT,
  LiveStartMessageSchema,
  LiveStopMessageSchema,
  MicPermissionResultSchema,
  OffscreenStateSchema,
  PanelTokenSchema,
  TokenRequestSchema,
  type LiveStartMessage,
} from './live-messages';

/**
 * The background's part of live capture (Chrome). The tab can be captured only from a gesture that grants
 * `activeTab` on it: the toolbar button or the `start-live-capture` command (a click inside the side panel
 * grants nothing, Chromium 40926394). So every gesture calls `tabCapture.getMediaStreamId` first, before
 * any `await`, and the id goes to the offscreen document, which does the capturing.
 *
 * The panel arms a live session (`sufler/live-start` after `live.start`); if the grant from an earlier
 * click on the meeting tab still holds, capture starts at once, otherwise the phase is `needs-gesture` and
 * the next click on the Sufler icon (or Alt+Shift+L) on the meeting tab starts it.
 *
 * Tokens: the background never refreshes. Refresh tokens are single-use and a spent one revokes its whole
 * family (api auth.service), so a refresh here would log the panel out. The offscreen document asks the
 * background; the background answers from the token storage the panel writes when the access token has a
 * minute left, and otherwise asks an open panel over its port (the panel refreshes through its own client
 * and storage is updated by it). Capture runs only while a panel is open (closing it stops the capture).
 */

export const START_LIVE_CAPTURE_COMMAND = 'start-live-capture';
export const OFFSCREEN_PATH = 'offscreen.html';
const ARMED_KEY = 'liveCapture';
/** An access token with less left than this is not handed out: the socket may connect a few seconds later. */
const TOKEN_MARGIN_MS = 60_000;
const PANEL_TOKEN_TIMEOUT_MS = 10_000;

const ArmedSchema = z.object({ liveSessionId: IdSchema, mode: LiveModeSchema, armedAt: z.number() });
type Armed = z.infer<typeof ArmedSchema>;
const PersistedSchema = z.object({
  armed: ArmedSchema.nullable(),
  /** The tab the rep last clicked the icon on: its activeTab grant lasts until it navigates. */
  lastTabId: z.number().int().nullable(),
});

/** Capture is under way (or being finished): gestures and new starts leave it alone. */
export const isActivePhase = (phase: CaptureState['phase']) =>
  phase === 'starting' || phase === 'recording' || phase === 'reconnecting' || phase === 'stopping';

type Port = Pick<chrome.runtime.Port, 'name' | 'postMessage'> & {
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
};

/** The Chrome APIs used, so tests can pass a fake. */
export interface LiveBackgroundApi {
  tabCapture: { getMediaStreamId(options: { targetTabId: number }): Promise<string> };
  offscreen: {
    createDocument(options: { url: string; reasons: string[]; justification: string }): Promise<void>;
    closeDocument(): Promise<void>;
  };
  runtime: {
    getContexts(filter: { contextTypes: string[] }): Promise<unknown[]>;
    sendMessage(message: unknown): Promise<unknown>;
  };
  storage: { session: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } };
}

export interface LiveBackgroundDeps {
  api: LiveBackgroundApi;
  tokens: TokenStorage;
  loadApiUrl: () => Promise<string>;
  now: () => number;
  /** Waits between tries to reach a just-created offscreen document. */
  retryDelayMs?: number;
}

export function createLiveBackground({ api, tokens, loadApiUrl, now, retryDelayMs = 100 }: LiveBackgroundDeps) {
  let state: CaptureState = IDLE_CAPTURE;
  let armed: Armed | null = null;
  let lastTabId: number | null = null;
  let restoredDone = false;
  const ports = new Set<Port>();
  const pendingTokens = new Map<number, (token: string | null) => void>();
  let nextRequestId = 1;
  let creating: Promise<void> | null = null;

  const restored = api.storage.session.get(ARMED_KEY).then(
    (items) => {
      const parsed = PersistedSchema.safeParse(items[ARMED_KEY]);
      if (parsed.success) {
        armed ??= parsed.data.armed;
        lastTabId ??= parsed.data.lastTabId;
        if (armed && state.phase === 'idle') state = { ...IDLE_CAPTURE, phase: 'needs-gesture', liveSessionId: armed.liveSessionId, mode: armed.mode };
      }
      restoredDone = true;
    },
    () => {
      restoredDone = true;
    },
  );
  const persist = () => void api.storage.session.set({ [ARMED_KEY]: { armed, lastTabId } }).catch(() => undefined);

  const push = (next: CaptureState) => {
    state = next;
    for (const port of ports) {
      try {
        port.postMessage({ type: 'sufler/live-state', state });
      } catch {
        ports.delete(port);
      }
    }
  };
  const phase = (p: CaptureState['phase'], error: CaptureState['error'] = null) =>
    push({ ...state, phase: p, error, liveSessionId: armed?.liveSessionId ?? state.liveSessionId, mode: armed?.mode ?? state.mode });

  /** Never throws synchronously: the caller is a gesture handler that must go on. */
  const streamId = (tabId: number): Promise<string> => {
    try {
      return api.tabCapture.getMediaStreamId({ targetTabId: tabId });
    } catch (error) {
      return Promise.reject(error);
    }
  };

  const hasOffscreen = async () => (await api.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length > 0;
  const ensureOffscreen = async () => {
    if (await hasOffscreen()) return;
    // Only one offscreen document may exist: concurrent starts share one creation.
    creating ??= api.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['USER_MEDIA'],
        justification: 'Records the meeting tab and the microphone for the live transcript the rep started.',
      })
      .finally(() => {
        creating = null;
      });
    await creating;
  };
  const closeOffscreen = async () => {
    if (await hasOffscreen().catch(() => false)) await api.offscreen.closeDocument().catch(() => undefined);
  };

  /** The document's listener may not be there yet right after creation: try for about two seconds. */
  const sendToOffscreen = async (message: unknown): Promise<unknown> => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.runtime.sendMessage(message);
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
      }
    }
  };

  async function launch(session: Armed, id: Promise<string> | null) {
    let streamIdValue: string | null = null;
    if (session.mode === 'tab_and_mic') {
      try {
        streamIdValue = await id!;
      } catch (error) {
        // "Extension has not been invoked for the current page": the rep must click the icon on the tab.
        phase('needs-gesture', { code: 'needs-gesture', message: String((error as Error)?.message ?? error).slice(0, 500) });
        return;
      }
    }
    if (armed?.liveSessionId !== session.liveSessionId) return; // stopped meanwhile
    push({ ...IDLE_CAPTURE, phase: 'starting', liveSessionId: session.liveSessionId, mode: session.mode });
    try {
      await ensureOffscreen();
      const reply = (await sendToOffscreen({
        type: 'sufler/live-offscreen-start',
        streamId: streamIdValue,
        liveSessionId: session.liveSessionId,
        mode: session.mode,
        apiUrl: await loadApiUrl(),
      })) as { ok?: boolean } | undefined;
      if (!reply?.ok) phase('error', { code: 'busy', message: 'Another capture is still running.' });
    } catch (error) {
      phase('error', { code: 'offscreen', message: String((error as Error)?.message ?? error).slice(0, 500) });
    }
  }

  /**
   * The toolbar button or the command on `tab`. Synchronous up to getMediaStreamId: call it in the event
   * listener itself. When the background was asleep we do not know yet whether a session is armed, so the
   * id is asked for anyway and dropped if not (an unused id expires on its own).
   */
  function gesture(tab: { id?: number } | undefined): void {
    if (tab?.id === undefined || isActivePhase(state.phase)) return;
    lastTabId = tab.id;
    if (restoredDone && !armed) {
      persist();
      return;
    }
    const id = streamId(tab.id);
    id.catch(() => undefined);
    void (async () => {
      await restored;
      persist();
      if (armed && !isActivePhase(state.phase)) await launch(armed, id);
    })();
  }

  async function start(message: LiveStartMessage, id: Promise<string> | null): Promise<CaptureState> {
    await restored;
    if (isActivePhase(state.phase)) return state;
    armed = { liveSessionId: message.liveSessionId, mode: message.mode, armedAt: now() };
    if (message.tabId !== undefined) lastTabId = message.tabId;
    persist();
    push({ ...IDLE_CAPTURE, phase: 'starting', liveSessionId: armed.liveSessionId, mode: armed.mode });
    if (message.mode === 'tab_and_mic' && !id) phase('needs-gesture');
    else await launch(armed, id);
    return state;
  }

  async function stop(): Promise<CaptureState> {
    await restored;
    armed = null;
    persist();
    if (isActivePhase(state.phase) || (await hasOffscreen().catch(() => false))) {
      if (state.phase !== 'stopping' && isActivePhase(state.phase)) phase('stopping');
      try {
        const reply = (await api.runtime.sendMessage({ type: 'sufler/live-offscreen-stop' })) as { state?: unknown } | undefined;
        const parsed = OffscreenStateSchema.shape.state.safeParse(reply?.state);
        if (parsed.success) push(parsed.data);
      } catch {
        // The document is gone already; what the server acknowledged is kept either way.
      }
      await closeOffscreen();
      if (isActivePhase(state.phase)) push({ ...state, phase: 'stopped', levels: { consultant: 0, client: 0 } });
    } else {
      push(IDLE_CAPTURE);
    }
    return state;
  }

  async function token(): Promise<string | null> {
    const stored = await tokens.load().catch(() => null);
    if (stored && stored.accessTokenExpiresAt - now() > TOKEN_MARGIN_MS) return stored.accessToken;
    const [port] = ports;
    if (!port) return stored?.accessToken ?? null;
    const requestId = nextRequestId++;
    const fresh = await new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => {
        pendingTokens.delete(requestId);
        resolve(null);
      }, PANEL_TOKEN_TIMEOUT_MS);
      pendingTokens.set(requestId, (value) => {
        clearTimeout(timer);
        pendingTokens.delete(requestId);
        resolve(value);
      });
      port.postMessage({ type: 'sufler/live-token-request', requestId });
    });
    return fresh ?? stored?.accessToken ?? null;
  }

  /** runtime.onMessage: returns true when it will answer asynchronously (Chrome's sendResponse contract). */
  function onMessage(raw: unknown, sendResponse: (reply: unknown) => void): boolean | undefined {
    const startMessage = parseMessage(LiveStartMessageSchema, raw);
    if (startMessage) {
      // Before any await: a grant from an earlier click on the meeting tab may still hold.
      const target = startMessage.tabId ?? lastTabId;
      const id =
        startMessage.mode === 'tab_and_mic' && target !== null && !isActivePhase(state.phase) ? streamId(target) : null;
      id?.catch(() => undefined);
      void start(startMessage, id).then((s) => sendResponse({ state: s }));
      return true;
    }
    if (parseMessage(LiveStopMessageSchema, raw)) {
      void stop().then((s) => sendResponse({ state: s }));
      return true;
    }
    const offscreenState = parseMessage(OffscreenStateSchema, raw);
    if (offscreenState) {
      push(offscreenState.state);
      const p = offscreenState.state.phase;
      if (p === 'stopped' || p === 'error' || p === 'needs-mic-permission') {
        // The capture ended (the tab closed, a fatal refusal) or cannot start: free the document. A moment
        // later, so a stop's reply from the document still arrives.
        if (p !== 'needs-mic-permission') {
          armed = null;
          persist();
        }
        setTimeout(() => void closeOffscreen(), 300);
      }
      return undefined;
    }
    if (parseMessage(TokenRequestSchema, raw)) {
      void token().then((value) => sendResponse({ token: value }));
      return true;
    }
    const mic = parseMessage(MicPermissionResultSchema, raw);
    if (mic) {
      if (mic.granted && armed && state.phase === 'needs-mic-permission') {
        // The grant of the click that got us here may still hold; if not, the phase asks for a click.
        const id = armed.mode === 'tab_and_mic' && lastTabId !== null ? streamId(lastTabId) : null;
        id?.catch(() => undefined);
        if (armed.mode === 'tab_and_mic' && !id) phase('needs-gesture');
        else void launch(armed, id);
      }
      return undefined;
    }
    return undefined;
  }

  function onConnect(port: Port) {
    if (port.name !== LIVE_CAPTURE_PORT) return;
    ports.add(port);
    port.postMessage({ type: 'sufler/live-state', state });
    void restored.then(() => port.postMessage({ type: 'sufler/live-state', state }));
    port.onMessage.addListener((raw) => {
      const reply = parseMessage(PanelTokenSchema, raw);
      if (reply) pendingTokens.get(reply.requestId)?.(reply.token);
    });
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      // The last panel closed: stop cleanly (what was recorded is kept), or drop an armed session.
      if (ports.size > 0) return;
      if (isActivePhase(state.phase)) void stop();
      else if (armed) {
        armed = null;
        persist();
        push(IDLE_CAPTURE);
      }
    });
  }

  return { gesture, onMessage, onConnect, stop, get state() { return state; } };
}
