import { describe, expect, test } from 'vitest';
import { resampleLinear } from './resample-linear';
import { rmsDbfs } from './rms-dbfs';

const tone = (hz: number, rate: number, ms: number, amplitude = 8000) =>
  Int16Array.from({ length: Math.round((rate * ms) / 1000) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * hz * i) / rate)));

describe('resampleLinear', () => {
  test.each([
    [16_000, 24_000, 16_000, 24_000],
    [16_000, 24_000, 1, 2],
    [16_000, 24_000, 0, 0],
    [16_000, 24_000, 333, 500],
    [24_000, 16_000, 24_000, 16_000],
    [48_000, 16_000, 4800, 1600],
  ])('%i Hz → %i Hz turns %i samples into %i', (from, to, n, expected) => {
    expect(resampleLinear(new Int16Array(n), from, to)).toHaveLength(expected);
  });

  test('16 → 24 kHz keeps every third output sample on an input sample and interpolates between', () => {
    const out = resampleLinear(Int16Array.from([0, 300, -300, 900]), 16_000, 24_000);
    // Output i sits at input i × 2/3: 0, 0.67, 1.33, 2, 2.67, 3 (held).
    expect([...out]).toEqual([0, 200, 100, -300, 500, 900]);
  });

  test('keeps the waveform of a tone: same loudness, and it matches the tone generated at 24 kHz', () => {
    const input = tone(440, 16_000, 1000);
    const out = resampleLinear(input, 16_000, 24_000);
    expect(Math.abs(rmsDbfs(out) - rmsDbfs(input))).toBeLessThan(0.1);
    const reference = tone(440, 24_000, 1000);
    // The last output sample lies past the last input one and holds it; the rest interpolate.
    const worst = out.subarray(0, -1).reduce((max, sample, i) => Math.max(max, Math.abs(sample - reference[i]!)), 0);
    // Linear interpolation errs by at most A·ω²/8 (ω = 2π·440/16000 per sample): about 30 of 8000.
    expect(worst).toBeLessThan(32);
  });

  test('does not overflow at full scale', () => {
    const out = resampleLinear(Int16Array.from([32767, -32768, 32767, -32768]), 16_000, 24_000);
    expect(Math.max(...out)).toBeLessThanOrEqual(32767);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(-32768);
  });

  test('the same rate is a copy', () => {
    const input = Int16Array.from([1, 2, 3]);
    const out = resampleLinear(input, 16_000, 16_000);
    expect([...out]).toEqual([1, 2, 3]);
    expect(out).not.toBe(input);
  });

  test('refuses a rate that is not positive', () => {
    expect(() => resampleLinear(new Int16Array(4), 0, 24_000)).toThrow(RangeError);
  });
});

describe('rmsDbfs', () => {
  test.each([
    ['nothing', new Int16Array(0), -Infinity],
    ['digital silence', new Int16Array(1600), -Infinity],
    ['a full-scale square wave', Int16Array.from({ length: 100 }, (_, i) => (i % 2 ? 32767 : -32768)), 0],
  ])('%s', (_name, samples, expected) => {
    expect(rmsDbfs(samples)).toBeCloseTo(expected, 3);
  });

  test('a sine wave of amplitude A sits at 20·log10(A/√2/32768)', () => {
    expect(rmsDbfs(tone(440, 16_000, 1000, 3000))).toBeCloseTo(20 * Math.log10(3000 / Math.SQRT2 / 32768), 1);
  });
});
