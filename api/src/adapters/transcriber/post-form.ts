import { type ServiceFailure } from '../../modules/calls/ports';

export type PostFormOptions = {
  /** Names the service in messages, e.g. "Transcription server at http://…". */
  service: string;
  url: string;
  /** Built per attempt: a FormData body cannot be sent twice. */
  form: () => FormData;
  headers?: Record<string, string>;
  /** For the whole call, the retry and its wait included. */
  timeoutMs: number;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /** Longest `Retry-After` worth waiting for before the one retry on 429/503; longer ones fail at once. */
  retryWaitCapMs?: number;
  /** Wait before the retry when the server sent no `Retry-After`. */
  retryWaitMs?: number;
};

/**
 * POSTs a multipart form and returns the parsed JSON answer; every failure is thrown as
 * `fail(failure)`, classified by `ServiceFailureCode`. One short retry on 429 and 503, which
 * servers use for a momentary overload; longer outages are the job queue's to retry.
 */
export async function postForm(options: PostFormOptions, fail: (failure: ServiceFailure) => Error): Promise<unknown> {
  const { service, url, timeoutMs, signal } = options;
  const doFetch = options.fetch ?? fetch;
  const deadline = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;

  const interrupted = (cause: unknown): Error =>
    signal?.aborted
      ? fail({ code: 'aborted', message: `${service}: the request was cancelled`, cause: signal.reason })
      : fail({ code: 'timeout', message: `${service} did not answer within ${timeoutMs} ms`, cause });

  for (let attempt = 0; ; attempt++) {
    if (combined.aborted) throw interrupted(combined.reason);
    let status: number;
    let body: string;
    let retryAfterMs: number | undefined;
    try {
      const response = await doFetch(url, { method: 'POST', body: options.form(), headers: options.headers ?? {}, signal: combined });
      status = response.status;
      retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      body = await response.text();
    } catch (error) {
      if (combined.aborted) throw interrupted(error);
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw fail({ code: 'unreachable', message: `${service} is unreachable (${describe(error)}${cause})`, cause: error });
    }

    if (status >= 200 && status < 300) {
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        throw fail({ code: 'bad_response', status, message: `${service} answered HTTP ${status} with a body that is not JSON: ${snippet(body)}`, cause: error });
      }
    }

    const cap = options.retryWaitCapMs ?? 2000;
    const wait = retryAfterMs ?? options.retryWaitMs ?? 500;
    if (attempt === 0 && (status === 429 || status === 503) && wait <= cap) {
      try {
        await sleep(wait, combined);
      } catch (error) {
        throw interrupted(error);
      }
      continue;
    }
    const code = status === 429 ? 'rate_limited' : status === 408 ? 'timeout' : status >= 500 ? 'server_error' : 'rejected';
    throw fail({ code, status, message: `${service} answered HTTP ${status}: ${errorMessage(body)}`, ...(retryAfterMs !== undefined && { retryAfterMs }) });
  }
}

/**
 * The message of an error body: OpenAI's `{"error": {"message"}}`, `{"error": "…"}`, FastAPI's
 * `{"detail": "…"}` (most Python wrappers), or the start of whatever else came.
 */
export function errorMessage(body: string): string {
  try {
    const value = JSON.parse(body) as { error?: unknown; detail?: unknown; message?: unknown };
    const error = value.error;
    if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
      return (error as { message: string }).message;
    }
    if (typeof error === 'string') return error;
    if (typeof value.detail === 'string') return value.detail;
    if (value.detail !== undefined) return snippet(JSON.stringify(value.detail));
    if (typeof value.message === 'string') return value.message;
  } catch {
    // not JSON: fall through to the raw text
  }
  return snippet(body) || '(empty body)';
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3), in ms from `now`. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const snippet = (text: string) => (text.length > 300 ? `${text.slice(0, 300)}…` : text).trim();

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
