import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';

/**
 * A stand-in for an OpenAI Realtime transcription server (`WS /v1/realtime?intent=transcription`): a real
 * `ws` server on 127.0.0.1 that speaks one of two dialects, each as its source shows it:
 *
 * - `speaches` (default; speaches-ai/speaches `routers/realtime_ws.py`, `realtime/*_event_router.py`,
 *   `types/realtime.py`): `model` is a required query parameter, a bad key closes the handshake (403),
 *   `session.created` carries the beta session shape, `session.update` takes a partial beta session where
 *   `turn_detection` cannot be null and `prefix_padding_ms` draws an "unsupported" error, server VAD is on
 *   until its threshold is 1.0, audio is 24 kHz PCM16, a commit of under 100 ms is an error, and only
 *   `…input_audio_transcription.completed` follows `input_audio_buffer.committed` (no deltas).
 * - `openai` (the GA API): no `model` query parameter for transcription sessions (error `invalid_model`,
 *   close 4000), `session.update` with `session.type: "transcription"` and `audio.input.format`
 *   `{ type: "audio/pcm", rate: 24000 }`, turn detection null allowed, deltas before `completed`.
 *
 * ```ts
 * const realtime = await startRealtimeDouble({ apiKey: 'sk-test' });
 * realtime.script(['Dzień dobry.']);      // the next transcript
 * realtime.failNext('server_error');      // or: the next commit is answered with an error event
 * expect(realtime.utterances[0]!.samples).toHaveLength(24_000);
 * ```
 *
 * With server VAD still on, speaches marks speech started on the first append and its transcriber then
 * asserts on the missing end (`data_w_vad_applied`): the double likewise never answers such a commit.
 */

export type RealtimeDialect = 'speaches' | 'openai';

export type RealtimeRespondInput = { index: number; durationMs: number; samples: Int16Array; language: string | null; model: string | null; prompt: string | null };

export type RealtimeDoubleOptions = {
  dialect?: RealtimeDialect;
  /** When set, the handshake needs `Authorization: Bearer <apiKey>` (speaches also takes `X-API-Key` and `?api_key=`). */
  apiKey?: string;
  /** The transcript of an utterance when nothing is scripted. */
  respond?: (input: RealtimeRespondInput) => string;
  /** Wait between `committed` and the transcript. */
  delayMs?: number;
};

/** What one connection sent, `audio` replaced by its decoded byte count. */
export type RealtimeConnection = {
  query: Record<string, string>;
  authorization: string | null;
  events: Record<string, unknown>[];
  /** The session as the server holds it now (after the client's updates). */
  session: Record<string, unknown>;
  /** Base64 characters of each `input_audio_buffer.append`. */
  appendChars: number[];
  /** Error events the double sent. */
  errors: { type: string; code: string | null; message: string }[];
  closed: boolean;
};

export type RealtimeUtterance = { connection: number; itemId: string; samples: Int16Array; durationMs: number; language: string | null; model: string | null; prompt: string | null };

/** What the next commit meets: an error event (speaches' transcription-client failure), a failed event, a dropped socket, or no answer. */
export type RealtimeFailure = 'server_error' | 'invalid_request' | 'transcription_failed' | 'drop' | 'hang';

export type RealtimeDouble = {
  /** `ws://127.0.0.1:<port>/v1/realtime`. */
  url: string;
  /** `http://127.0.0.1:<port>`, a base the adapter turns into the WebSocket URL. */
  httpUrl: string;
  connections: RealtimeConnection[];
  utterances: RealtimeUtterance[];
  script(texts: string[]): void;
  failNext(failure: RealtimeFailure, count?: number): void;
  /** The next `count` handshakes answer this HTTP status. */
  rejectHandshakes(status: number, count?: number): void;
  /** Closes every open socket from the server's side (abnormally unless a code is given). */
  dropAll(code?: number): void;
  delayMs: number;
  reset(): void;
  close(): Promise<void>;
};

