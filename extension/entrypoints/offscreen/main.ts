import { browser } from 'wxt/browser';
import { IDLE_CAPTURE, type CaptureState } from '../../features/live/capture-state';
import { startCaptureSession, type CaptureSession } from '../../features/live/capture/capture-session';
import {
  OffscreenStartSchema,
  OffscreenStopSchema,
  TokenReplySchema,
  type OffscreenStart,
} from '../../features/live/capture/live-messages';
import { extensionUrl, LIVE_CAPTURE_WORKLET_PATH } from '../../features/live/capture/worklet-protocol';
import { parseMessage } from '../../lib/messages';

/**
 * The offscreen document (Chrome): the only extension context that can hold the tab's audio and the
 * microphone while the panel comes and goes. The background creates it, hands it a tabCapture stream id, and
 * closes it after the capture stopped. It has only `chrome.runtime`: the token comes from the background.
 */

let session: CaptureSession | null = null;
let starting: Promise<void> | null = null;
let lastState: CaptureState = IDLE_CAPTURE;

const report = (state: CaptureState) => {
  lastState = state;
  void browser.runtime.sendMessage({ type: 'sufler/live-offscreen-state', state }).catch(() => undefined);
};

async function getToken(): Promise<string | null> {
  const reply = parseMessage(TokenReplySchema, await browser.runtime.sendMessage({ type: 'sufler/live-token-request' }).catch(() => null));
  return reply?.token ?? null;
}

/** The tab's audio from a stream id (Chrome's legacy constraints are the only way to pass one). */
const tabStream = (streamId: string) => () =>
  navigator.mediaDevices.getUserMedia({
    audio: { mandatory: { chromeMediaSource: 'tab', chromeMediaSourceId: streamId } } as MediaTrackConstraints,
    video: false,
  });

async function begin(start: OffscreenStart) {
  session = await startCaptureSession({
    liveSessionId: start.liveSessionId,
    mode: start.mode,
    apiUrl: start.apiUrl,
    getToken,
    getTabStream: start.streamId ? tabStream(start.streamId) : null,
    workletUrl: extensionUrl(browser.runtime, LIVE_CAPTURE_WORKLET_PATH),
    onState: report,
    canPrompt: false,
  });
}

const busy = () => ['starting', 'recording', 'reconnecting', 'stopping'].includes(lastState.phase);

browser.runtime.onMessage.addListener((raw: unknown, _sender: unknown, sendResponse: (reply: unknown) => void) => {
  const start = parseMessage(OffscreenStartSchema, raw);
  if (start) {
    if (busy()) {
      sendResponse({ ok: false });
      return;
    }
    lastState = { ...IDLE_CAPTURE, phase: 'starting', liveSessionId: start.liveSessionId, mode: start.mode };
    session = null;
    starting = begin(start).catch((error: unknown) =>
      report({ ...lastState, phase: 'error', error: { code: 'capture', message: String(error).slice(0, 500) } }),
    );
    sendResponse({ ok: true });
    return;
  }
  if (parseMessage(OffscreenStopSchema, raw)) {
    // A stop during the start waits for it, so nothing keeps capturing behind the rep's back.
    void (async () => {
      await starting;
      sendResponse({ state: session ? await session.stop() : lastState });
    })();
    return true;
  }
  return undefined;
});
