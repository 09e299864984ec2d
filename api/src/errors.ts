/**
 * Typed domain errors. Services throw these; the tRPC layer translates them once
 * (`trpc/error-formatter.ts`), and the UI branches on `code`.
 */
export type DomainErrorCode =
  | 'NOT_FOUND'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'CONFLICT'
  | 'INVALID'
  | 'TOO_MANY_REQUESTS';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Too many failed attempts from this account or address: refused without looking at the credentials. */
export class ThrottledError extends DomainError {
  constructor(
    what: string,
    /** Whole seconds until the next attempt can be accepted; the client gets it as `data.retryAfterSeconds`. */
    readonly retryAfterSeconds: number,
  ) {
    super('TOO_MANY_REQUESTS', `Too many failed ${what}: try again in ${formatWait(retryAfterSeconds)}`);
    this.name = 'ThrottledError';
  }
}

/** "45 s" under a minute, else whole minutes rounded up ("4 min"). */
export const formatWait = (seconds: number) => (seconds < 60 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`);

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
