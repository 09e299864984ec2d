import { describe, expect, test } from 'vitest';
import { detectSpeech } from './detect-speech';

const RATE = 16_000;

/** A little language for synthetic channels: silence, noise and tone bursts, each `ms` long at `db` dBFS. */
type Part = { ms: number; tone?: number; noise?: number; hz?: number; dc?: number };
const silence = (ms: number): Part => ({ ms });
const tone = (ms: number, db = -15, hz = 440): Part => ({ ms, tone: db, hz });
const noise = (ms: number, db: number): Part => ({ ms, noise: db });
/** Speech-like: a tone with a syllable-rate (4 Hz) level swing over a noise bed. */
const syllables = (ms: number, db: number, bedDb: number): Part => ({ ms, tone: db, hz: 300, noise: bedDb, dc: 4 });

function channel(parts: Part[], rate = RATE, seed = 1): Int16Array {
  let state = seed;
  const random = () => ((state = (state * 1_103_515_245 + 12_345) >>> 0) / 2 ** 32) * 2 - 1;
  const total = parts.reduce((sum, p) => sum + Math.round((p.ms / 1000) * rate), 0);
  const out = new Int16Array(total);
  let at = 0;
  for (const part of parts) {
    const n = Math.round((part.ms / 1000) * rate);
    const toneAmp = part.tone === undefined ? 0 : 32767 * Math.SQRT2 * 10 ** (part.tone / 20);
    // Uniform noise has an RMS of 1/sqrt(3) of its peak.
    const noiseAmp = part.noise === undefined ? 0 : 32767 * Math.sqrt(3) * 10 ** (part.noise / 20);
    for (let i = 0; i < n; i++) {
      const swing = part.dc ? 0.5 - 0.5 * Math.cos((2 * Math.PI * part.dc * i) / rate) : 1;
      const x = toneAmp * swing * Math.sin((2 * Math.PI * (part.hz ?? 440) * i) / rate) + noiseAmp * random();
      out[at + i] = Math.max(-32768, Math.min(32767, Math.round(x)));
    }
    at += n;
  }
  return out;
}

/** Each detected span within `slack` ms of the expected one (starts are pulled ahead by the pre-roll, ends held by the hangover). */
function expectSpans(found: { startMs: number; endMs: number }[], expected: [number, number][], slack = 300) {
  expect(found.map((s) => [s.startMs, s.endMs]), JSON.stringify(found)).toHaveLength(expected.length);
  expected.forEach(([start, end], i) => {
    expect(Math.abs(found[i]!.startMs - start)).toBeLessThanOrEqual(slack);
    expect(Math.abs(found[i]!.endMs - end)).toBeLessThanOrEqual(slack);
  });
}

describe('detectSpeech', () => {
  test.each<[string, Part[], [number, number][]]>([
    ['digital silence', [silence(5000)], []],
    ['a steady hiss alone', [noise(6000, -45)], []],
    ['one tone burst in silence', [silence(1000), tone(800), silence(1000)], [[1000, 1800]]],
    ['a burst right at the start and one at the very end', [tone(600), silence(1500), tone(700)], [[0, 600], [2100, 2800]]],
    ['two bursts 200 ms apart merge', [silence(500), tone(600), silence(200), tone(600), silence(800)], [[500, 1900]]],
    ['two bursts 1.5 s apart stay apart', [silence(500), tone(600), silence(1500), tone(600), silence(800)], [[500, 1100], [2600, 3200]]],
    ['a 60 ms click is dropped', [silence(1000), tone(60, -6), silence(1000)], []],
    ['a quiet burst above a quiet floor', [noise(1000, -70), tone(700, -45), noise(1000, -70)], [[1000, 1700]]],
    ['a burst too quiet to be speech (under -55 dBFS)', [silence(1000), tone(800, -62), silence(1000)], []],
    ['bursts over hiss', [noise(1000, -40), tone(700, -12), noise(1500, -40), tone(700, -12), noise(1000, -40)], [[1000, 1700], [3200, 3900]]],
    [
      'the noise floor steps up: the louder hiss is not speech, the bursts in it are',
      [noise(3000, -65), noise(3000, -35), tone(700, -10), noise(2000, -35), tone(700, -10), noise(1500, -35)],
      [[6000, 6700], [8700, 9400]],
    ],
    [
      'the noise floor steps down',
      [noise(2000, -35), tone(700, -10), noise(2000, -35), noise(2000, -65), tone(700, -30), noise(1500, -65)],
      [[2000, 2700], [6700, 7400]],
    ],
    ['a 5 s speech-like turn with no pause is one span', [noise(1500, -50), syllables(5000, -15, -50), noise(1500, -50)], [[1500, 6500]]],
    ['speech from the first sample', [syllables(3000, -15, -50), noise(2000, -50)], [[0, 3000]]],
  ])('%s', (_name, parts, expected) => {
    expectSpans(detectSpeech(channel(parts), RATE), expected);
  });

  test('telephone audio: 8 kHz bursts upsampled to 16 kHz give the same spans', () => {
    const parts = [noise(1000, -50), syllables(2000, -18, -50), noise(1000, -50), syllables(1500, -18, -50), noise(1000, -50)];
    const narrow = channel(parts, 8000);
    const upsampled = new Int16Array(narrow.length * 2);
    for (let i = 0; i < narrow.length; i++) {
      upsampled[2 * i] = narrow[i]!;
      upsampled[2 * i + 1] = Math.round((narrow[i]! + (narrow[i + 1] ?? narrow[i]!)) / 2);
    }
    const at8k = detectSpeech(narrow, 8000);
    expectSpans(at8k, [[1000, 3000], [4000, 5500]]);
    expectSpans(detectSpeech(upsampled, 16_000), at8k.map((s) => [s.startMs, s.endMs]), 40);
  });

  test('a DC offset is not speech', () => {
    const samples = channel([silence(3000)]).map(() => 4000);
    expect(detectSpeech(samples, RATE)).toEqual([]);
  });

  test('options change the merging', () => {
    const samples = channel([silence(500), tone(600), silence(600), tone(600), silence(800)]);
    expect(detectSpeech(samples, RATE)).toHaveLength(1);
    expect(detectSpeech(samples, RATE, { minSilenceMs: 100, hangoverMs: 100 })).toHaveLength(2);
  });

  test('spans are integer milliseconds, in order, inside the recording', () => {
    const samples = channel([tone(700), silence(1200), tone(500), silence(900), tone(900)]);
    const spans = detectSpeech(samples, RATE);
    expect(spans.length).toBe(3);
    const totalMs = (samples.length / RATE) * 1000;
    spans.forEach((s, i) => {
      expect(Number.isInteger(s.startMs) && Number.isInteger(s.endMs)).toBe(true);
      expect(s.startMs).toBeGreaterThanOrEqual(i ? spans[i - 1]!.endMs : 0);
      expect(s.endMs).toBeGreaterThan(s.startMs);
      expect(s.endMs).toBeLessThanOrEqual(totalMs);
    });
  });

  test('empty input: no spans', () => {
    expect(detectSpeech(new Int16Array(0), RATE)).toEqual([]);
  });
});
