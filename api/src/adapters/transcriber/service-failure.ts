/**
 * How a call to a speech service (transcription, diarization) can fail, shared by their typed
 * errors so the pipeline branches on one set of codes and retries only what is `transient`.
 */
export const SERVICE_FAILURE_CODES = [
  /** Nothing answered at the address (refused, DNS, TLS, a dropped connection). */
  'unreachable',
  /** No complete answer within the configured time (or HTTP 408). */
  'timeout',
  /** HTTP 429: a quota or rate limit; `retryAfterMs` says when when the server did. */
  'rate_limited',
  /** HTTP 4xx: the request itself is wrong (bad file, model, key); sending it again will not help. */
  'rejected',
  /** HTTP 5xx: the server failed or is overloaded. */
  'server_error',
  /** HTTP 2xx whose body is not the expected JSON. */
  'bad_response',
  /** The caller's AbortSignal fired. */
  'aborted',
] as const;
export type ServiceFailureCode = (typeof SERVICE_FAILURE_CODES)[number];

const TRANSIENT = new Set<ServiceFailureCode>(['unreachable', 'timeout', 'rate_limited', 'server_error']);

/** Worth retrying later: network trouble, time-outs, rate limits and server errors. */
export const isTransient = (code: ServiceFailureCode) => TRANSIENT.has(code);

export type ServiceFailure = {
  code: ServiceFailureCode;
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
  cause?: unknown;
};

/** The typed error both speech adapters throw; subclasses only name it. */
export abstract class SpeechServiceError extends Error {
  readonly code: ServiceFailureCode;
  readonly transient: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(failure: ServiceFailure) {
    super(failure.message, failure.cause === undefined ? undefined : { cause: failure.cause });
    this.code = failure.code;
    this.transient = isTransient(failure.code);
    this.status = failure.status;
    this.retryAfterMs = failure.retryAfterMs;
  }
}
