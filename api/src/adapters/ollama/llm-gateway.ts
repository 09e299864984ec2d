import { Ollama } from 'ollama';
import {
  LlmRequestError,
  LlmStreamBrokenError,
  LlmUnavailableError,
  type AttemptFailure,
  type ChatModel,
  type ChatRequest,
  type ChatResult,
  type ThinkLevel,
  type UsageStore,
} from '../../modules/llm/ports';
import { createCircuitBreaker, type BreakerOptions, type BreakerSnapshot } from './circuit-breaker';

export { LlmRequestError, LlmStreamBrokenError, LlmUnavailableError };

export type GatewayLogger = {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
};

export type LlmGatewayOptions = {
  host: string;
  /** Sent as `Authorization: Bearer …` (Ollama Cloud). */
  apiKey?: string;
  /** The chain, best first: each model is tried when the ones before it failed or were skipped. */
  models: string[];
  think: ThinkLevel;
  /** Longest wait for the first chunk (reasoning counts: it shows the model is working). */
  firstTokenTimeoutMs: number;
  /** Longest gap between two chunks once the stream has started. */
  idleTimeoutMs: number;
  breaker: BreakerOptions;
  /** Tokens per model and UTC day; a model at the limit is skipped until the next day. */
  dailyTokenLimit?: number;
  usage: UsageStore;
  now?: () => number;
  logger?: GatewayLogger;
};

export type ModelHealth = { model: string } & BreakerSnapshot;
export type GatewayStatus = { models: ModelHealth[] };
export type LlmGateway = ChatModel & { status(): GatewayStatus };

/** Statuses worth trying the next model for; other 4xx mean our request is wrong. */
const isRetryableStatus = (status: number) => status === 404 || status === 408 || status === 429 || status >= 500;

type Outcome = { ok: true; result: ChatResult } | { ok: false; reason: string };

/** Wraps an exception thrown by the caller's `onText`: it is rethrown as is, never retried. */
class CallerFailure {
  constructor(readonly error: unknown) {}
}

