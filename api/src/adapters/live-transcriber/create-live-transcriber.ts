import type { Env } from '../../env';
import type { LiveTranscriber } from '../../modules/live/ports';
import type { Transcriber } from '../../modules/calls/ports';
import { createChunkedLiveTranscriber } from './chunked-live-transcriber';
import { createRealtimeLiveTranscriber } from './realtime-live-transcriber';

type LiveEnv = Pick<Env, 'TRANSCRIBE_LIVE' | 'TRANSCRIBE_REALTIME_URL' | 'TRANSCRIBE_REALTIME_MODEL' | 'TRANSCRIBE_URL' | 'TRANSCRIBE_API_KEY' | 'TRANSCRIBE_MODEL' | 'TRANSCRIBE_TIMEOUT_MS'>;

/**
 * The live transcriber TRANSCRIBE_LIVE names: `chunked` over the batch Transcriber (null without one),
 * `realtime` over TRANSCRIBE_REALTIME_URL, else TRANSCRIBE_URL (null without either).
 */
export function createLiveTranscriber(env: LiveEnv, transcriber: Transcriber | null): LiveTranscriber | null {
  if (env.TRANSCRIBE_LIVE === 'chunked') return transcriber ? createChunkedLiveTranscriber(transcriber) : null;
  const url = env.TRANSCRIBE_REALTIME_URL ?? env.TRANSCRIBE_URL;
  if (!url) return null;
  return createRealtimeLiveTranscriber({
    url,
    model: env.TRANSCRIBE_REALTIME_MODEL ?? env.TRANSCRIBE_MODEL,
    timeoutMs: env.TRANSCRIBE_TIMEOUT_MS,
    ...(env.TRANSCRIBE_API_KEY && { apiKey: env.TRANSCRIBE_API_KEY }),
  });
}