const PATH = '/v1/realtime';
const CLIENT_EVENT_TYPES = new Set(['session.update', 'input_audio_buffer.append', 'input_audio_buffer.commit', 'input_audio_buffer.clear', 'conversation.item.create', 'conversation.item.truncate', 'conversation.item.delete', 'response.create', 'response.cancel']);
const MIN_COMMIT_MS = 100; // speaches' MIN_AUDIO_BUFFER_DURATION_MS, "based on the OpenAI's API response"

export const defaultRealtimeRespond = ({ index }: RealtimeRespondInput) => `Wypowiedź numer ${index + 1}.`;

const id = (prefix: string) => `${prefix}_${randomBytes(16).toString('base64url').slice(0, 21)}`;

export async function startRealtimeDouble(options: RealtimeDoubleOptions = {}): Promise<RealtimeDouble> {
  const dialect = options.dialect ?? 'speaches';
  const respond = options.respond ?? defaultRealtimeRespond;
  const connections: RealtimeConnection[] = [];
  const utterances: RealtimeUtterance[] = [];
  const scripted: string[] = [];
  const failures: RealtimeFailure[] = [];
  const rejections: number[] = [];
  const sockets = new Set<WebSocket>();
  let delayMs = options.delayMs ?? 0;

  const server = createServer((_req, res) => {
    res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"detail":"Not Found"}');
  });
  const wss = new WebSocketServer({ noServer: true });

  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://double');
    const query = Object.fromEntries(url.searchParams);
    const rejected = rejections.shift();
    if (url.pathname !== PATH) return refuse(socket, 404, '{"detail":"Not Found"}');
    if (rejected) return refuse(socket, rejected, JSON.stringify({ error: { message: `Scripted failure with HTTP ${rejected}`, type: 'server_error' } }));
    const bearer = req.headers.authorization?.startsWith('Bearer ') ? req.headers.authorization.slice(7) : undefined;
    const key = query.api_key ?? bearer ?? (req.headers['x-api-key'] as string | undefined);
    if (options.apiKey && key !== options.apiKey) {
      // speaches closes with 1008 before accepting, which Starlette answers with HTTP 403; OpenAI answers 401.
      return dialect === 'speaches' ? refuse(socket, 403, '') : refuse(socket, 401, JSON.stringify({ error: { message: 'Incorrect API key provided.', type: 'invalid_request_error', code: 'invalid_api_key' } }));
    }
    if (dialect === 'speaches' && !query.model) return refuse(socket, 403, ''); // `model: str` is a required query parameter
    if (query.intent !== 'transcription') return refuse(socket, 400, '{"detail":"the double serves transcription sessions only (intent=transcription)"}');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, query, req.headers.authorization ?? null));
  });

  function refuse(socket: Socket, status: number, body: string) {
    socket.end(`HTTP/1.1 ${status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
  }

  function accept(ws: WebSocket, query: Record<string, string>, authorization: string | null) {
    sockets.add(ws);
    const index = connections.length;
    const record: RealtimeConnection = { query, authorization, events: [], session: initialSession(dialect, query), appendChars: [], errors: [], closed: false };
    connections.push(record);
    let buffer = newBuffer();
    let previousItem: string | null = null;

    const send = (event: Record<string, unknown>) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event_id: id('event'), ...event }));
    };
    const error = (type: string, message: string, code: string | null = null, param: string | null = null) => {
      record.errors.push({ type, code, message });
      send({ type: 'error', error: { type, code, message, param, event_id: null } });
    };
    ws.on('close', () => {
      record.closed = true;
      sockets.delete(ws);
    });
    send({ type: 'session.created', session: record.session });

    ws.on('message', (data: RawData, isBinary: boolean) => {
      let event: Record<string, unknown>;
      try {
        if (isBinary) throw new Error('binary frame');
        event = JSON.parse(rawText(data)) as Record<string, unknown>;
        if (typeof event !== 'object' || event === null || Array.isArray(event)) throw new Error('not an object');
      } catch {
        return error('invalid_request_error', 'Invalid JSON: the event could not be parsed');
      }
      const type = event.type;
      if (typeof type !== 'string' || !CLIENT_EVENT_TYPES.has(type)) {
        record.events.push(event);
        return error('invalid_request_error', `Input tag '${String(type)}' found using 'type' does not match any of the expected tags`);
      }
      if (type === 'input_audio_buffer.append') {
        record.events.push({ ...event, audio: typeof event.audio === 'string' ? Buffer.from(event.audio, 'base64').length : event.audio });
        if (typeof event.audio !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(event.audio) || event.audio.length % 4 !== 0) {
          return error('invalid_request_error', 'audio: Input should be a valid base64 string');
        }
        const bytes = Buffer.from(event.audio, 'base64');
        if (bytes.length % 2 !== 0) return error('invalid_request_error', 'audio: PCM16 needs an even number of bytes');
        record.appendChars.push(event.audio.length);
        buffer.chunks.push(new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)));
        // speaches resamples each chunk to 16 kHz with `int(len × 2/3)` samples and keeps time in those.
        buffer.samples16k += Math.floor((bytes.length / 2) * (2 / 3));
        if (vadActive(dialect, record.session) && !buffer.speechStarted) {
          buffer.speechStarted = true;
          send({ type: 'input_audio_buffer.speech_started', item_id: buffer.id, audio_start_ms: 0 });
        }
        return;
      }
      record.events.push(event);
      if (type === 'session.update') return sessionUpdate(event);
      if (type === 'input_audio_buffer.clear') {
        buffer = newBuffer();
        return send({ type: 'input_audio_buffer.cleared' });
      }
      if (type === 'input_audio_buffer.commit') return commit();
      return error('invalid_request_error', `The double does not implement ${type}`);
    });

    function sessionUpdate(event: Record<string, unknown>) {
      const update = event.session;
      if (typeof update !== 'object' || update === null) return error('invalid_request_error', 'session: Field required');
      const problem = dialect === 'speaches' ? applySpeachesUpdate(record.session, update as Record<string, unknown>, error) : applyOpenAiUpdate(record.session, update as Record<string, unknown>, query);
      if (problem) {
        error('invalid_request_error', problem.message, problem.code ?? null);
        if (problem.closeCode) ws.close(problem.closeCode, `invalid_request_error.${problem.code}`);
        return;
      }
      send({ type: 'session.updated', session: record.session });
    }

    function commit() {
      const durationMs = Math.floor(buffer.samples16k / 16);
      if (durationMs < MIN_COMMIT_MS) {
        return error('invalid_request_error', `Error committing input audio buffer: buffer too small. Expected at least ${MIN_COMMIT_MS}ms of audio, but buffer only has ${durationMs}.00ms of audio.`, dialect === 'openai' ? 'input_audio_buffer_commit_empty' : null);
      }
      const committed = buffer;
      buffer = newBuffer();
      send({ type: 'input_audio_buffer.committed', item_id: committed.id, previous_item_id: previousItem });
      previousItem = committed.id;
      const samples = concat(committed.chunks);
      const transcription = transcriptionOf(dialect, record.session);
      const utterance: RealtimeUtterance = { connection: index, itemId: committed.id, samples, durationMs: Math.round(samples.length / 24), ...transcription };
      utterances.push(utterance);
      if (committed.speechStarted && dialect === 'speaches') return; // speaches' transcriber asserts: no answer at all
      const failure = failures.shift();
      if (failure === 'drop') return ws.terminate();
      if (failure === 'hang') return;
      setTimeout(() => {
        if (failure === 'server_error') return error('server_error', 'The server had an error while processing your request. Sorry about that!');
        if (failure === 'invalid_request') return error('invalid_request_error', 'Invalid model: no such transcription model', 'model_not_found');
        if (failure === 'transcription_failed') {
          return send({ type: 'conversation.item.input_audio_transcription.failed', item_id: committed.id, content_index: 0, error: { type: 'transcription_error', code: 'audio_unintelligible', message: 'Audio could not be transcribed', param: null } });
        }
        const text = scripted.shift() ?? respond({ index: utterances.indexOf(utterance), durationMs: utterance.durationMs, samples, ...transcription });
        if (dialect === 'openai') {
          for (const word of text.match(/\S+\s*/g) ?? []) send({ type: 'conversation.item.input_audio_transcription.delta', item_id: committed.id, content_index: 0, delta: word });
        }
        // speaches asks its own server for response_format=text, which ends in a newline.
        send({ type: 'conversation.item.input_audio_transcription.completed', item_id: committed.id, content_index: 0, transcript: dialect === 'speaches' ? `${text}\n` : text, usage: { type: 'duration', seconds: utterance.durationMs / 1000 } });
      }, delayMs);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const double: RealtimeDouble = {
    url: `ws://127.0.0.1:${port}${PATH}`,
    httpUrl: `http://127.0.0.1:${port}`,
    connections,
    utterances,
    script: (texts) => void scripted.push(...texts),
    failNext: (failure, count = 1) => void failures.push(...Array.from({ length: count }, () => failure)),
    rejectHandshakes: (status, count = 1) => void rejections.push(...Array.from({ length: count }, () => status)),
    dropAll(code) {
      for (const ws of sockets) {
        if (code) ws.close(code, 'closed by the double');
        else ws.terminate();
      }
    },
    get delayMs() {
      return delayMs;
    },
    set delayMs(ms: number) {
      delayMs = ms;
    },
    reset() {
      for (const ws of sockets) ws.terminate();
      connections.length = 0;
      utterances.length = 0;
      scripted.length = 0;
      failures.length = 0;
      rejections.length = 0;
      delayMs = options.delayMs ?? 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const ws of sockets) ws.terminate();
        wss.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  return double;
}

type Buffer24k = { id: string; chunks: Int16Array[]; samples16k: number; speechStarted: boolean };
const newBuffer = (): Buffer24k => ({ id: id('item'), chunks: [], samples16k: 0, speechStarted: false });

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data as ArrayBuffer).toString('utf8');
}

