import { describe, expect, test } from 'vitest';
import { createCaptureEncoder, createFramer } from './framer';

describe('createFramer', () => {
  test('interleaves mic left and tab right into 160 ms frames with per-side peaks', () => {
    const framer = createFramer();
    expect(framer.frameSamples).toBe(2560);
    const left = Float32Array.from({ length: 3000 }, (_, i) => (i === 10 ? -0.5 : 0.25));
    const right = Float32Array.from({ length: 3000 }, (_, i) => (i === 2600 ? 1.5 : -0.125));
    const frames = framer.push(left, right);
    expect(frames).toHaveLength(1);
    const [frame] = frames;
    expect(frame!.durationMs).toBe(160);
    expect(frame!.interleaved.length).toBe(5120);
    expect(Array.from(frame!.interleaved.subarray(0, 4))).toEqual([8192, -4096, 8192, -4096]);
    expect(frame!.interleaved[20]).toBe(-16383); // left, sample 10: round(-0.5 · 32767)
    expect(frame!.levels.consultant).toBeCloseTo(0.5, 3);
    expect(frame!.levels.client).toBeCloseTo(0.125, 3);

    const tail = framer.flush()!;
    expect(tail.interleaved.length).toBe((3000 - 2560) * 2);
    expect(tail.durationMs).toBeCloseTo(27.5, 5);
    expect(tail.interleaved[(2600 - 2560) * 2 + 1]).toBe(32767); // clipped, not wrapped
    expect(tail.levels.client).toBe(1);
    expect(framer.flush()).toBeNull();
  });

  test.each([100, 160, 200])('%d ms frames hold exactly that many samples', (frameMs) => {
    const framer = createFramer({ frameMs });
    const frames = framer.push(new Float32Array(16_000), new Float32Array(16_000));
    expect(frames.length).toBe(Math.floor(1000 / frameMs));
    for (const frame of frames) expect(frame.interleaved.length).toBe((16 * frameMs) * 2);
  });

  test('refuses sides of different lengths', () => {
    expect(() => createFramer().push(new Float32Array(3), new Float32Array(4))).toThrow(/out of step/);
  });
});

describe('createCaptureEncoder', () => {
  test('48 kHz batches become 16 kHz frames; a silent right side stays zero (mic-only)', () => {
    const encoder = createCaptureEncoder({ inputRate: 48_000 });
    const frames = [];
    const seconds = 2;
    for (let i = 0; i < (48_000 * seconds) / 4800; i++) {
      const mic = Float32Array.from({ length: 4800 }, (_, k) => 0.5 * Math.sin((2 * Math.PI * 440 * (i * 4800 + k)) / 48_000));
      frames.push(...encoder.push(mic, new Float32Array(4800)));
    }
    frames.push(...encoder.flush());
    const total = frames.reduce((n, f) => n + f.interleaved.length / 2, 0);
    expect(total).toBe(16_000 * seconds);
    expect(frames.slice(0, -1).every((f) => f.durationMs === 160)).toBe(true);
    expect(frames.every((f) => f.levels.client === 0)).toBe(true);
    expect(frames[5]!.levels.consultant).toBeGreaterThan(0.48);
    expect(frames[5]!.levels.consultant).toBeLessThan(0.52);
    expect(frames.every((f) => f.interleaved.every((v, i) => i % 2 === 0 || v === 0))).toBe(true);
  });
});
