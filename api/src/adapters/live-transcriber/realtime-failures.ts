import { TranscriberError, type ServiceFailureCode } from '../../modules/calls/ports';

/** The `error` object of a Realtime `error` or `…transcription.failed` event. */
export type RealtimeErrorBody = { type?: string; code?: string | null; message?: string; param?: string | null };

/**
 * An `error` event as a TranscriberError: a bad key, model or request will fail again (permanent);
 * a server error or rate limit may not. speaches sends `invalid_request_error` for a client status
 * under 500 and `server_error` above (`input_audio_buffer_event_router.py`).
 */
export function eventFailure(service: string, error: RealtimeErrorBody | undefined): TranscriberError {
  const message = `${service} answered an error event: ${error?.message ?? '(no message)'}${error?.code ? ` (${error.code})` : ''}`;
  const code: ServiceFailureCode =
    error?.code === 'rate_limit_exceeded' ? 'rate_limited' : error?.type === 'invalid_request_error' || error?.code === 'invalid_api_key' ? 'rejected' : 'server_error';
  return new TranscriberError({ code, message, cause: error });
}

/**
 * The handshake answered HTTP instead of switching protocols: speaches closes a bad key or a missing
 * `model` with 1008 before accepting, which reaches the client as 403; OpenAI answers 401.
 */
export function handshakeFailure(service: string, status: number, body: string): TranscriberError {
  const code: ServiceFailureCode = status === 429 ? 'rate_limited' : status === 408 ? 'timeout' : status >= 500 ? 'server_error' : 'rejected';
  const detail = readMessage(body);
  return new TranscriberError({ code, status, message: `${service} refused the WebSocket with HTTP ${status}${detail ? `: ${detail}` : ''}` });
}

/**
 * The socket closed under a waiting call. 1008 (policy) and OpenAI's 4000-range closes name a wrong
 * request; 1011 a server failure; anything else (1000, 1001, 1006) a dropped connection worth retrying.
 */
export function closeFailure(service: string, closeCode: number, reason: string): TranscriberError {
  const code: ServiceFailureCode = closeCode === 1008 || (closeCode >= 4000 && closeCode < 5000) ? 'rejected' : closeCode === 1011 ? 'server_error' : 'unreachable';
  return new TranscriberError({ code, message: `${service} closed the connection (${closeCode}${reason ? ` ${reason}` : ''})` });
}

function readMessage(body: string): string {
  const text = body.trim();
  if (!text) return '';
  try {
    const parsed = JSON.parse(text) as { error?: { message?: unknown } | string; detail?: unknown };
    const message = typeof parsed.error === 'string' ? parsed.error : (parsed.error?.message ?? parsed.detail);
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: the text itself
  }
  return text.slice(0, 300);
}
