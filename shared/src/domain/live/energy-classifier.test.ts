import { describe, expect, test } from 'vitest';
import { createEnergyClassifier } from './energy-classifier';
import { createUtteranceCutter, type UtteranceEvent } from './utterance-cutter';

const RATE = 16_000;

/** Synthetic channels as in `detect-speech.test.ts`: silence, noise and tone bursts, each `ms` long at `db` dBFS. */
type Part = { ms: number; tone?: number; noise?: number; hz?: number; swing?: number };
const silence = (ms: number): Part => ({ ms });
const tone = (ms: number, db = -15, hz = 440): Part => ({ ms, tone: db, hz });
const noise = (ms: number, db: number): Part => ({ ms, noise: db });
/** Speech-like: a tone with a syllable-rate (4 Hz) level swing over a noise bed. */
const syllables = (ms: number, db: number, bedDb: number): Part => ({ ms, tone: db, hz: 300, noise: bedDb, swing: 4 });

function channel(parts: Part[], seed = 1): Int16Array {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32) * 2 - 1;
  const total = parts.reduce((sum, p) => sum + Math.round((p.ms / 1000) * RATE), 0);
  const out = new Int16Array(total);
  let at = 0;
  for (const part of parts) {
    const n = Math.round((part.ms / 1000) * RATE);
    const toneAmp = part.tone === undefined ? 0 : 32767 * Math.SQRT2 * 10 ** (part.tone / 20);
    const noiseAmp = part.noise === undefined ? 0 : 32767 * Math.sqrt(3) * 10 ** (part.noise / 20);
    for (let i = 0; i < n; i++) {
      const swing = part.swing ? 0.5 - 0.5 * Math.cos((2 * Math.PI * part.swing * i) / RATE) : 1;
      const x = toneAmp * swing * Math.sin((2 * Math.PI * (part.hz ?? 440) * i) / RATE) + noiseAmp * random();
      out[at + i] = Math.max(-32768, Math.min(32767, Math.round(x)));
    }
    at += n;
  }
  return out;
}

/** The classifier and the cutter over a whole channel, as the live module runs them. */
function utterances(samples: Int16Array): [number, number][] {
  const classifier = createEnergyClassifier();
  const cutter = createUtteranceCutter();
  const frameMs = (classifier.frameSamples / RATE) * 1000;
  const events: UtteranceEvent[] = [];
  for (let at = 0; at < samples.length; at += classifier.frameSamples) {
    const frame = samples.subarray(at, at + classifier.frameSamples);
    events.push(...cutter.push(classifier.classify(frame), (frame.length / RATE) * 1000));
  }
  events.push(...cutter.flush());
  expect(frameMs).toBe(20);
  return events.flatMap((e) => (e.type === 'end' ? [[e.startMs, e.endMs] as [number, number]] : []));
}

function expectSpans(found: [number, number][], expected: [number, number][], slack = 300) {
  expect(found, JSON.stringify(found)).toHaveLength(expected.length);
  expected.forEach(([start, end], i) => {
    expect(Math.abs(found[i]![0] - start), JSON.stringify(found)).toBeLessThanOrEqual(slack);
    expect(Math.abs(found[i]![1] - end), JSON.stringify(found)).toBeLessThanOrEqual(slack);
  });
}

/** A 20 ms frame of a square wave at exactly `db` dBFS (zero mean, so the DC removal changes nothing). */
function level(db: number): Int16Array {
  const amp = Math.round(32768 * 10 ** (db / 20));
  return Int16Array.from({ length: 320 }, (_, i) => (i % 2 ? amp : -amp));
}

