import { UPLOAD_ERROR_CODES, type UploadErrorCode } from '@sufler/shared';

/**
 * Why a plain-HTTP call route failed. The upload codes come from the API's `{ error: { code, message } }`;
 * the others are what the browser saw: no answer (NETWORK), cancelled by the user (ABORTED), an answer that
 * did not parse (BAD_RESPONSE), or another status (HTTP).
 */
export type CallsHttpErrorCode = UploadErrorCode | 'UNAUTHORIZED' | 'NOT_FOUND' | 'NETWORK' | 'ABORTED' | 'BAD_RESPONSE' | 'HTTP';

export class CallsHttpError extends Error {
  constructor(
    readonly code: CallsHttpErrorCode,
    message: string,
    /** 0 when no answer came. */
    readonly status = 0,
  ) {
    super(message);
    this.name = 'CallsHttpError';
  }
}

const KNOWN = new Set<string>([...UPLOAD_ERROR_CODES, 'UNAUTHORIZED', 'NOT_FOUND']);

/** The typed error for a refused answer: the body's code when it names a known one, else one from the status. */
export function httpErrorFrom(status: number, body: string): CallsHttpError {
  let code: string | undefined;
  let message = `HTTP ${status}`;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string') code = parsed.error.code;
    if (typeof parsed.error?.message === 'string' && parsed.error.message.trim()) message = parsed.error.message;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status decides.
  }
  if (code && KNOWN.has(code)) return new CallsHttpError(code as CallsHttpErrorCode, message, status);
  const byStatus: Record<number, CallsHttpErrorCode> = { 401: 'UNAUTHORIZED', 404: 'NOT_FOUND', 413: 'TOO_LARGE', 415: 'UNSUPPORTED_TYPE' };
  return new CallsHttpError(byStatus[status] ?? 'HTTP', message, status);
}
