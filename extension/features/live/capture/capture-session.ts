import { createSendBuffer, LIVE_RESEND_BUFFER_MS, type LiveMode } from '@sufler/shared';
import { IDLE_CAPTURE, type CaptureState } from '../capture-state';
import { createCaptureEncoder } from './framer';
import { createLiveSocket, liveSocketUrl, type LiveSocket } from './live-socket';
import { LIVE_CAPTURE_PROCESSOR, type WorkletMessage } from './worklet-protocol';

/**
 * One live capture in a page that may use the microphone: the offscreen document (Chrome, both sides) or
 * the Firefox sidebar (microphone only). Microphone → left (CONSULTANT), meeting tab → right (CLIENT),
 * through the worklet at the native rate, downsampled and framed here, out through the live socket.
 */

/** The browser's own voice processing: the rep's mic hears the meeting from the speakers otherwise. */
export const MIC_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
  video: false,
};

/** How often the state (levels, unacknowledged audio) is reported. */
export const STATE_INTERVAL_MS = 250;
/** How long the AudioContext may take to start running before the capture reports an error. */
export const AUDIO_START_TIMEOUT_MS = 5_000;

export interface CaptureSessionOptions {
  liveSessionId: string;
  mode: LiveMode;
  apiUrl: string;
  getToken: () => Promise<string | null>;
  /** The meeting tab's stream (Chrome: from a tabCapture stream id); null in mic-only mode. */
  getTabStream: (() => Promise<MediaStream>) | null;
  workletUrl: string;
  onState: (state: CaptureState) => void;
  /**
   * Whether this page can show the browser's permission prompt. An offscreen document cannot (the call would
   * fail or hang): unless the permission is already granted it reports needs-mic-permission at once.
   */
  canPrompt: boolean;
  /** How long the AudioContext may take to run (`AUDIO_START_TIMEOUT_MS`). */
  audioStartTimeoutMs?: number;
  now?: () => number;
}

export interface CaptureSession {
  readonly state: CaptureState;
  /** Flushes, stops the tracks, sends `end` and waits for `ended` (or its timeout). Safe to call twice. */
  stop(): Promise<CaptureState>;
}

type Failure = { code: string; message: string };

const isPermissionError = (error: unknown) =>
  error instanceof DOMException && (error.name === 'NotAllowedError' || error.name === 'SecurityError');

async function micPermission(): Promise<PermissionState | 'unknown'> {
  try {
    return (await navigator.permissions.query({ name: 'microphone' as PermissionName })).state;
  } catch {
    return 'unknown'; // Firefox before it knew `microphone`
  }
}

