import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { createScriptedFailures, readBody, readForm, sendJson, sendScripted, sendText, sleep, type ScriptedFailures } from './http-double';
import { readWavInfo } from './wav';

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

/** `failNext` answers OpenAI's error body; `reset` also forgets requests and scripts. */
export type TranscribeDouble = ScriptedFailures & {
  url: string;
  requests: TranscribeRequest[];
  /** Texts for the next transcriptions, in order, before `respond` takes over again. */
  script(texts: string[]): void;
  close(): Promise<void>;
};

const ENDPOINT = '/v1/audio/transcriptions';
const FORMATS = ['json', 'text', 'srt', 'verbose_json', 'vtt'];
const LANGUAGE_NAMES: Record<string, string> = { pl: 'polish', en: 'english', de: 'german', uk: 'ukrainian', cs: 'czech' };

export const defaultRespond = ({ index }: RespondInput) =>
  `Dzień dobry, tu fragment numer ${index + 1}. Dziękuję za rozmowę.`;

export async function startTranscribeDouble(options: TranscribeDoubleOptions = {}): Promise<TranscribeDouble> {
  const requests: TranscribeRequest[] = [];
  const scripted: string[] = [];
  const respond = options.respond ?? defaultRespond;
  let transcribed = 0;
  const failures = createScriptedFailures({
    delayMs: options.delayMs,
    failureBody,
    onReset() {
      requests.length = 0;
      scripted.length = 0;
      transcribed = 0;
    },
  });

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
    if (!(await sleep(failures.controls.delayMs, res))) return;

    if (options.apiKey && authorization !== `Bearer ${options.apiKey}`) {
      const message = authorization
        ? 'Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.'
        : "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).";
      return sendJson(res, 401, openAiError(message, 'invalid_request_error', null, authorization ? 'invalid_api_key' : null));
    }
    const override = failures.take();
    if (override) return sendScripted(res, override);

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

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return Object.assign(failures.controls, {
    url: `http://127.0.0.1:${port}`,
    requests,
    script: (texts: string[]) => void scripted.push(...texts),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  });
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