export function createLlmGateway(options: LlmGatewayOptions): LlmGateway {
  const now = options.now ?? Date.now;
  const breakers = new Map(options.models.map((model) => [model, createCircuitBreaker(options.breaker)]));
  const headers = options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : undefined;

  async function skipReason(model: string, day: string): Promise<string | undefined> {
    if (options.dailyTokenLimit !== undefined) {
      const used = await options.usage.tokensOn(day, model).catch((error: unknown) => {
        options.logger?.warn({ model, err: describeError(error) }, 'cannot read token usage; not limiting');
        return 0;
      });
      if (used >= options.dailyTokenLimit) return 'daily token limit reached';
    }
    const breaker = breakers.get(model)!;
    if (!breaker.tryAcquire(now())) {
      const { consecutiveFailures, lastError } = breaker.snapshot(now());
      return `circuit open after ${consecutiveFailures} failures (last: ${lastError})`;
    }
    return undefined;
  }

  /** One streamed call to one model. Returns a failure worth falling back on; throws the rest. */
  async function attempt(model: string, request: ChatRequest): Promise<Outcome> {
    // A controller per attempt, wired into fetch: the client's own abort() would end every stream
    // of that client, and its internal controller does not exist until the response headers arrive.
    const controller = new AbortController();
    const client = new Ollama({
      host: options.host,
      ...(headers && { headers }),
      fetch: (input, init) =>
        fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal }),
    });
    let timedOut: string | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const arm = (ms: number, reason: string) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = reason;
        controller.abort();
      }, ms);
    };
    const onAbort = () => controller.abort();
    request.signal?.addEventListener('abort', onAbort, { once: true });
    let text = '';
    try {
      arm(options.firstTokenTimeoutMs, `no answer within ${options.firstTokenTimeoutMs} ms`);
      const stream = await client.chat({
        model,
        messages: request.messages,
        stream: true,
        ...(request.format && { format: request.format }),
        think: options.think,
      });
      let promptTokens = 0;
      let completionTokens = 0;
      for await (const chunk of stream) {
        arm(options.idleTimeoutMs, `stream stalled for ${options.idleTimeoutMs} ms`);
        const delta = chunk.message?.content ?? '';
        if (delta) {
          text += delta;
          try {
            request.onText?.(delta);
          } catch (error) {
            throw new CallerFailure(error);
          }
        }
        if (chunk.done) {
          promptTokens = chunk.prompt_eval_count ?? 0;
          completionTokens = chunk.eval_count ?? 0;
        }
      }
      return { ok: true, result: { text, model, promptTokens, completionTokens } };
    } catch (error) {
      if (error instanceof CallerFailure) throw error;
      if (request.signal?.aborted) throw abortError();
      const reason = timedOut ?? describeError(error);
      if (text) throw new LlmStreamBrokenError(model, text, reason);
      if (isResponseError(error) && !isRetryableStatus(error.status_code)) {
        throw new LlmRequestError(model, error.status_code, error.message);
      }
      return { ok: false, reason };
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      controller.abort(); // frees the connection when we stopped reading early
    }
  }

  async function chat(request: ChatRequest): Promise<ChatResult> {
    if (request.signal?.aborted) throw abortError();
    const day = utcDay(now());
    const attempts: AttemptFailure[] = [];
    for (const model of options.models) {
      const skip = await skipReason(model, day);
      if (request.signal?.aborted) {
        if (!skip) breakers.get(model)!.release();
        throw abortError();
      }
      if (skip) {
        attempts.push({ model, reason: skip });
        continue;
      }
      const breaker = breakers.get(model)!;
      let outcome: Outcome;
      try {
        outcome = await attempt(model, request);
      } catch (error) {
        if (error instanceof LlmStreamBrokenError) breaker.failure(now(), error.reason);
        else breaker.release();
        if (error instanceof CallerFailure) throw error.error;
        throw error;
      }
      if (!outcome.ok) {
        breaker.failure(now(), outcome.reason);
        attempts.push({ model, reason: outcome.reason });
        options.logger?.warn({ model, purpose: request.purpose, reason: outcome.reason }, 'language model failed');
        continue;
      }
      breaker.success();
      const { result } = outcome;
      // Recorded off the answer's path: a database write should not delay the rep's next move.
      void options.usage.add(day, model, result.promptTokens + result.completionTokens).catch((error: unknown) => {
        options.logger?.warn({ model, err: describeError(error) }, 'cannot record token usage');
      });
      if (attempts.length) options.logger?.info({ model, purpose: request.purpose, attempts }, 'answered by a fallback model');
      return result;
    }
    throw new LlmUnavailableError(attempts);
  }

  return {
    chat,
    status: () => ({ models: [...breakers].map(([model, breaker]) => ({ model, ...breaker.snapshot(now()) })) }),
  };
}

/** Tokens per model and day, kept in memory: for the CLI and tests. */
export function createMemoryUsageStore(): UsageStore {
  const tokens = new Map<string, number>();
  const key = (day: string, model: string) => `${day} ${model}`;
  return {
    async add(day, model, count) {
      tokens.set(key(day, model), (tokens.get(key(day, model)) ?? 0) + count);
    },
    async tokensOn(day, model) {
      return tokens.get(key(day, model)) ?? 0;
    },
  };
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const abortError = () => new DOMException('The language model call was aborted', 'AbortError');

/** The ollama client throws `ResponseError` for HTTP errors but does not export the class. */
function isResponseError(error: unknown): error is Error & { status_code: number } {
  return error instanceof Error && error.name === 'ResponseError' && typeof (error as { status_code?: unknown }).status_code === 'number';
}

/** A short, log-safe reason: undici hides the socket error (ECONNREFUSED, …) in `cause`. */
function describeError(error: unknown): string {
  if (isResponseError(error)) return `HTTP ${error.status_code}: ${error.message}`;
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : '';
  if (error.name === 'TypeError' && /^(fetch failed|terminated)$/.test(error.message)) {
    return `connection ${error.message === 'terminated' ? 'dropped' : 'failed'}${detail ? ` (${detail})` : ''}`;
  }
  // The client throws a plain Error for an `{"error": …}` line in the stream and for a stream
  // that ends without its `done` line.
  const message = error.name === 'Error' ? `stream error: ${error.message}` : `${error.name}: ${error.message}`;
  return detail ? `${message} (${detail})` : message;
}