export async function startCaptureSession(options: CaptureSessionOptions): Promise<CaptureSession> {
  const { liveSessionId, mode, now = () => Date.now() } = options;
  let state: CaptureState = { ...IDLE_CAPTURE, phase: 'starting', liveSessionId, mode };
  const report = (patch: Partial<CaptureState>) => {
    state = { ...state, ...patch };
    options.onState(state);
  };
  const settled = (phase: CaptureState['phase'], error: Failure | null): CaptureSession => {
    report({ phase, error });
    return { get state() { return state; }, stop: async () => state };
  };
  report({});

  const permission = await micPermission();
  if (permission === 'denied' || (permission !== 'granted' && !options.canPrompt)) {
    return settled('needs-mic-permission', null);
  }
  let mic: MediaStream;
  try {
    mic = await navigator.mediaDevices.getUserMedia(MIC_CONSTRAINTS);
  } catch (error) {
    if (isPermissionError(error)) return settled('needs-mic-permission', null);
    return settled('error', { code: 'microphone', message: String((error as Error)?.message ?? error).slice(0, 500) });
  }

  let tab: MediaStream | null = null;
  if (options.getTabStream) {
    try {
      tab = await options.getTabStream();
    } catch (error) {
      for (const track of mic.getTracks()) track.stop();
      return settled('error', { code: 'tab-capture', message: String((error as Error)?.message ?? error).slice(0, 500) });
    }
  }
  const stopTracks = () => {
    for (const track of [...mic.getTracks(), ...(tab?.getTracks() ?? [])]) track.stop();
  };

  // The native rate: the pass-through of the meeting keeps its quality; the worklet batches, we downsample.
  const context = new AudioContext({ latencyHint: 'interactive' });
  let node: AudioWorkletNode;
  try {
    await context.audioWorklet.addModule(options.workletUrl);
    node = new AudioWorkletNode(context, LIVE_CAPTURE_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: 2,
      channelCountMode: 'explicit',
      channelInterpretation: 'discrete',
    });
  } catch (error) {
    stopTracks();
    void context.close();
    return settled('error', { code: 'audio', message: String((error as Error)?.message ?? error).slice(0, 500) });
  }
  const merger = context.createChannelMerger(2);
  context.createMediaStreamSource(mic).connect(merger, 0, 0);
  if (tab) {
    const tabSource = context.createMediaStreamSource(tab);
    // Capturing a tab mutes it: play it back, or the rep would not hear the client.
    tabSource.connect(context.destination);
    tabSource.connect(merger, 0, 1);
  }
  merger.connect(node);
  // The worklet writes silence; connecting it keeps it rendered in every browser.
  node.connect(context.destination);
  // A context that never runs (Firefox with no audio output device: `resume()` neither resolves nor rejects)
  // would leave the capture "starting" for good with the microphone open and no audio sent: say so instead.
  const audioStartMs = options.audioStartTimeoutMs ?? AUDIO_START_TIMEOUT_MS;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    context.resume().catch(() => undefined),
    new Promise<void>((resolve) => (resumeTimer = setTimeout(resolve, audioStartMs))),
  ]);
  clearTimeout(resumeTimer);
  if (context.state !== 'running') {
    stopTracks();
    void context.close().catch(() => undefined);
    return settled('error', {
      code: 'audio',
      message: `The browser did not start audio processing (AudioContext ${context.state} after ${Math.round(audioStartMs / 1000)} s): check that a sound output device is available, then try again.`,
    });
  }

  const encoder = createCaptureEncoder({ inputRate: context.sampleRate });
  const buffer = createSendBuffer({ maxMs: LIVE_RESEND_BUFFER_MS });
  let fatal: Failure | null = null;
  const socket: LiveSocket = createLiveSocket({
    url: liveSocketUrl(options.apiUrl),
    liveSessionId,
    getToken: options.getToken,
    buffer,
    onStatus: (status) => {
      if (state.phase === 'recording' && status === 'reconnecting') report({ phase: 'reconnecting' });
      else if (state.phase === 'reconnecting' && status === 'open') report({ phase: 'recording' });
    },
    onFatal: (error) => {
      fatal = error;
      void stop();
    },
  });

  let stopping = false;
  let stopped: Promise<CaptureState> | null = null;
  let peakLeft = 0;
  let peakRight = 0;
  let flushed: (() => void) | null = null;
  node.port.onmessage = (event: MessageEvent<WorkletMessage>) => {
    const message = event.data;
    if (message.type === 'flushed') {
      flushed?.();
      return;
    }
    if (stopping) return;
    for (const frame of encoder.push(message.left, message.right)) {
      socket.send(frame.interleaved, frame.durationMs);
      peakLeft = Math.max(peakLeft, frame.levels.consultant);
      peakRight = Math.max(peakRight, frame.levels.client);
    }
  };

  const tick = () => {
    report({
      levels: { consultant: Math.min(1, peakLeft), client: Math.min(1, peakRight) },
      unackedMs: buffer.unackedMs,
      droppedMs: buffer.droppedMs,
    });
    peakLeft = 0;
    peakRight = 0;
  };
  const interval = setInterval(tick, STATE_INTERVAL_MS);
  report({ phase: socket.status === 'reconnecting' ? 'reconnecting' : 'recording', startedAt: now() });

  const stop = () => {
    stopped ??= (async () => {
      report({ phase: 'stopping', levels: { consultant: 0, client: 0 } });
      // The last batch still in the worklet, then the filter's tail and the partial frame.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 500);
        flushed = () => {
          clearTimeout(timer);
          resolve();
        };
        node.port.postMessage('flush');
      });
      stopping = true;
      if (!fatal) for (const frame of encoder.flush()) socket.send(frame.interleaved, frame.durationMs);
      stopTracks();
      node.port.onmessage = null;
      void context.close().catch(() => undefined);
      clearInterval(interval);
      if (fatal) {
        socket.close();
        report({ phase: 'error', error: fatal, unackedMs: buffer.unackedMs });
        return state;
      }
      const result = await socket.end();
      report({
        phase: 'stopped',
        callId: result.callId,
        unackedMs: buffer.unackedMs,
        droppedMs: buffer.droppedMs,
        error: result.error ? { code: 'end', message: result.error.slice(0, 500) } : null,
      });
      return state;
    })();
    return stopped;
  };

  // The meeting tab was closed (or navigated away from the capture): stop cleanly, keep what was recorded.
  for (const track of tab?.getAudioTracks() ?? []) track.addEventListener('ended', () => void stop());

  return {
    get state() {
      return state;
    },
    stop,
  };
}
