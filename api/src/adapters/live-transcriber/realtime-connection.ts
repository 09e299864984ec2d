import WebSocket, { type RawData } from 'ws';
import { TranscriberError } from '../../modules/calls/ports';
import { closeFailure, eventFailure, handshakeFailure, type RealtimeErrorBody } from './realtime-failures';

export type RealtimeConnectOptions = {
  /** The full `ws(s)://…/v1/realtime?intent=transcription…` address. */
  url: string;
  /** Names the server in messages, without the query (which may carry a key). */
  service: string;
  apiKey?: string;
  model: string;
  language: string;
  /** For messages: how long the caller's signal waits before it times out. */
  timeoutMs: number;
  signal: AbortSignal;
};

/**
 * Which session shape the server speaks, read from its `session.created`: OpenAI's GA transcription
 * session (`session.type: "transcription"`, config under `audio.input`) or the beta shape that speaches
 * implements (`input_audio_transcription`, `turn_detection` at the top; speaches `types/realtime.py`).
 */
export type RealtimeDialect = 'ga' | 'beta';

export type RealtimeConnection = {
  readonly dialect: RealtimeDialect;
  readonly closed: boolean;
  /** Sends one utterance (24 kHz PCM16) and resolves with the transcript of its committed item. */
  transcribe(pcm24k: Int16Array, prompt: string | undefined, signal: AbortSignal): Promise<string>;
  close(): void;
};

/** 12 000 samples = 24 000 bytes = 32 000 base64 characters per `input_audio_buffer.append`. */
const APPEND_SAMPLES = 12_000;

type ServerEvent = { type?: unknown; item_id?: unknown; transcript?: unknown; error?: RealtimeErrorBody; session?: Record<string, unknown> };
type Pending = { itemId: string | null; resolve: (text: string) => void; reject: (error: Error) => void };

/**
 * Opens one Realtime transcription socket and configures it for transcription with turn detection off
 * (the live module cuts utterances itself). Settles once the server confirmed the session update.
 */
