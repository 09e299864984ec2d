import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { embedHashedNgrams } from '@sufler/shared';
import { readBody, sendJson, sendText, sleep } from './http-double';

/**
 * A stand-in for an Ollama server that speaks its HTTP protocol: a real `node:http` server on
 * 127.0.0.1, so the real `ollama` client (and anything else over HTTP) can be tested against it.
 *
 * ```ts
 * const ollama = await startOllamaDouble({ models: ['gpt-oss:120b', 'gpt-oss:20b'] });
 * ollama.script('gpt-oss:120b', ollamaErrors.busy);            // next call to 120b: HTTP 503
 * ollama.setDefault({ reply: 'Dzień dobry', thinking: 'hm' });  // every other call
 * ollama.setDefault({ reply: (chat) => JSON.stringify({ echo: chat.messages.at(-1)?.content }) });
 * // … drive the code under test with host ollama.url …
 * expect(ollama.chats('gpt-oss:20b')).toHaveLength(1);
 * await ollama.close();
 * ```
 *
 * Endpoints: `GET /api/tags`, `GET /api/version`, `POST /api/chat` (NDJSON stream, or one object
 * when `stream: false`), `POST /api/embed` (deterministic 384-d vectors from hashed n-grams).
 * Unknown models answer 404 and malformed bodies 400, with Ollama's `{"error": …}` bodies.
 */

/** What the double answers to one call. Fields combine: e.g. a reply with a delay and a break. */
export type Behaviour = {
  /** The visible answer (`message.content`), or a function of the chat request. Default `'ok'`. */
  reply?: string | ((chat: ChatCall) => string);
  /** Reasoning streamed before the answer as `message.thinking` chunks, as gpt-oss does. */
  thinking?: string;
  /** Wait before the response headers (applies to /api/embed too). */
  firstByteDelayMs?: number;
  /** Wait between two stream chunks. */
  chunkDelayMs?: number;
  /** Answer with this HTTP status and `{"error": error}` instead (applies to /api/embed too). */
  status?: number;
  /** The error message for `status` or `streamErrorAfterChunks`. */
  error?: string;
  /** Destroy the socket after this many chunks (0: right after the headers), like a dropped link. */
  breakAfterChunks?: number;
  /** Send `{"error": …}` as a stream line after this many chunks, then end: a runner crash. */
  streamErrorAfterChunks?: number;
  /** Token counts for the final chunk; default: about 4 characters per token. */
  usage?: { promptTokens?: number; completionTokens?: number };
};

/** The parts of a chat request a `reply` function usually needs; `body` has everything. */
export type ChatCall = {
  model: string;
  messages: { role: string; content: string }[];
  format?: unknown;
  think?: unknown;
  body: Record<string, unknown>;
};

export type RecordedRequest = {
  method: string;
  path: string;
  model?: string;
  /** The parsed JSON body (undefined for GET or a body that is not JSON). */
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** Set when the client closed the connection before the response was complete. */
  clientClosed: boolean;
};

export type OllamaDouble = {
  url: string;
  requests: RecordedRequest[];
  /** Queues one-shot behaviours for a model, used in order before its default. */
  script(model: string, ...behaviours: Behaviour[]): void;
  /** The behaviour when nothing is queued: for one model, or for all of them without `model`. */
  setDefault(behaviour: Behaviour, model?: string): void;
  /** Recorded `/api/chat` requests, optionally for one model. */
  chats(model?: string): RecordedRequest[];
  /** Forgets recorded requests, queued behaviours and defaults (for `afterEach`). */
  reset(): void;
  close(): Promise<void>;
};

/** Error answers as Ollama and Ollama Cloud give them. */
export const ollamaErrors = {
  busy: { status: 503, error: 'server busy, please try again.  maximum pending requests exceeded' },
  rateLimited: { status: 429, error: "you've reached your hourly usage limit, please wait or upgrade to continue" },
  internal: { status: 500, error: 'llama runner process has terminated: exit status 2' },
} satisfies Record<string, Behaviour>;

export const DEFAULT_DOUBLE_MODELS = ['gpt-oss:120b', 'gpt-oss:20b', 'all-minilm'];
const VERSION = '0.12.6';

