import { createUtteranceCutter } from '@sufler/shared';
import type { SpeechClassifierFactory } from './ports';

export type BatchSpeechOptions = {
  /** Utterances closer than this are one span: pauses between phrases, as `detectSpeech` merges them (default 400 ms). */
  minSilenceMs?: number;
  /** No span is longer: each goes to the transcriber alone (default 30 000 ms). */
  maxSpanMs?: number;
};

const RATE = 16_000;

/**
 * Speech spans of a whole channel (16 kHz mono PCM) with a frame classifier: every frame classified in
 * order, the probabilities cut into utterances by `createUtteranceCutter` (the live meeting's cutter),
 * utterances closer than `minSilenceMs` merged, and spans longer than `maxSpanMs` split at their least
 * speech-like frame in the second half of the allowed length.
 */
export async function detectSpeechWith(
  factory: SpeechClassifierFactory,
  samples: Int16Array,
  sampleRate = RATE,
  options: BatchSpeechOptions = {},
): Promise<{ startMs: number; endMs: number }[]> {
  if (sampleRate !== RATE) throw new RangeError(`detectSpeechWith takes ${RATE} Hz audio, got ${sampleRate} Hz`);
  const { minSilenceMs = 400, maxSpanMs = 30_000 } = options;
  const classifier = await factory.create();
  const size = classifier.frameSamples;
  const frameMs = (size / sampleRate) * 1000;
  const totalMs = (samples.length / sampleRate) * 1000;
  // Live defaults answer sooner; a whole channel can wait for a longer silence. Long spans are split below,
  // at a quiet frame rather than wherever 30 s runs out.
  const cutter = createUtteranceCutter({ minSilenceMs: 300, preRollMs: 100, padEndMs: 100, maxUtteranceMs: Infinity });
  const probabilities = new Float32Array(Math.ceil(samples.length / size));
  const spans: { startMs: number; endMs: number }[] = [];
  const take = (events: ReturnType<typeof cutter.push>) => {
    for (const e of events) if (e.type === 'end') spans.push({ startMs: e.startMs, endMs: Math.min(e.endMs, totalMs) });
  };
  const frame = new Int16Array(size);
  for (let f = 0; f < probabilities.length; f++) {
    const chunk = samples.subarray(f * size, (f + 1) * size);
    // The last frame is padded with silence: classifiers take whole frames.
    if (chunk.length < size) frame.fill(0).set(chunk);
    const probability = await classifier.classify(chunk.length < size ? frame : chunk);
    probabilities[f] = probability;
    take(cutter.push(probability, frameMs));
  }
  take(cutter.flush());

  const merged: { startMs: number; endMs: number }[] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s.startMs - last.endMs < minSilenceMs) last.endMs = Math.max(last.endMs, s.endMs);
    else merged.push({ ...s });
  }
  return merged.flatMap((s) => splitLong(s, probabilities, frameMs, maxSpanMs)).map((s) => ({ startMs: Math.round(s.startMs), endMs: Math.round(s.endMs) }));
}

function splitLong(span: { startMs: number; endMs: number }, probabilities: Float32Array, frameMs: number, maxMs: number) {
  const out: { startMs: number; endMs: number }[] = [];
  let start = span.startMs;
  while (span.endMs - start > maxMs) {
    const from = Math.ceil((start + maxMs / 2) / frameMs);
    const to = Math.floor((start + maxMs) / frameMs) - 1;
    let cut = to;
    for (let f = from; f <= to; f++) if (probabilities[f]! < probabilities[cut]!) cut = f;
    const at = cut * frameMs;
    out.push({ startMs: start, endMs: at });
    start = at;
  }
  out.push({ startMs: start, endMs: span.endMs });
  return out;
}
