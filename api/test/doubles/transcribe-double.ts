import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';

/**
 * A stand-in for an OpenAI-compatible transcription server (`POST /v1/audio/transcriptions`): a
 * real `node:http` server on 127.0.0.1 that parses the multipart upload, reads the WAV header for
 * the duration and answers in OpenAI's formats and error bodies.
 *
 * ```ts
 * const whisper = await startTranscribeDouble({ apiKey: 'sk-test' });
 * whisper.script(['Dzień dobry.', 'Do widzenia.']);   // the next two transcriptions, in order
 * whisper.failNext(1, 429, 1);                        // before them: one 429 with Retry-After: 1
 * // … drive the code under test with url whisper.url …
 * expect(whisper.requests[0]!.fields.language).toBe('pl');
 * await whisper.close();
 * ```
 *
 * Accepts only RIFF/WAVE files (the pipeline sends WAV); `response_format` `json` (default),
 * `verbose_json` and `text`. Without a script the text is a Polish sentence naming the index.
 */

export type RespondInput = { index: number; durationMs: number; language: string | null; model: string; prompt: string | null; filename: string | null };

export type TranscribeDoubleOptions = {
  /** When set, requests need `Authorization: Bearer <apiKey>` (else 401). */
  apiKey?: string;
  /** The text of a transcription when nothing is scripted. */
  respond?: (request: RespondInput) => string;
  /** Wait before answering each request. */
  delayMs?: number;
};

export type TranscribeRequest = {
  method: string;
  path: string;
  /** The text fields; a repeated one (`timestamp_granularities[]`) joined with commas. */
  fields: Record<string, string>;
  filename: string | null;
  /** Size of the uploaded file. */
  bytes: number;
  /** From the WAV header; null when the file is missing or not a WAV. */
  durationMs: number | null;
  authorization: string | null;
  /** Set when the client closed the connection before the answer was complete. */
  clientClosed: boolean;
};

export type TranscribeDouble = {
  url: string;
  requests: TranscribeRequest[];
  /** Texts for the next transcriptions, in order, before `respond` takes over again. */
  script(texts: string[]): void;
  /** The next `count` requests answer `status` with OpenAI's error body (and `Retry-After`). */
  failNext(count: number, status: number, retryAfterS?: number): void;
  /** The next request answers this body as is (malformed JSON, a foreign shape). */
  rawNext(body: string, status?: number, contentType?: string): void;
  /** Wait before answering each request; settable between tests. */
  delayMs: number;
  /** Forgets requests, scripts and queued failures (for `afterEach`). */
  reset(): void;
  close(): Promise<void>;
};

type Override = { status: number; body: string; contentType: string; retryAfterS?: number };

const ENDPOINT = '/v1/audio/transcriptions';
const FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'];
const LANGUAGE_NAMES: Record<string, string> = { pl: 'polish', en: 'english', de: 'german', uk: 'ukrainian', cs: 'czech' };

export const defaultRespond = ({ index }: RespondInput) =>
  `Dzień dobry, tu fragment numer ${index + 1}. Dziękuję za rozmowę.`;

