import WebSocket from 'ws';
import { createSendBuffer, LIVE_RESEND_BUFFER_MS, LIVE_SAMPLE_RATE, LiveServerMessageSchema, type LiveSegment, type LiveServerMessage } from '@sufler/shared';

/** What a replay prints, one JSON line each (`sufler live replay --jsonl`). */
export type ReplayEvent =
  | { type: 'ready'; nextSeq: number; transcription: 'live' | 'off' }
  | { type: 'segment'; index: number; speaker: LiveSegment['speaker']; start: number; end: number; text: string; latencyMs: number | null }
  | { type: 'analysis'; afterSegment: number; latencyMs: number | null; suggestions: { kind: string; text: string }[] }
  | { type: 'error'; code: string; message: string }
  | { type: 'ended'; callId: string | null; error: string | null; framesSent: number; acked: number };

export type ReplayOptions = {
  /** The API's origin, e.g. http://127.0.0.1:8787. */
  server: string;
  token: string;
  liveSessionId: string;
  /** 16 kHz mono samples of each side: the consultant's (left) and the client's (right). */
  consultant: Int16Array;
  client: Int16Array;
  /** 1 = real time; 0 = as fast as the socket takes it (then latencies are not measured). */
  speed: number;
  frameMs?: number;
  onEvent?: (event: ReplayEvent) => void;
  signal?: AbortSignal;
};

/**
 * Streams a recording into a live session through the same `/live` socket the extension's capture uses:
 * hello, frames paced at `speed`, `end` after the last one, and the `ended` answer with the call id.
 * Latency is measured from the moment the end of a segment's speech was sent (in the audio's time, at
 * `speed`) to the event about it.
 */
export async function replayLive(options: ReplayOptions): Promise<Extract<ReplayEvent, { type: 'ended' }>> {
  const frameMs = options.frameMs ?? 200;
  const perFrame = Math.round((LIVE_SAMPLE_RATE * frameMs) / 1000);
  const total = Math.max(options.consultant.length, options.client.length);
  const url = `${options.server.replace(/^http/, 'ws').replace(/\/$/, '')}/live`;
  const socket = new WebSocket(url);
  const buffer = createSendBuffer({ maxMs: LIVE_RESEND_BUFFER_MS });
  const segmentEnds = new Map<number, number>();
  let started = 0;
  let acked = -1;
  let framesSent = 0;
  const emit = (event: ReplayEvent) => options.onEvent?.(event);
  const sentAt = (audioMs: number) => (options.speed > 0 ? started + audioMs / options.speed : null);
  const latency = (audioMs: number) => {
    const at = sentAt(audioMs);
    return at === null ? null : Math.max(0, Math.round(Date.now() - at));
  };

  return new Promise((resolve, reject) => {
    let finished = false;
    const fail = (error: Error) => {
      if (finished) return;
      finished = true;
      socket.terminate();
      reject(error);
    };
    options.signal?.addEventListener('abort', () => fail(new Error('Replay aborted')), { once: true });
    socket.on('error', (error) => fail(error));
    socket.on('close', (code, reason) => fail(new Error(`The live socket closed before the call was made (${code} ${reason.toString() || 'no reason'})`)));
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token: options.token, liveSessionId: options.liveSessionId })));

    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: LiveServerMessage;
      try {
        message = LiveServerMessageSchema.parse(JSON.parse(data.toString()));
      } catch {
        return fail(new Error(`Unexpected message from the server: ${data.toString().slice(0, 200)}`));
      }
      switch (message.type) {
        case 'ready':
          emit({ type: 'ready', nextSeq: message.nextSeq, transcription: message.transcription });
          if (!started) void send();
          break;
        case 'ack':
          acked = Math.max(acked, message.seq);
          buffer.ack(message.seq);
          break;
        case 'segment':
          segmentEnds.set(message.segment.index, message.segment.endMs);
          emit({ type: 'segment', index: message.segment.index, speaker: message.segment.speaker, start: message.segment.startMs, end: message.segment.endMs, text: message.segment.text, latencyMs: latency(message.segment.endMs) });
          break;
        case 'analysis': {
          const end = segmentEnds.get(message.afterSegment);
          emit({ type: 'analysis', afterSegment: message.afterSegment, latencyMs: end === undefined ? null : latency(end), suggestions: message.suggestions });
          break;
        }
        case 'error':
          emit({ type: 'error', code: message.code, message: message.message });
          if (message.fatal) fail(new Error(`${message.code}: ${message.message}`));
          break;
        case 'ended': {
          finished = true;
          const event = { type: 'ended' as const, callId: message.callId, error: message.error, framesSent, acked };
          emit(event);
          socket.close();
          resolve(event);
          break;
        }
      }
    });

    async function send() {
      started = Date.now();
      for (let at = 0; at < total; at += perFrame) {
        if (finished) return;
        const n = Math.min(perFrame, total - at);
        // Like a real capture, a frame leaves once its last sample has been spoken (at `speed`), so the
        // latencies measured from the end of speech are not flattered by sending audio ahead of time.
        if (options.speed > 0) {
          const wait = started + ((at + n) / LIVE_SAMPLE_RATE) * 1000 / options.speed - Date.now();
          if (wait > 0) await new Promise((r) => setTimeout(r, wait));
          if (finished) return;
        }
        const interleaved = new Int16Array(n * 2);
        for (let k = 0; k < n; k++) {
          interleaved[2 * k] = options.consultant[at + k] ?? 0;
          interleaved[2 * k + 1] = options.client[at + k] ?? 0;
        }
        const frame = buffer.add(interleaved, (n / LIVE_SAMPLE_RATE) * 1000);
        socket.send(frame.bytes);
        framesSent++;
        if (options.speed === 0 && socket.bufferedAmount > 1 << 20) {
          // As fast as possible, but not faster than the socket drains.
          while (socket.bufferedAmount > 1 << 18) await new Promise((r) => setTimeout(r, 5));
        }
      }
      if (!finished) socket.send(JSON.stringify({ type: 'end' }));
    }
  });
}
