import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { decodeLiveFrame, LiveClientMessageSchema } from '@sufler/shared';
import type { CaptureControl, CaptureState } from '../capture-state';
import { AUDIO_START_TIMEOUT_MS, MIC_CONSTRAINTS } from './capture-session';
import { createCaptureControl } from './create-capture-control';

/**
 * The Firefox variant of `createCaptureControl` (`tabCapture: false`): the sidebar page itself records the
 * microphone (mode mic_only, right channel silent) through the same capture session. The browser's media,
 * Web Audio and WebSocket are fakes here; the real Firefox run is `npm run smoke:firefox`
 * (extension/e2e/firefox-smoke.ts).
 */

const LIVE_ID = '00000000-0000-4000-8000-000000000011';
const CALL_ID = '00000000-0000-4000-8000-0000000000ca';
const API = 'http://127.0.0.1:3999';

const runtimeListeners = new Set<(raw: unknown) => unknown>();
const tabsCreate = vi.fn(async (_: { url: string }) => ({}));
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `moz-extension://test-uuid${path}`,
      onMessage: { addListener: (listener: (raw: unknown) => unknown) => runtimeListeners.add(listener) },
    },
    tabs: { create: (input: { url: string }) => tabsCreate(input) },
  },
}));

// ---- fakes of the browser's media, Web Audio and WebSocket ----

class FakeTrack {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

class FakeNode {
  connections: unknown[] = [];
  connect(target: unknown) {
    this.connections.push(target);
  }
}

/** The worklet node: the test posts batches into `port.onmessage`; `flush` is answered with `flushed`. */
class FakeWorkletNode extends FakeNode {
  static last: FakeWorkletNode | null = null;
  port = {
    onmessage: null as ((event: { data: unknown }) => void) | null,
    postMessage: (message: unknown) => {
      if (message === 'flush') queueMicrotask(() => this.port.onmessage?.({ data: { type: 'flushed' } }));
    },
  };
  constructor(
    readonly context: unknown,
    readonly name: string,
    readonly options: unknown,
  ) {
    super();
    FakeWorkletNode.last = this;
  }
  /** One batch of native-rate audio, as the worklet posts it (~100 ms). */
  batch(left: number, right: number, samples = 4800) {
    this.port.onmessage?.({ data: { type: 'batch', left: new Float32Array(samples).fill(left), right: new Float32Array(samples).fill(right) } });
  }
}

class FakeAudioContext {
  static last: FakeAudioContext | null = null;
  static hangs = false;
  sampleRate = 48_000;
  state: AudioContextState = 'suspended';
  destination = new FakeNode();
  closed = false;
  sources: unknown[] = [];
  audioWorklet = { addModule: vi.fn(async (_url: string) => undefined) };
  constructor(readonly options: unknown) {
    FakeAudioContext.last = this;
  }
  createChannelMerger() {
    return new FakeNode();
  }
  createMediaStreamSource(stream: unknown) {
    this.sources.push(stream);
    return new FakeNode();
  }
  resume() {
    // Firefox with no audio output device: the promise never settles.
    if (FakeAudioContext.hangs) return new Promise<void>(() => undefined);
    this.state = 'running';
    return Promise.resolve();
  }
  async close() {
    this.closed = true;
    this.state = 'closed';
  }
}

/**
 * A `/live` server in one object: answers hello with ready, acks every frame, and `end` with `ended` (at
 * once, or when the test calls `answerEnd`).
 */
class FakeWebSocket {
  static all: FakeWebSocket[] = [];
  static holdEnded = false;
  readyState = 0;
  binaryType = 'blob';
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  texts: Array<Record<string, unknown>> = [];
  seqs: number[] = [];
  channels: Array<{ left: number; right: number }> = [];
  closed = false;
  constructor(readonly url: string) {
    FakeWebSocket.all.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.(new Event('open'));
    }, 0);
  }
  private reply(message: unknown) {
    setTimeout(() => this.onmessage?.({ data: JSON.stringify(message) } as MessageEvent), 0);
  }
  answerEnd() {
    this.reply({ type: 'ended', callId: CALL_ID, error: null });
  }
  send(data: string | Uint8Array) {
    if (typeof data === 'string') {
      const message = LiveClientMessageSchema.parse(JSON.parse(data));
      this.texts.push(message);
      if (message.type === 'hello') this.reply({ type: 'ready', nextSeq: 0, transcription: 'live' });
      else if (message.type === 'end' && !FakeWebSocket.holdEnded) this.answerEnd();
      return;
    }
    const frame = decodeLiveFrame(data);
    this.seqs.push(frame.seq);
    // The middle of the frame: past the downsampler's start-up ramp.
    const middle = frame.left.length >> 1;
    this.channels.push({ left: frame.left[middle] ?? 0, right: Math.max(...frame.right.map(Math.abs)) });
    this.reply({ type: 'ack', seq: frame.seq });
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
}

