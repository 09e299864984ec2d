import { hkdfSync } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createFfmpegAudioCodec } from '../../adapters/audio/ffmpeg-audio-codec';
import { createFsBlobStore } from '../../adapters/blob/fs-blob-store';
import { createHttpDiarizer } from '../../adapters/diarizer/http-diarizer';
import type { LlmGateway } from '../../adapters/ollama/llm-gateway';
import { createOpenAiTranscriber } from '../../adapters/transcriber/openai-transcriber';
import { createSpeechClassifierFactory } from '../../adapters/vad/speech-classifier';
import type { Env } from '../../env';
import type { Logger } from '../../logger';
import type { Queue } from '../../queue/queue';
import { createCallEvents } from './call-events';
import { createCallPipeline } from './call-pipeline';
import { createSearchTermHasher } from './call-search';
import type { CallsService } from './calls-service';
import { createCallsService } from './calls.service';
import type { AudioCodec, BlobStore, SpeechClassifierFactory, Transcriber } from './ports';
import { seedBuiltInScorecards } from './scorecards.service';

/** A key of its own for each use of the master key (column encryption, audio at rest, search hashes). */
const subkey = (key: Uint8Array, purpose: string) => Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), `sufler/${purpose}/v1`, 32));

/**
 * Wires call evaluation: the blob store (SUFLER_BLOB_DIR, else `blobs/` in the data dir; a temporary one for an
 * in-memory database), ffmpeg, the transcription and diarization servers when configured, the pipeline's
 * job handler (unless `workers` is false) and the built-in scorecards.
 */
export async function createCallsModule(
  env: Env,
  deps: { orm: MikroORM; queue: Queue; logger: Logger; llm: LlmGateway | null; encryptionKey: Uint8Array; dataDir: string | undefined; workers?: boolean },
): Promise<{
  service: CallsService;
  shared: { blobs: BlobStore; transcriber: Transcriber | null; audio: AudioCodec; speech: SpeechClassifierFactory };
  close: () => Promise<void>;
}> {
  const scratch = !env.SUFLER_BLOB_DIR && !deps.dataDir ? await mkdtemp(join(tmpdir(), 'sufler-blobs-')) : null;
  const dir = env.SUFLER_BLOB_DIR ?? scratch ?? join(resolve(deps.dataDir!), 'blobs');
  const blobs = createFsBlobStore({ dir, key: subkey(deps.encryptionKey, 'blobs') });
  const hashTerm = createSearchTermHasher(subkey(deps.encryptionKey, 'search'));
  const audio = createFfmpegAudioCodec(env.SUFLER_FFMPEG);
  const transcriber = env.TRANSCRIBE_URL
    ? createOpenAiTranscriber({ url: env.TRANSCRIBE_URL, apiKey: env.TRANSCRIBE_API_KEY, model: env.TRANSCRIBE_MODEL, language: env.TRANSCRIBE_LANGUAGE, timeoutMs: env.TRANSCRIBE_TIMEOUT_MS })
    : null;
  const diarizer = env.DIARIZE_URL ? createHttpDiarizer({ url: env.DIARIZE_URL, timeoutMs: env.TRANSCRIBE_TIMEOUT_MS }) : null;
  // Silero by default: on the evaluation calls it agrees better with the reference turns (`npm run eval:vad`).
  const speech = await createSpeechClassifierFactory(env.SUFLER_VAD, deps.logger);

  const events = createCallEvents();
  const pipeline = createCallPipeline({
    orm: deps.orm,
    queue: deps.queue,
    events,
    logger: deps.logger,
    stages: { blobs, audio, transcriber, diarizer, llm: deps.llm, language: env.TRANSCRIBE_LANGUAGE, hashTerm, defaultConsultantChannel: env.SUFLER_CALL_CONSULTANT_CHANNEL, logger: deps.logger, speech },
  });
  await seedBuiltInScorecards(deps.orm.em.fork());
  if (deps.workers ?? true) await pipeline.start();
  if (!transcriber) deps.logger.info('calls are not transcribed: TRANSCRIBE_URL is not set');

  const service = createCallsService({
    orm: deps.orm,
    blobs,
    events,
    pipeline,
    hashTerm,
    logger: deps.logger,
    ingest: { blobs, queue: deps.queue, audio, limits: { maxBytes: env.SUFLER_CALL_MAX_MB * 1_048_576, maxDurationMs: env.SUFLER_CALL_MAX_MINUTES * 60_000 } },
  });
  return {
    service,
    // What live meetings share with call evaluation: the same store, transcription server, audio codec and speech detector.
    shared: { blobs, transcriber, audio, speech },
    close: async () => void (scratch && (await rm(scratch, { recursive: true, force: true }))),
  };
}
