import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the HTTP doubles share: bodies in and out, multipart forms, and waiting unless the client went away. */

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
export function sleep(ms: number | undefined, res: ServerResponse): Promise<boolean> {
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

export function sendText(res: ServerResponse, status: number, text: string) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/** A scripted answer that replaces the next real one. */
export type ScriptedAnswer = { status: number; body: string; contentType: string; retryAfterS?: number };

/** The failure controls the HTTP doubles share: queued failures, raw bodies and a delay. */
export type ScriptedFailures = {
  /** The next `count` requests answer `status` with the double's error body (and `Retry-After`). */
  failNext(count: number, status: number, retryAfterS?: number): void;
  /** The next request answers this body as is (malformed JSON, a foreign shape). */
  rawNext(body: string, status?: number, contentType?: string): void;
  /** Wait before answering each request; settable between tests. */
  delayMs: number;
  /** Forgets queued failures and restores the delay, then runs the double's own `onReset` (for `afterEach`). */
  reset(): void;
};

/**
 * The controls plus `take()`, which the double's handler calls to get the next scripted answer. A double returns
 * `Object.assign(failures.controls, { … })` so that the `delayMs` accessor stays live on it.
 */
export function createScriptedFailures(options: { delayMs?: number; failureBody: (status: number) => unknown; onReset?: () => void }) {
  const queue: ScriptedAnswer[] = [];
  let delayMs = options.delayMs ?? 0;
  const controls: ScriptedFailures = {
    failNext(count, status, retryAfterS) {
      const body = JSON.stringify(options.failureBody(status));
      for (let i = 0; i < count; i++) {
        queue.push({ status, body, contentType: 'application/json', ...(retryAfterS !== undefined && { retryAfterS }) });
      }
    },
    rawNext: (body, status = 200, contentType = 'application/json') => void queue.push({ status, body, contentType }),
    get delayMs() {
      return delayMs;
    },
    set delayMs(ms: number) {
      delayMs = ms;
    },
    reset() {
      queue.length = 0;
      delayMs = options.delayMs ?? 0;
      options.onReset?.();
    },
  };
  return { controls, take: () => queue.shift() };
}

export function sendScripted(res: ServerResponse, answer: ScriptedAnswer) {
  res.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    ...(answer.retryAfterS !== undefined && { 'Retry-After': String(answer.retryAfterS) }),
  });
  res.end(answer.body);
}
