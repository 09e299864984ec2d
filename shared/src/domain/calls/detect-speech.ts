export type DetectSpeechOptions = {
  /** Analysis frame (default 20 ms). */
  frameMs?: number;
  /** Speech starts this many dB above the noise floor (default 10). */
  onsetDb?: number;
  /** …and goes on while a frame stays this many dB above it (default 6). */
  sustainDb?: number;
  /** Nothing quieter than this (dB relative to full scale) is speech, however quiet the line (default -55). */
  minLevelDb?: number;
  /**
   * The noise floor looks this far back and ahead (default 1500 ms): the quietest frame behind and the
   * quietest ahead, and the louder of the two counts. Taking the louder one means that a step in the
   * background noise (up or down) is not taken for speech: on the noisy side of the step both windows
   * see the noise. Sounds that go on at one level for longer than this become background.
   */
  noiseWindowMs?: number;
  /** Speech is held this long after the last loud frame, so word endings are not clipped (default 200 ms). */
  hangoverMs?: number;
  /** Spans start this much before their first loud frame: soft onsets (default 60 ms). */
  preRollMs?: number;
  /** Spans with less loud audio than this are dropped: clicks, coughs (default 250 ms). */
  minSpeechMs?: number;
  /** Spans closer than this are merged: pauses between words and phrases (default 400 ms). */
  minSilenceMs?: number;
};

export type SpeechInterval = { startMs: number; endMs: number };

const DEFAULTS: Required<DetectSpeechOptions> = {
  frameMs: 20,
  onsetDb: 10,
  sustainDb: 6,
  minLevelDb: -55,
  noiseWindowMs: 1500,
  hangoverMs: 200,
  preRollMs: 60,
  minSpeechMs: 250,
  minSilenceMs: 400,
};

/** Energy of digital silence, so that the logarithm stays finite. */
const FLOOR_DB = -120;
const FULL_SCALE = 32768 * 32768;

/**
 * Voice-activity detection: where in one channel of 16-bit PCM someone speaks, as millisecond spans in
 * time order. Energy-based: a frame is loud when its level (DC removed) rises above an adaptive noise
 * floor (the quietest frames around it, see `noiseWindowMs`), so a line hiss or a noisier room is
 * followed instead of taken for speech. Hysteresis (onset/sustain), a hangover, a minimum speech length
 * and merging across short silences turn loud frames into speech spans. Band-limited telephone audio
 * (8 kHz, upsampled) works the same, as only the level is used. Linear in the samples: one pass for
 * frame energies, then a few over the (50 per second) frames.
 */
export function detectSpeech(samples: Int16Array, sampleRate: number, options: DetectSpeechOptions = {}): SpeechInterval[] {
  const o = { ...DEFAULTS, ...options };
  const frameLength = Math.max(1, Math.round((sampleRate * o.frameMs) / 1000));
  const frameMs = (frameLength / sampleRate) * 1000;
  const totalMs = Math.round((samples.length / sampleRate) * 1000);
  const levels = frameLevels(samples, frameLength);
  const floors = noiseFloors(levels, Math.max(1, Math.round(o.noiseWindowMs / frameMs)));

  const spans: { start: number; end: number; loud: number }[] = [];
  const hangoverFrames = Math.round(o.hangoverMs / frameMs);
  let open: { start: number; end: number; loud: number } | null = null;
  for (let f = 0; f < levels.length; f++) {
    const level = levels[f]!;
    const floor = floors[f]!;
    if (open) {
      if (level >= floor + o.sustainDb && level >= o.minLevelDb - (o.onsetDb - o.sustainDb)) {
        open.end = f + 1;
        open.loud++;
      } else if (f - open.end >= hangoverFrames) {
        spans.push(open);
        open = null;
      }
    } else if (level >= floor + o.onsetDb && level >= o.minLevelDb) {
      open = { start: f, end: f + 1, loud: 1 };
    }
  }
  if (open) spans.push(open);

  const result: (SpeechInterval & { loudMs: number })[] = [];
  for (const span of spans) {
    const startMs = Math.max(0, Math.round(span.start * frameMs - o.preRollMs));
    const endMs = Math.min(totalMs, Math.round(span.end * frameMs + o.hangoverMs));
    const loudMs = span.loud * frameMs;
    const last = result.at(-1);
    if (last && startMs - last.endMs < o.minSilenceMs) {
      last.endMs = Math.max(last.endMs, endMs);
      last.loudMs += loudMs;
    } else result.push({ startMs, endMs, loudMs });
  }
  return result.filter((s) => s.loudMs >= o.minSpeechMs && s.endMs > s.startMs).map(({ startMs, endMs }) => ({ startMs, endMs }));
}

/** Per frame: the level in dB relative to full scale of the frame with its mean (DC offset) removed. */
function frameLevels(samples: Int16Array, frameLength: number): Float64Array {
  const count = Math.ceil(samples.length / frameLength);
  const levels = new Float64Array(count);
  for (let f = 0; f < count; f++) {
    const start = f * frameLength;
    const end = Math.min(samples.length, start + frameLength);
    let sum = 0;
    let squares = 0;
    for (let i = start; i < end; i++) {
      const x = samples[i]!;
      sum += x;
      squares += x * x;
    }
    const n = end - start;
    const power = squares / n - (sum / n) ** 2;
    levels[f] = power > 0 ? Math.max(FLOOR_DB, 10 * Math.log10(power / FULL_SCALE)) : FLOOR_DB;
  }
  return levels;
}

/**
 * Per frame: the louder of the quietest frame in the `window` frames up to it and the quietest in the
 * `window` frames from it. Near the start or the end of the recording the cut-off side is not used, so
 * speech that begins or ends the recording is still measured against the silence on its other side.
 */
function noiseFloors(levels: Float64Array, window: number): Float64Array {
  const n = levels.length;
  const trailing = trailingMinimum(levels, window);
  const prefix = new Float64Array(n);
  const suffix = new Float64Array(n);
  for (let i = 0; i < n; i++) prefix[i] = Math.min(levels[i]!, i ? prefix[i - 1]! : Infinity);
  for (let i = n - 1; i >= 0; i--) suffix[i] = Math.min(levels[i]!, i < n - 1 ? suffix[i + 1]! : Infinity);
  const floors = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const behind = i >= window - 1 ? trailing[i]! : null;
    const ahead = i + window - 1 < n ? trailing[i + window - 1]! : null;
    if (behind !== null && ahead !== null) floors[i] = Math.max(behind, ahead);
    else floors[i] = behind ?? ahead ?? Math.min(prefix[i]!, suffix[i]!);
  }
  return floors;
}

/** Minimum of `values[i - window + 1 … i]` for every i, with a monotonic deque (linear time). */
function trailingMinimum(values: Float64Array, window: number): Float64Array {
  const out = new Float64Array(values.length);
  const deque = new Int32Array(values.length);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < values.length; i++) {
    while (tail > head && values[deque[tail - 1]!]! >= values[i]!) tail--;
    deque[tail++] = i;
    if (deque[head]! <= i - window) head++;
    out[i] = values[deque[head]!]!;
  }
  return out;
}