export async function startOllamaDouble(options: { models?: string[] } = {}): Promise<OllamaDouble> {
  const models = options.models ?? DEFAULT_DOUBLE_MODELS;
  const requests: RecordedRequest[] = [];
  const queues = new Map<string, Behaviour[]>();
  const defaults = new Map<string, Behaviour>();
  let fallback: Behaviour = {};
  const brokenOnPurpose = new WeakSet<ServerResponse>();

  const nextBehaviour = (model: string): Behaviour =>
    queues.get(model)?.shift() ?? defaults.get(model) ?? fallback;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', 'http://double').pathname;
    const raw = (await readBody(req)).toString('utf8');
    let body: unknown;
    let badJson: string | undefined;
    if (raw) {
      try {
        body = JSON.parse(raw);
      } catch (error) {
        badJson = (error as Error).message;
      }
    }
    const model = isRecord(body) && typeof body.model === 'string' ? body.model : undefined;
    const record: RecordedRequest = { method: req.method ?? 'GET', path, model, body, headers: req.headers, clientClosed: false };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished && !brokenOnPurpose.has(res)) record.clientClosed = true;
    });

    if (req.method === 'GET' && path === '/api/version') return sendJson(res, 200, { version: VERSION });
    if (req.method === 'GET' && path === '/api/tags') return sendJson(res, 200, { models: models.map(describeModel) });
    if (path !== '/api/chat' && path !== '/api/embed') return sendText(res, 404, '404 page not found');
    if (req.method !== 'POST') return sendText(res, 405, '405 method not allowed');
    if (badJson !== undefined || !isRecord(body)) return sendJson(res, 400, { error: badJson ?? 'invalid request body' });
    if (!model) return sendJson(res, 400, { error: 'model is required' });
    if (!models.includes(model)) return sendJson(res, 404, { error: `model "${model}" not found, try pulling it first` });

    const behaviour = nextBehaviour(model);
    if (!(await sleep(behaviour.firstByteDelayMs, res))) return;
    if (behaviour.status) return sendJson(res, behaviour.status, { error: behaviour.error ?? `error ${behaviour.status}` });
    if (path === '/api/embed') return embed(res, model, body);
    return chat(res, model, body, behaviour);
  }

  async function chat(res: ServerResponse, model: string, body: Record<string, unknown>, behaviour: Behaviour) {
    const messages = Array.isArray(body.messages) ? (body.messages as ChatCall['messages']) : [];
    const call: ChatCall = { model, messages, format: body.format, think: body.think, body };
    const reply = typeof behaviour.reply === 'function' ? behaviour.reply(call) : (behaviour.reply ?? 'ok');
    const thinking = behaviour.thinking ?? '';
    const promptTokens = behaviour.usage?.promptTokens ?? Math.ceil(JSON.stringify(messages).length / 4);
    const completionTokens = behaviour.usage?.completionTokens ?? Math.ceil((thinking.length + reply.length) / 4) + 1;
    const created_at = () => new Date().toISOString();
    const final = {
      model,
      created_at: '',
      message: { role: 'assistant', content: '' },
      done: true,
      done_reason: 'stop',
      total_duration: 123_000_000,
      load_duration: 1_000_000,
      prompt_eval_count: promptTokens,
      prompt_eval_duration: 20_000_000,
      eval_count: completionTokens,
      eval_duration: 100_000_000,
    };

    if (body.stream === false) {
      const message = { role: 'assistant', content: reply, ...(thinking && { thinking }) };
      return sendJson(res, 200, { ...final, created_at: created_at(), message });
    }

    const chunks = [
      ...pieces(thinking).map((t) => ({ role: 'assistant', content: '', thinking: t })),
      ...pieces(reply).map((c) => ({ role: 'assistant', content: c })),
    ];
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    res.flushHeaders();
    let flushed: Promise<unknown> = Promise.resolve();
    for (let sent = 0; ; sent++) {
      if (behaviour.breakAfterChunks === sent) {
        // Let the chunks already written reach the client first: the break comes after them.
        await flushed;
        brokenOnPurpose.add(res);
        return void res.destroy();
      }
      if (behaviour.streamErrorAfterChunks === sent) {
        return void res.end(`${JSON.stringify({ error: behaviour.error ?? 'an error was encountered while running the model' })}\n`);
      }
      if (sent > 0 && !(await sleep(behaviour.chunkDelayMs, res))) return;
      const message = chunks[sent];
      if (!message) return void res.end(`${JSON.stringify({ ...final, created_at: created_at() })}\n`);
      const line = `${JSON.stringify({ model, created_at: created_at(), message, done: false })}\n`;
      flushed = new Promise((resolve) => res.write(line, resolve));
    }
  }

  function embed(res: ServerResponse, model: string, body: Record<string, unknown>) {
    const input = body.input;
    const texts = typeof input === 'string' ? [input] : Array.isArray(input) && input.every((t) => typeof t === 'string') ? input : undefined;
    if (!texts) return sendJson(res, 400, { error: 'invalid input type' });
    return sendJson(res, 200, {
      model,
      embeddings: texts.map((text) => Array.from(embedHashedNgrams(text))),
      total_duration: 14_000_000,
      load_duration: 1_000_000,
      prompt_eval_count: texts.reduce((sum, text) => sum + Math.ceil(text.length / 4), 0),
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    script(model, ...behaviours) {
      queues.set(model, [...(queues.get(model) ?? []), ...behaviours]);
    },
    setDefault(behaviour, model) {
      if (model) defaults.set(model, behaviour);
      else fallback = behaviour;
    },
    reset() {
      requests.length = 0;
      queues.clear();
      defaults.clear();
      fallback = {};
    },
    chats: (model) => requests.filter((r) => r.path === '/api/chat' && (model === undefined || r.model === model)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** Splits text the way a tokenizer streams it: a word with its following spaces per chunk. */
function pieces(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? (text ? [text] : []);
}

function describeModel(name: string) {
  const family = (name.split(':')[0] ?? name).replace(/[^a-z0-9]/gi, ''); // gpt-oss:20b → gptoss, as Ollama says
  return {
    name,
    model: name,
    modified_at: '2025-08-05T12:00:00.000000000Z',
    size: 13_780_173_839,
    digest: createDigest(name),
    details: {
      parent_model: '',
      format: 'gguf',
      family,
      families: [family],
      parameter_size: name.split(':')[1]?.toUpperCase() ?? 'unknown',
      quantization_level: 'MXFP4',
    },
  };
}

function createDigest(name: string): string {
  let hash = 0;
  for (const char of name) hash = (Math.imul(hash, 31) + char.charCodeAt(0)) >>> 0;
  return hash.toString(16).padStart(8, '0').repeat(8);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
