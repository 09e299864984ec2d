import { describe, expect, test } from 'vitest';
import { createDownsampler } from './downsampler';

const tone = (rate: number, hz: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / rate));

/** RMS of the middle of a signal, away from the filter's start-up and tail. */
function rms(signal: Float32Array, skip: number): number {
  const middle = signal.subarray(skip, signal.length - skip);
  let sum = 0;
  for (const x of middle) sum += x * x;
  return Math.sqrt(sum / middle.length);
}

const db = (ratio: number) => 20 * Math.log10(ratio);

/** Feeds the signal in uneven chunks (as worklet batches arrive) and flushes. */
function run(rate: number, signal: Float32Array, chunk = 1000): Float32Array {
  const d = createDownsampler({ inputRate: rate });
  const parts: Float32Array[] = [];
  const sizes = [chunk, 128, 7, chunk * 3, 1];
  for (let i = 0, k = 0; i < signal.length; k++) {
    const size = sizes[k % sizes.length]!;
    parts.push(d.push(signal.subarray(i, i + size)));
    i += size;
  }
  parts.push(d.flush());
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

describe.each([48_000, 44_100])('downsampling %d Hz to 16 kHz', (rate) => {
  test.each([300, 1000, 3000, 6000])('a %d Hz tone keeps its level (±0.2 dB)', (hz) => {
    const out = run(rate, tone(rate, hz, 1));
    const inLevel = 0.5 / Math.SQRT2;
    expect(Math.abs(db(rms(out, 400) / inLevel))).toBeLessThan(0.2);
  });

  test.each([
    [7_500, -60],
    [8_500, -65],
    [10_000, -65],
    [15_000, -65],
    [20_000, -65],
  ])('a %d Hz tone (would alias) is attenuated below %d dB', (hz, limit) => {
    const out = run(rate, tone(rate, hz, 1));
    expect(db(rms(out, 400) / (0.5 / Math.SQRT2))).toBeLessThan(limit);
  });

  test('a 1 kHz tone comes out as a 1 kHz tone at 16 kHz, in phase with the input time', () => {
    const out = run(rate, tone(rate, 1000, 0.5));
    // Correlate with the ideal 16 kHz sine: same frequency and no time shift (the filter is centred).
    let dot = 0;
    let norm = 0;
    for (let i = 400; i < out.length - 400; i++) {
      const ideal = 0.5 * Math.sin((2 * Math.PI * 1000 * i) / 16_000);
      dot += out[i]! * ideal;
      norm += ideal * ideal;
    }
    expect(dot / norm).toBeGreaterThan(0.99);
  });

  test('the sample count never drifts over a long stream in odd chunks', () => {
    const d = createDownsampler({ inputRate: rate });
    const seconds = 180; // three minutes
    let fed = 0;
    let produced = 0;
    const chunk = new Float32Array(4410 + 37); // not a divisor of anything
    while (fed + chunk.length <= rate * seconds) {
      produced += d.push(chunk).length;
      fed += chunk.length;
      // The look-ahead lags by a bounded amount, never more.
      expect(Math.ceil((fed * 16_000) / rate) - produced).toBeLessThan(200);
    }
    produced += d.flush().length;
    expect(produced).toBe(Math.ceil((fed * 16_000) / rate));
    expect(d.produced).toBe(produced);
  });

  test('chunking does not change the output', () => {
    const signal = Float32Array.from({ length: rate / 4 }, (_, i) => Math.sin(i * 0.01) * Math.cos(i * 0.37) * 0.8);
    const whole = createDownsampler({ inputRate: rate });
    const a = [...whole.push(signal), ...whole.flush()];
    const b = [...run(rate, signal, 333)];
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i]!, 5);
  });
});

test('refuses rates it cannot downsample from', () => {
  expect(() => createDownsampler({ inputRate: 8000 })).toThrow(/cannot downsample/);
  expect(() => createDownsampler({ inputRate: 44_100.5 })).toThrow(/cannot downsample/);
});
