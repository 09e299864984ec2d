export type EnergyClassifierOptions = {
  /** Sample rate of the frames (default 16 000). */
  sampleRate?: number;
  /** Frame length the classifier is tuned for (default 20 ms: 320 samples at 16 kHz). */
  frameMs?: number;
};

export type EnergyClassifier = {
  /** Samples per frame that `classify` expects. */
  readonly frameSamples: number;
  /** The probability (0…1) that this frame, the next of the stream, holds speech. */
  classify(frame: Int16Array): number;
  /** Forgets the noise floor: a new stream. */
  reset(): void;
};

/** How far back the noise floor looks: a sound that goes on at one level longer than this becomes background. */
const NOISE_WINDOW_MS = 1500;
/** Level over the floor (dB) at which the probability is one half, and how steeply it rises around it. */
const MID_DB = 8;
const SLOPE_DB = 2;
/** Nothing quieter than about -55 dBFS is speech: the gate is one half at -53 and near 0 below -56. */
const GATE_DB = -53;
const GATE_SLOPE_DB = 1;
/** Level of digital silence, so that the logarithm stays finite. */
const FLOOR_DB = -120;
const FULL_SCALE = 32768 * 32768;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * A speech classifier from signal energy alone: the fallback for live meetings when the Silero model is not
 * available, in the shape of the API's `SpeechClassifier` port (wrap `classify` in a promise there). Pure and
 * synchronous. A frame's level (dB relative to full scale, DC offset removed) is compared with an adaptive
 * noise floor: the quietest frame of the last `NOISE_WINDOW_MS`. A live stream cannot look ahead the way the
 * batch `detectSpeech` does, so the floor falls at once when the room gets quieter and rises only once the
 * quieter frames have left the window: a step up in background noise reads as speech for up to that long
 * and then stops. Speech, with its pauses between syllables, keeps the floor down. The margin over the floor
 * is mapped through a logistic curve: ~10 dB over it is well above 0.5, ~3 dB is near 0, and a gate keeps
 * anything under about -55 dBFS from ever being speech. Before the first frame the floor is unknown, so a
 * stream that opens with speech is heard from its first dip.
 */
export function createEnergyClassifier(options: EnergyClassifierOptions = {}): EnergyClassifier {
  const sampleRate = options.sampleRate ?? 16_000;
  const frameMs = options.frameMs ?? 20;
  const frameSamples = Math.max(1, Math.round((sampleRate * frameMs) / 1000));
  const window = Math.max(1, Math.round(NOISE_WINDOW_MS / frameMs));
  const history = new Float64Array(window);
  let count = 0;

  return {
    frameSamples,
    classify(frame) {
      const level = levelDb(frame);
      history[count % window] = level;
      count++;
      let floor = Infinity;
      for (let i = Math.min(count, window) - 1; i >= 0; i--) floor = Math.min(floor, history[i]!);
      return logistic((level - floor - MID_DB) / SLOPE_DB) * logistic((level - GATE_DB) / GATE_SLOPE_DB);
    },
    reset() {
      count = 0;
    },
  };
}

/** The level of one frame in dBFS with its mean (DC offset) removed; an empty frame is digital silence. */
function levelDb(frame: Int16Array): number {
  const n = frame.length;
  if (n === 0) return FLOOR_DB;
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const x = frame[i]!;
    sum += x;
    squares += x * x;
  }
  const power = squares / n - (sum / n) ** 2;
  return power > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(power / FULL_SCALE)) : FLOOR_DB;
}
