import type { MikroORM } from '@mikro-orm/postgresql';
import { createLiveTranscriber } from '../../adapters/live-transcriber/create-live-transcriber';
import type { Env } from '../../env';
import type { Logger } from '../../logger';
import type { AnalysisService } from '../analysis/analysis.service';
import type { CallsService } from '../calls/calls-service';
import type { AudioCodec, BlobStore, SpeechClassifierFactory, Transcriber } from '../calls/ports';
import { createLiveEvents } from './live-events';
import { createLiveService, type LiveService } from './live.service';

const SWEEP_MS = 60_000;

/**
 * Wires live meetings: the voice-activity classifier (Silero, else the energy fallback), the live
 * transcriber (chunked over TRANSCRIBE_URL, or OpenAI Realtime), and the sweep that makes calls of
 * sessions whose capture never came back.
 */
export async function createLiveModule(
  env: Env,
  deps: {
    orm: MikroORM;
    shared: { blobs: BlobStore; transcriber: Transcriber | null; audio: AudioCodec; speech: SpeechClassifierFactory };
    analysis: AnalysisService;
    calls: CallsService;
    logger: Logger;
    workers: boolean;
  },
): Promise<{ service: LiveService; close: () => Promise<void> }> {
  const { blobs, speech, audio } = deps.shared;
  const transcriber = createLiveTranscriber(env, deps.shared.transcriber);
  const service = createLiveService({
    orm: deps.orm,
    blobs,
    speech,
    transcriber,
    analysis: deps.analysis,
    calls: deps.calls,
    events: createLiveEvents(),
    audio,
    logger: deps.logger,
    settings: {
      language: env.TRANSCRIBE_LANGUAGE,
      endSilenceMs: env.SUFLER_LIVE_END_SILENCE_MS,
      resumeWindowMs: env.SUFLER_LIVE_RESUME_WINDOW_S * 1000,
      maxPerUser: env.SUFLER_LIVE_MAX_PER_USER,
      maxDurationMs: env.SUFLER_CALL_MAX_MINUTES * 60_000,
    },
  });
  let timer: NodeJS.Timeout | undefined;
  if (deps.workers) {
    const sweep = () => void service.sweep().catch((error: unknown) => deps.logger.warn({ err: error }, 'live sweep failed'));
    sweep();
    timer = setInterval(sweep, SWEEP_MS).unref();
  }
  deps.logger.info({ vad: speech.name, transcriber: transcriber?.kind ?? 'off' }, transcriber ? 'live meetings ready' : 'live meetings record without a live transcript: TRANSCRIBE_URL is not set');
  return {
    service,
    close: async () => {
      clearInterval(timer);
      await service.close();
    },
  };
}