export function connectRealtime(options: RealtimeConnectOptions): Promise<RealtimeConnection> {
  const { service, signal } = options;
  if (signal.aborted) return Promise.reject(aborted(service, signal.reason));
  const ws = new WebSocket(options.url, { headers: options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : {} });
  let closed = false;
  let dialect: RealtimeDialect = 'beta';
  let pending: Pending | null = null;
  let setup: { resolve: () => void; reject: (error: Error) => void } | null = null;
  let lastPrompt: string | undefined;

  const send = (event: Record<string, unknown>) => ws.send(JSON.stringify(event));
  const fail = (error: Error) => {
    const target = setup ?? pending;
    setup = null;
    pending = null;
    target?.reject(error);
  };
  const shut = (error: Error) => {
    closed = true;
    fail(error);
    ws.removeAllListeners('message');
    ws.terminate();
  };

  ws.on('error', (error) => {
    closed = true;
    fail(new TranscriberError({ code: 'unreachable', message: `${service} is unreachable (${error.message})`, cause: error }));
  });
  ws.on('unexpected-response', (request, response) => {
    let body = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (body += chunk.slice(0, 2000 - body.length)));
    response.on('end', () => {
      closed = true;
      fail(handshakeFailure(service, response.statusCode ?? 0, body));
      request.destroy();
    });
  });
  ws.on('close', (code, reason) => {
    closed = true;
    fail(closeFailure(service, code, reason.toString('utf8')));
  });
  ws.on('message', (data: RawData, isBinary) => {
    if (isBinary) return;
    let event: ServerEvent;
    try {
      event = JSON.parse(rawText(data)) as ServerEvent;
    } catch {
      return shut(new TranscriberError({ code: 'bad_response', message: `${service} sent a message that is not JSON` }));
    }
    onEvent(event);
  });

  function onEvent(event: ServerEvent) {
    if (event.type === 'error') {
      // speaches refuses `prefix_padding_ms` with an error yet applies the rest of the update
      // (`session_event_router.py`); TurnDetection cannot be sent without it.
      if (setup && /prefix_padding_ms/.test(event.error?.message ?? '')) return;
      const error = eventFailure(service, event.error);
      if (setup || pending) return shut(error);
      return; // nothing waits: the next utterance meets a fresh state
    }
    if (setup && event.type === 'session.created') return configure(event.session ?? {});
    if (setup && event.type === 'session.updated') {
      const done = setup;
      setup = null;
      return done.resolve();
    }
    if (!pending) return;
    if (event.type === 'input_audio_buffer.committed' && pending.itemId === null && typeof event.item_id === 'string') {
      pending.itemId = event.item_id;
    } else if (event.type === 'conversation.item.input_audio_transcription.completed' && event.item_id === pending.itemId) {
      const done = pending;
      pending = null;
      done.resolve(typeof event.transcript === 'string' ? event.transcript.trim() : '');
    } else if (event.type === 'conversation.item.input_audio_transcription.failed' && event.item_id === pending.itemId) {
      shut(eventFailure(service, event.error));
    }
  }

  function configure(session: Record<string, unknown>) {
    dialect = session.type === 'transcription' || 'audio' in session ? 'ga' : 'beta';
    const transcription = { model: options.model, language: options.language };
    if (dialect === 'ga') {
      send({ type: 'session.update', session: { type: 'transcription', audio: { input: { format: { type: 'audio/pcm', rate: 24_000 }, transcription, turn_detection: null } } } });
    } else {
      // speaches cannot take `turn_detection: null` (its PartialSession has no None), and with its VAD on an
      // explicit commit after speech_started never completes. A threshold of 1.0 keeps Silero from ever
      // starting speech; the model and language also travel in the URL.
      send({ type: 'session.update', session: { input_audio_transcription: transcription, turn_detection: { type: 'server_vad', threshold: 1, prefix_padding_ms: 0, silence_duration_ms: 60_000, create_response: false } } });
    }
  }

  const connection: RealtimeConnection = {
    get dialect() {
      return dialect;
    },
    get closed() {
      return closed;
    },
    transcribe(pcm24k, prompt, callSignal) {
      if (closed) return Promise.reject(closeFailure(service, 1006, 'the socket had closed'));
      if (pending) return Promise.reject(new Error('realtime connection: one utterance at a time'));
      return new Promise<string>((resolve, reject) => {
        const onAbort = () => shut(interrupted(service, options.timeoutMs, callSignal));
        const settle = <T>(f: (value: T) => void) => (value: T) => {
          callSignal.removeEventListener('abort', onAbort);
          f(value);
        };
        pending = { itemId: null, resolve: settle(resolve), reject: settle(reject) };
        if (callSignal.aborted) return onAbort();
        callSignal.addEventListener('abort', onAbort, { once: true });
        // speaches ignores the prompt (its transcriber passes none); OpenAI takes it in the session.
        if (dialect === 'ga' && prompt && prompt !== lastPrompt) {
          lastPrompt = prompt;
          send({ type: 'session.update', session: { type: 'transcription', audio: { input: { transcription: { model: options.model, language: options.language, prompt } } } } });
        }
        for (let at = 0; at < pcm24k.length; at += APPEND_SAMPLES) {
          send({ type: 'input_audio_buffer.append', audio: toBase64Le(pcm24k.subarray(at, at + APPEND_SAMPLES)) });
        }
        send({ type: 'input_audio_buffer.commit' });
      });
    },
    close() {
      closed = true;
      fail(aborted(service, new Error('live transcription stream closed')));
      ws.removeAllListeners('message');
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      else ws.terminate();
    },
  };

  return new Promise<RealtimeConnection>((resolve, reject) => {
    const onAbort = () => shut(interrupted(service, options.timeoutMs, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    setup = {
      resolve: () => {
        signal.removeEventListener('abort', onAbort);
        resolve(connection);
      },
      reject: (error) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    };
  });
}

/** Timeout or the caller's abort, told apart by the signal's reason. */
function interrupted(service: string, timeoutMs: number, signal: AbortSignal): TranscriberError {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'TimeoutError') {
    return new TranscriberError({ code: 'timeout', message: `${service} did not answer within ${timeoutMs} ms`, cause: reason });
  }
  return aborted(service, reason);
}

const aborted = (service: string, cause: unknown) => new TranscriberError({ code: 'aborted', message: `${service}: the live transcription was cancelled`, cause });

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

/** PCM16 little-endian, as the Realtime API defines `pcm16` / `audio/pcm`, whatever the platform. */
function toBase64Le(samples: Int16Array): string {
  const bytes = Buffer.alloc(samples.length * 2);
  for (let i = 0; i < samples.length; i++) bytes.writeInt16LE(samples[i]!, i * 2);
  return bytes.toString('base64');
}