function concat(chunks: Int16Array[]): Int16Array {
  const out = new Int16Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** speaches' `create_session_object_configuration(model, "transcription", language)`; OpenAI's GA transcription session. */
function initialSession(dialect: RealtimeDialect, query: Record<string, string>): Record<string, unknown> {
  if (dialect === 'openai') {
    return {
      type: 'transcription',
      object: 'realtime.transcription_session',
      id: id('sess'),
      audio: { input: { format: { type: 'audio/pcm', rate: 24_000 }, noise_reduction: null, transcription: null, turn_detection: { type: 'server_vad', threshold: 0.5, prefix_padding_ms: 300, silence_duration_ms: 500 } } },
      include: null,
    };
  }
  return {
    id: id('sess'),
    model: 'gpt-4o-realtime-preview',
    modalities: ['audio', 'text'],
    instructions: 'Your knowledge cutoff is 2023-10. …',
    speech_model: 'speaches-ai/Kokoro-82M-v1.0-ONNX',
    voice: 'af_heart',
    input_audio_format: 'pcm16',
    output_audio_format: 'pcm16',
    input_audio_transcription: { model: query.transcription_model ?? query.model, language: query.language ?? null },
    turn_detection: { type: 'server_vad', threshold: 0.9, prefix_padding_ms: 0, silence_duration_ms: 550, create_response: false },
    temperature: 0.8,
    tools: [],
    tool_choice: 'auto',
    max_response_output_tokens: 'inf',
  };
}

type Problem = { message: string; code?: string; closeCode?: number };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * speaches' `PartialSession` (pydantic, extra fields ignored) and `handle_session_update_event`: a
 * validation failure drops the whole event; `input_audio_format` and `turn_detection.prefix_padding_ms`
 * draw an "unsupported" error each and are not applied, the rest is merged.
 */
function applySpeachesUpdate(session: Record<string, unknown>, update: Record<string, unknown>, error: (type: string, message: string) => void): Problem | null {
  const turn = update.turn_detection;
  if ('turn_detection' in update) {
    if (!isObject(turn)) return { message: '1 validation error for SessionUpdateEvent\nsession.turn_detection\n  Input should be a valid dictionary or instance of TurnDetection' };
    const fields = ['create_response', 'prefix_padding_ms', 'silence_duration_ms', 'threshold'];
    const missing = fields.filter((f) => turn[f] === undefined);
    if (missing.length) return { message: `session.turn_detection.${missing[0]}: Field required` };
    if (typeof turn.create_response !== 'boolean' || !Number.isInteger(turn.prefix_padding_ms) || !Number.isInteger(turn.silence_duration_ms)) return { message: 'session.turn_detection: invalid field type' };
    if (typeof turn.threshold !== 'number' || turn.threshold < 0 || turn.threshold > 1) return { message: 'session.turn_detection.threshold: Input should be less than or equal to 1' };
    if (turn.type !== undefined && turn.type !== 'server_vad') return { message: "session.turn_detection.type: Input should be 'server_vad'" };
  }
  const transcription = update.input_audio_transcription;
  if ('input_audio_transcription' in update) {
    if (!isObject(transcription) || typeof transcription.model !== 'string') return { message: 'session.input_audio_transcription.model: Field required' };
    if (transcription.language !== undefined && transcription.language !== null && typeof transcription.language !== 'string') return { message: 'session.input_audio_transcription.language: Input should be a valid string' };
  }
  const unsupported = (field: string) => error('invalid_request_error', `Specifying \`${field}\` is not supported. The server either does not support this field or it is not configurable.`);
  if ('input_audio_format' in update) unsupported('session.input_audio_format');
  if ('output_audio_format' in update) unsupported('session.output_audio_format');
  if (isObject(turn)) {
    unsupported('session.turn_detection.prefix_padding_ms');
    const current = session.turn_detection as Record<string, unknown>;
    session.turn_detection = { ...current, create_response: turn.create_response, silence_duration_ms: turn.silence_duration_ms, threshold: turn.threshold };
  }
  if (isObject(transcription)) {
    const current = session.input_audio_transcription as Record<string, unknown>;
    // `exclude_defaults=True`: a language of None is the default and leaves the current one.
    session.input_audio_transcription = { ...current, model: transcription.model, ...(typeof transcription.language === 'string' && { language: transcription.language }) };
  }
  return null;
}

/** OpenAI GA: `session.update` on a transcription session needs `type: "transcription"`; the input format must be 24 kHz PCM. */
function applyOpenAiUpdate(session: Record<string, unknown>, update: Record<string, unknown>, query: Record<string, string>): Problem | null {
  if (update.type !== 'transcription') return { message: 'Passing a realtime session update event to a transcription session is not allowed.', code: 'invalid_value' };
  const input = isObject(update.audio) && isObject(update.audio.input) ? update.audio.input : {};
  const transcription = input.transcription;
  if (transcription !== undefined && (!isObject(transcription) || typeof transcription.model !== 'string')) return { message: 'Missing required parameter: session.audio.input.transcription.model', code: 'missing_required_parameter' };
  if (query.model) {
    return { message: `Model "${isObject(transcription) ? String(transcription.model) : query.model}" is not supported in transcription mode.`, code: 'invalid_model', closeCode: 4000 };
  }
  const format = input.format;
  if (format !== undefined && (!isObject(format) || format.type !== 'audio/pcm' || format.rate !== 24_000)) return { message: 'Invalid value: session.audio.input.format; PCM input must be audio/pcm at 24000 Hz', code: 'invalid_value' };
  const turn = input.turn_detection;
  if (turn !== undefined && turn !== null && !isObject(turn)) return { message: 'Invalid type for session.audio.input.turn_detection', code: 'invalid_type' };
  const current = (session.audio as { input: Record<string, unknown> }).input;
  (session.audio as { input: Record<string, unknown> }).input = { ...current, ...input };
  return null;
}

function vadActive(dialect: RealtimeDialect, session: Record<string, unknown>): boolean {
  if (dialect === 'openai') return (session.audio as { input: { turn_detection: unknown } }).input.turn_detection !== null;
  const turn = session.turn_detection as { threshold: number } | null;
  return turn !== null && turn.threshold < 1; // Silero's probability never reaches a threshold of 1.0 in practice
}

function transcriptionOf(dialect: RealtimeDialect, session: Record<string, unknown>) {
  const t = (dialect === 'openai' ? (session.audio as { input: { transcription: unknown } }).input.transcription : session.input_audio_transcription) as Record<string, unknown> | null;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  return { language: text(t?.language), model: text(t?.model), prompt: text(t?.prompt) };
}