describe('createEnergyClassifier', () => {
  test.each<[string, number, number, (p: number) => boolean]>([
    ['10 dB over the floor is speech', -50, -40, (p) => p >= 0.5],
    ['20 dB over the floor is clearly speech', -60, -40, (p) => p > 0.95],
    ['3 dB over the floor is not', -50, -47, (p) => p < 0.35],
    ['at the floor: near zero', -50, -50, (p) => p < 0.05],
    ['13 dB over a quiet floor but under -55 dBFS: not speech', -70, -57, (p) => p < 0.35],
    ['-58 dBFS after digital silence: not speech', -120, -58, (p) => p < 0.05],
    ['-50 dBFS after digital silence: speech', -120, -50, (p) => p > 0.9],
  ])('%s', (_name, floorDb, frameDb, ok) => {
    const classifier = createEnergyClassifier();
    const quiet = floorDb <= -120 ? new Int16Array(320) : level(floorDb);
    for (let i = 0; i < 50; i++) classifier.classify(quiet);
    const p = classifier.classify(level(frameDb));
    expect(ok(p), `p = ${p}`).toBe(true);
  });

  test('the floor follows a sound that goes on: after ~1.5 s a steady tone is background', () => {
    const classifier = createEnergyClassifier();
    for (let i = 0; i < 50; i++) classifier.classify(new Int16Array(320));
    const p = Array.from({ length: 100 }, () => classifier.classify(level(-20)));
    expect(p[10]).toBeGreaterThan(0.9);
    expect(p[70]).toBeGreaterThan(0.9);
    expect(p[80]).toBeLessThan(0.05);
  });

  test('reset forgets the floor', () => {
    const classifier = createEnergyClassifier();
    for (let i = 0; i < 50; i++) classifier.classify(level(-70));
    expect(classifier.classify(level(-30))).toBeGreaterThan(0.9);
    classifier.reset();
    expect(classifier.classify(level(-30))).toBeLessThan(0.05);
  });

  test.each([
    [{}, 320],
    [{ frameMs: 32 }, 512],
    [{ sampleRate: 8000, frameMs: 20 }, 160],
  ])('frameSamples for %j is %i', (options, samples) => {
    expect(createEnergyClassifier(options).frameSamples).toBe(samples);
  });

  test('a DC offset and an empty frame are not speech', () => {
    const classifier = createEnergyClassifier();
    for (let i = 0; i < 20; i++) classifier.classify(new Int16Array(320));
    expect(classifier.classify(new Int16Array(320).fill(8000))).toBeLessThan(0.05);
    expect(classifier.classify(new Int16Array(0))).toBeLessThan(0.05);
  });
});

describe('energy classifier + utterance cutter', () => {
  test.each<[string, Part[], [number, number][]]>([
    ['digital silence', [silence(5000)], []],
    ['a steady hiss', [noise(6000, -45)], []],
    ['silence, a tone, silence: one utterance', [silence(1000), tone(800), silence(1000)], [[1000, 1800]]],
    ['two tones over hiss', [noise(1000, -40), tone(700, -12), noise(1500, -40), tone(700, -12), noise(1000, -40)], [[1000, 1700], [3200, 3900]]],
    ['a quiet tone over a quieter floor', [noise(1000, -70), tone(700, -45), noise(1000, -70)], [[1000, 1700]]],
    ['a tone under -55 dBFS', [silence(1000), tone(800, -62), silence(1000)], []],
    ['a 60 ms click', [silence(1000), tone(60, -6), silence(1000)], []],
    ['a 5 s speech-like turn is one utterance', [noise(1500, -50), syllables(5000, -15, -50), noise(1500, -50)], [[1500, 6500]]],
    ['a 20 s turn is cut at 15 s', [noise(1000, -50), syllables(20_000, -15, -50), noise(1000, -50)], [[1000, 16_000], [16_000, 21_000]]],
  ])('%s', (_name, parts, expected) => {
    expectSpans(utterances(channel(parts)), expected);
  });

  test('a step up in background noise is not speech for long, and speech in the louder noise is still found', () => {
    const found = utterances(channel([noise(3000, -65), noise(4000, -35), tone(700, -10), noise(2000, -35), tone(700, -10), noise(1500, -35)]));
    const stepSpeech = found.filter(([start]) => start < 6000);
    expect(stepSpeech.reduce((sum, [s, e]) => sum + e - s, 0), JSON.stringify(found)).toBeLessThanOrEqual(2500);
    expectSpans(found.filter(([start]) => start >= 6000), [[7000, 7700], [9700, 10_400]]);
  });
});