export async function startTranscribeDouble(options: TranscribeDoubleOptions = {}): Promise<TranscribeDouble> {
  const requests: TranscribeRequest[] = [];
  const scripted: string[] = [];
  const overrides: Override[] = [];
  const respond = options.respond ?? defaultRespond;
  let transcribed = 0;
  const state = { delayMs: options.delayMs ?? 0 };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, openAiError(String(error), 'server_error'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    const raw = await readBody(req);
    if (req.method !== 'POST' || path !== ENDPOINT) {
      return sendJson(res, 404, openAiError(`Invalid URL (${req.method} ${path})`));
    }
    const authorization = req.headers.authorization ?? null;
    const record: TranscribeRequest = { method: 'POST', path, fields: {}, filename: null, bytes: 0, durationMs: null, authorization, clientClosed: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) record.clientClosed = true;
    });
    if (!(await sleep(state.delayMs, res))) return;

    if (options.apiKey && authorization !== `Bearer ${options.apiKey}`) {
      const message = authorization
        ? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'
        : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
      return sendJson(res, 401, openAiError(message, 'invalid_request_error', null, authorization ? 'invalid_api_key' : null));
    }
    const override = overrides.shift();
    if (override) return sendOverride(res, override);

    const form = await readForm(req, raw);
    if (!form) return sendJson(res, 400, openAiError('Could not parse multipart form', 'invalid_request_error'));
    record.fields = form.fields;
    const file = form.files.get('file');
    if (file) Object.assign(record, { filename: file.name, bytes: file.bytes.length });
    if (!file) return sendJson(res, 400, openAiError("Missing required parameter: 'file'.", 'invalid_request_error', 'file'));
    const model = form.fields.model;
    if (!model) return sendJson(res, 400, openAiError("Missing required parameter: 'model'.", 'invalid_request_error', 'model'));
    const wav = readWavInfo(file.bytes);
    if (!wav) {
      return sendJson(res, 400, openAiError(`Invalid file format. Supported formats: ['flac', 'm4a', 'mp3', 'mp4', 'mpeg', 'mpga', 'oga', 'ogg', 'wav', 'webm']`, 'invalid_request_error', 'file'));
    }
    record.durationMs = wav.durationMs;
    const format = form.fields.response_format ?? 'json';
    if (!['json', 'verbose_json', 'text'].includes(format)) {
      const message = FORMATS.includes(format)
        ? `response_format '${format}' is not supported by this double`
        : `'${format}' is not one of ${JSON.stringify(FORMATS)} - 'response_format'`;
      return sendJson(res, 400, openAiError(message, 'invalid_request_error', 'response_format'));
    }

    const language = form.fields.language ?? null;
    const index = transcribed++;
    const text = scripted.shift() ?? respond({ index, durationMs: wav.durationMs, language, model, prompt: form.fields.prompt ?? null, filename: file?.name ?? null });
    if (format === 'text') return sendText(res, 200, `${text}\n`);
    if (format === 'json') return sendJson(res, 200, { text });
    const duration = wav.durationMs / 1000;
    return sendJson(res, 200, {
      task: 'transcribe',
      language: (language && LANGUAGE_NAMES[language]) ?? language ?? 'polish',
      duration,
      text,
      segments: toSegments(text, duration),
    });
  }

  function sendOverride(res: ServerResponse, override: Override) {
    res.writeHead(override.status, {
      'Content-Type': override.contentType,
      ...(override.retryAfterS !== undefined && { 'Retry-After': String(override.retryAfterS) }),
    });
    res.end(override.body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (texts) => void scripted.push(...texts),
    failNext(count, status, retryAfterS) {
      const body = JSON.stringify(failureBody(status));
      for (let i = 0; i < count; i++) {
        overrides.push({ status, body, contentType: 'application/json', ...(retryAfterS !== undefined && { retryAfterS }) });
      }
    },
    rawNext: (body, status = 200, contentType = 'application/json') => void overrides.push({ status, body, contentType }),
    get delayMs() {
      return state.delayMs;
    },
    set delayMs(ms: number) {
      state.delayMs = ms;
    },
    reset() {
      requests.length = 0;
      scripted.length = 0;
      overrides.length = 0;
      transcribed = 0;
      state.delayMs = options.delayMs ?? 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Whisper-like segments: one per sentence, the duration shared by length, times in 10 ms steps. */
function toSegments(text: string, duration: number) {
  const sentences = text.match(/[^.!?]+[.!?]*/g)?.map((s) => s.trim()).filter(Boolean) ?? [];
  const total = sentences.reduce((sum, s) => sum + s.length, 0);
  let at = 0;
  return sentences.map((sentence, id) => {
    const start = at;
    at += total ? (duration * sentence.length) / total : 0;
    const end = id === sentences.length - 1 ? duration : at;
    const round = (s: number) => Math.round(s * 100) / 100;
    return {
      id,
      seek: 0,
      start: round(start),
      end: round(end),
      text: ` ${sentence}`,
      tokens: [],
      temperature: 0,
      avg_logprob: -0.21,
      compression_ratio: 1.18,
      no_speech_prob: 0.02,
    };
  });
}

/** The error bodies OpenAI sends for the statuses tests script. */
function failureBody(status: number) {
  if (status === 429) return openAiError('Rate limit reached for requests. Please try again in 1s.', 'requests', null, 'rate_limit_exceeded');
  if (status === 503) return openAiError('The engine is currently overloaded, please try again later', 'server_error');
  if (status >= 500) return openAiError('The server had an error while processing your request. Sorry about that!', 'server_error');
  return openAiError(`Scripted failure with HTTP ${status}`, 'invalid_request_error');
}

/** OpenAI's error body: `{ error: { message, type, param, code } }`. */
export function openAiError(message: string, type = 'invalid_request_error', param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

export type WavInfo = { channels: number; sampleRate: number; bitsPerSample: number; dataOffset: number; dataBytes: number; durationMs: number };

/**
 * The format and data chunk of a RIFF/WAVE file, or null when it is not one. A data size past the
 * end (0xFFFFFFFF from a streaming writer such as ffmpeg to a pipe) counts as "to the end".
 */
export function readWavInfo(bytes: Uint8Array): WavInfo | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let format: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationMs'> & { byteRate: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && size >= 16 && at + 24 <= bytes.length) {
      format = { channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), byteRate: view.getUint32(at + 16, true), bitsPerSample: view.getUint16(at + 22, true) };
    } else if (id === 'data') {
      if (!format || format.byteRate === 0 || format.channels === 0) return null;
      const dataOffset = at + 8;
      const dataBytes = Math.min(size, bytes.length - dataOffset);
      const { byteRate, ...rest } = format;
      return { ...rest, dataOffset, dataBytes, durationMs: Math.round((dataBytes / byteRate) * 1000) };
    }
    at += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return null;
}

/** A 16-bit PCM WAV of these (interleaved) samples. */
export function writeWav(samples: Int16Array, sampleRate: number, channels = 1): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const tag = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  tag(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  tag(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

/** A mono WAV of a quiet 440 Hz tone, for tests that need audio of a given length. */
export function toneWav(durationMs: number, sampleRate = 16_000): Uint8Array {
  const samples = Int16Array.from({ length: Math.round((durationMs / 1000) * sampleRate) }, (_, i) =>
    Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)),
  );
  return writeWav(samples, sampleRate);
}

export type ParsedForm = { fields: Record<string, string>; files: Map<string, { name: string; type: string; bytes: Uint8Array }> };

/** A multipart (or url-encoded) body through the platform's own parser; null when it is not one. */
export async function readForm(req: IncomingMessage, body: Buffer): Promise<ParsedForm | null> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  let data: FormData;
  try {
    data = await new Request('http://double/', { method: 'POST', headers, body: new Uint8Array(body) }).formData();
  } catch {
    return null;
  }
  const parsed: ParsedForm = { fields: {}, files: new Map() };
  for (const [name, value] of data) {
    if (typeof value === 'string') parsed.fields[name] = parsed.fields[name] === undefined ? value : `${parsed.fields[name]},${value}`;
    else parsed.files.set(name, { name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
  }
  return parsed;
}

/** Waits, unless the client went away first; then answers false. */
export function sleep(ms: number, res: ServerResponse): Promise<boolean> {
  if (!ms) return Promise.resolve(!res.destroyed);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once('close', onClose);
  });
}

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(value));
}

function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}