// ---- the page around them ----

let page: EventTarget;
let mic: { tracks: FakeTrack[] };
let permission: PermissionState;
let getUserMedia: ReturnType<typeof vi.fn>;

beforeEach(() => {
  runtimeListeners.clear();
  tabsCreate.mockClear();
  FakeWebSocket.all = [];
  FakeWebSocket.holdEnded = false;
  FakeAudioContext.last = null;
  FakeAudioContext.hangs = false;
  FakeWorkletNode.last = null;
  page = new EventTarget();
  permission = 'prompt';
  mic = { tracks: [new FakeTrack()] };
  getUserMedia = vi.fn(async () => ({ getTracks: () => mic.tracks, getAudioTracks: () => mic.tracks }));
  vi.stubGlobal('addEventListener', page.addEventListener.bind(page));
  vi.stubGlobal('navigator', {
    mediaDevices: { getUserMedia },
    permissions: { query: vi.fn(async () => ({ state: permission })) },
  });
  vi.stubGlobal('AudioContext', FakeAudioContext);
  vi.stubGlobal('AudioWorkletNode', FakeWorkletNode);
  vi.stubGlobal('WebSocket', FakeWebSocket);
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const until = async (check: () => boolean, what: string, ms = 3000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

function firefoxControl(token: () => Promise<string | null> = async () => 'access-1') {
  const control = createCaptureControl({ tabCapture: false, getAccessToken: token, loadApiUrl: async () => API });
  const states: CaptureState[] = [];
  control.watch((state) => states.push(state));
  return { control, states, phases: () => [...new Set(states.map((state) => state.phase))], last: () => states.at(-1)! };
}

async function recording(control: CaptureControl) {
  await control.start({ liveSessionId: LIVE_ID, mode: 'mic_only' });
  await until(() => FakeWebSocket.all[0]?.texts.some((m) => m.type === 'hello') === true, 'the hello');
  const socket = FakeWebSocket.all[0]!;
  // Ready arrives on a later turn; frames sent before it are buffered and resent.
  await new Promise((resolve) => setTimeout(resolve, 10));
  return socket;
}

describe('createCaptureControl, Firefox (tabCapture: false): the sidebar records the microphone', () => {
  test('start: the microphone with the voice processing, mic_only, frames with a silent right channel', async () => {
    const { control, phases, last } = firefoxControl();
    expect(control.tabCapture).toBe(false);
    const socket = await recording(control);

    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(getUserMedia.mock.calls[0]![0]).toEqual(MIC_CONSTRAINTS);
    expect(MIC_CONSTRAINTS.audio).toEqual({ echoCancellation: true, noiseSuppression: true, autoGainControl: true });
    expect(socket.url).toBe('ws://127.0.0.1:3999/live');
    expect(socket.texts[0]).toEqual({ type: 'hello', token: 'access-1', liveSessionId: LIVE_ID });
    // The worklet from the add-on's own URL; only the microphone is a source (no tab stream).
    expect(FakeAudioContext.last!.audioWorklet.addModule).toHaveBeenCalledWith('moz-extension://test-uuid/live-capture-worklet.js');
    expect(FakeAudioContext.last!.sources).toHaveLength(1);
    expect(phases()).toEqual(['idle', 'starting', 'recording']);
    expect(last()).toMatchObject({ phase: 'recording', mode: 'mic_only', liveSessionId: LIVE_ID, error: null });
    expect(last().startedAt).toBeTypeOf('number');

    // 0.5 s of voice on the left; the worklet's right input is silence (nothing is connected to it).
    const node = FakeWorkletNode.last!;
    for (let i = 0; i < 5; i++) node.batch(0.5, 0);
    await until(() => socket.seqs.length >= 2, 'frames on the socket');
    expect(socket.seqs.slice(0, 2)).toEqual([0, 1]);
    expect(socket.channels.at(-1)!.left).toBeGreaterThan(10_000);
    expect(socket.channels.at(-1)!.right).toBe(0);
    await until(() => last().levels.consultant > 0.3, 'the consultant level');
    expect(last().levels.client).toBe(0);

    await control.stop();
  });

  test('stop: flushes, stops the microphone, sends end and waits for ended; the call id is in the state', async () => {
    const { control, phases, last } = firefoxControl();
    const socket = await recording(control);
    FakeWorkletNode.last!.batch(0.25, 0);
    FakeWebSocket.holdEnded = true;

    let stopped = false;
    const stopping = control.stop().then(() => (stopped = true));
    await until(() => socket.texts.some((m) => m.type === 'end'), 'end');
    expect(last().phase).toBe('stopping');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false); // still waiting for `ended`
    expect(mic.tracks[0]!.stopped).toBe(true);
    expect(FakeAudioContext.last!.closed).toBe(true);

    socket.answerEnd();
    await stopping;
    expect(last()).toMatchObject({ phase: 'stopped', callId: CALL_ID, error: null, unackedMs: 0 });
    expect(phases()).toEqual(['idle', 'starting', 'recording', 'stopping', 'stopped']);
    // Every frame was sent before end (the tail of the flush included) and acknowledged.
    const endAt = socket.texts.findIndex((m) => m.type === 'end');
    expect(endAt).toBeGreaterThan(0);
    expect(socket.seqs.length).toBeGreaterThan(0);
  });

  test('a second start while recording is ignored (one microphone, one socket)', async () => {
    const { control } = firefoxControl();
    await recording(control);
    await control.start({ liveSessionId: LIVE_ID, mode: 'mic_only' });
    expect(getUserMedia).toHaveBeenCalledTimes(1);
    expect(FakeWebSocket.all).toHaveLength(1);
    await control.stop();
  });

  test('microphone refused (NotAllowedError): needs-mic-permission, nothing opened; the permission page then resumes it', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('The request is not allowed', 'NotAllowedError'));
    const { control, last } = firefoxControl();
    await control.start({ liveSessionId: LIVE_ID, mode: 'mic_only' });
    expect(last()).toMatchObject({ phase: 'needs-mic-permission', error: null, liveSessionId: LIVE_ID, mode: 'mic_only' });
    expect(FakeWebSocket.all).toHaveLength(0);
    expect(FakeAudioContext.last).toBeNull();

    await control.requestMicPermission();
    expect(tabsCreate).toHaveBeenCalledWith({ url: 'moz-extension://test-uuid/mic-permission.html' });
    // The page got the microphone: the capture goes on by itself.
    for (const listener of runtimeListeners) listener({ type: 'sufler/live-mic-permission-result', granted: true });
    await until(() => last().phase === 'recording', 'recording after the permission');
    expect(getUserMedia).toHaveBeenCalledTimes(2);
    await control.stop();
  });

  test('microphone blocked in the settings (permission denied): needs-mic-permission without asking', async () => {
    permission = 'denied';
    const { control, last } = firefoxControl();
    await control.start({ liveSessionId: LIVE_ID, mode: 'mic_only' });
    expect(last().phase).toBe('needs-mic-permission');
    expect(getUserMedia).not.toHaveBeenCalled();
    // Stop from there is harmless and goes back to idle.
    await control.stop();
  });

  test('no microphone at all (NotFoundError): error with the code microphone and the reason', async () => {
    getUserMedia.mockRejectedValueOnce(new DOMException('The object can not be found here.', 'NotFoundError'));
    const { control, last } = firefoxControl();
    await control.start({ liveSessionId: LIVE_ID, mode: 'mic_only' });
    expect(last()).toMatchObject({ phase: 'error', error: { code: 'microphone', message: 'The object can not be found here.' } });
    expect(FakeWebSocket.all).toHaveLength(0);
  });

  test('an AudioContext that never runs (no sound output): error code audio after the timeout, the microphone released', async () => {
    FakeAudioContext.hangs = true;
    vi.useFakeTimers();
    const { control, last } = firefoxControl();
    const starting = control.start({ liveSessionId: LIVE_ID, mode: 'mic_only' });
    await vi.advanceTimersByTimeAsync(AUDIO_START_TIMEOUT_MS);
    await starting;
    expect(last()).toMatchObject({ phase: 'error', error: { code: 'audio' } });
    expect(last().error!.message).toContain('did not start audio processing');
    expect(mic.tracks[0]!.stopped).toBe(true);
    expect(FakeAudioContext.last!.closed).toBe(true);
    expect(FakeWebSocket.all).toHaveLength(0);
  });

  test('pagehide (the sidebar closed): the capture stops and sends end', async () => {
    const { control, last } = firefoxControl();
    const socket = await recording(control);
    page.dispatchEvent(new Event('pagehide'));
    await until(() => socket.texts.some((m) => m.type === 'end'), 'end after pagehide');
    await until(() => last().phase === 'stopped', 'stopped');
    expect(mic.tracks[0]!.stopped).toBe(true);
    expect(last().callId).toBe(CALL_ID);
  });
});
