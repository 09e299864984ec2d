import { describe, expect, test } from 'vitest';
import { LIVE_FRAME_MAX_MS, LIVE_SAMPLE_RATE } from '../../schemas/live';
import { decodeLiveFrame, encodeLiveFrame, LIVE_FRAME_HEADER_BYTES, LiveFrameError } from './live-frame';

/** `ms` of stereo audio: left counts up from 1, right down from -1, so a swapped or shifted channel shows. */
function stereo(ms: number): Int16Array {
  const n = Math.round((LIVE_SAMPLE_RATE * ms) / 1000);
  const out = new Int16Array(n * 2);
  for (let i = 0; i < n; i++) {
    out[2 * i] = (i % 32_000) + 1;
    out[2 * i + 1] = -((i % 32_000) + 1);
  }
  return out;
}

/** A valid 100 ms frame with one header byte (or a u32 field) changed. */
function patched(patch: (view: DataView) => void, bytes = encodeLiveFrame(7, stereo(100))): Uint8Array {
  patch(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  return bytes;
}

function codeOf(run: () => unknown): string | null {
  try {
    run();
    return null;
  } catch (error) {
    return error instanceof LiveFrameError ? error.code : `other: ${String(error)}`;
  }
}

describe('encodeLiveFrame / decodeLiveFrame', () => {
  test.each([
    ['one stereo sample', 1 / 16, 0],
    ['the 20 ms minimum', 20, 1],
    ['a typical 100 ms frame', 100, 42],
    ['the 500 ms maximum', LIVE_FRAME_MAX_MS, 0xffff_ffff],
  ])('round trip: %s', (_name, ms, seq) => {
    const interleaved = stereo(ms);
    const frame = decodeLiveFrame(encodeLiveFrame(seq, interleaved));
    expect(frame.seq).toBe(seq);
    expect(frame.sampleRate).toBe(LIVE_SAMPLE_RATE);
    expect(frame.channels).toBe(2);
    expect(frame.durationMs).toBeCloseTo(ms, 6);
    expect(Array.from(frame.left)).toEqual(Array.from(interleaved.filter((_, i) => i % 2 === 0)));
    expect(Array.from(frame.right)).toEqual(Array.from(interleaved.filter((_, i) => i % 2 === 1)));
  });

  test('the header is little-endian and laid out as specified', () => {
    const bytes = encodeLiveFrame(0x01020304, Int16Array.from([-2, 0x0102]));
    expect(Array.from(bytes)).toEqual([
      0x53, 0x46, 0x4c, 0x56, 1, 1, 2, 0, 0x80, 0x3e, 0, 0, 0x04, 0x03, 0x02, 0x01, 0xfe, 0xff, 0x02, 0x01,
    ]);
  });

  test('decodes a frame that sits at an odd offset inside a larger buffer (a Buffer slice)', () => {
    const frame = encodeLiveFrame(9, stereo(20));
    const big = new Uint8Array(frame.length + 11);
    big.set(frame, 3);
    big.fill(0xaa, 0, 3);
    big.fill(0xaa, 3 + frame.length);
    const decoded = decodeLiveFrame(big.subarray(3, 3 + frame.length));
    expect(decoded.seq).toBe(9);
    expect(decoded.left[0]).toBe(1);
    expect(decoded.right.at(-1)).toBe(-320);
  });

  test.each<[string, () => Uint8Array, string]>([
    ['empty', () => new Uint8Array(0), 'BAD_FRAME'],
    ['shorter than the header', () => encodeLiveFrame(1, stereo(20)).subarray(0, 15), 'BAD_FRAME'],
    ['a header and no audio', () => encodeLiveFrame(1, stereo(20)).subarray(0, LIVE_FRAME_HEADER_BYTES), 'BAD_FRAME'],
    ['wrong magic', () => patched((v) => v.setUint8(0, 0x58)), 'BAD_FRAME'],
    ['a partial stereo sample', () => encodeLiveFrame(1, stereo(20)).subarray(0, LIVE_FRAME_HEADER_BYTES + 640 - 2), 'BAD_FRAME'],
    ['an odd payload length', () => encodeLiveFrame(1, stereo(20)).subarray(0, LIVE_FRAME_HEADER_BYTES + 3), 'BAD_FRAME'],
    ['version 2', () => patched((v) => v.setUint8(4, 2)), 'BAD_FORMAT'],
    ['float encoding', () => patched((v) => v.setUint8(5, 3)), 'BAD_FORMAT'],
    ['mono', () => patched((v) => v.setUint8(6, 1)), 'BAD_FORMAT'],
    ['unknown flags', () => patched((v) => v.setUint8(7, 1)), 'BAD_FORMAT'],
    ['48 kHz', () => patched((v) => v.setUint32(8, 48_000, true)), 'BAD_FORMAT'],
    ['16 kHz written big-endian', () => patched((v) => v.setUint32(8, 16_000, false)), 'BAD_FORMAT'],
    ['one stereo sample over 500 ms', () => concat(encodeLiveFrame(1, stereo(LIVE_FRAME_MAX_MS)), new Uint8Array(4)), 'FRAME_TOO_LARGE'],
    ['ten seconds', () => concat(encodeLiveFrame(1, stereo(LIVE_FRAME_MAX_MS)), new Uint8Array(4 * 16_000 * 10)), 'FRAME_TOO_LARGE'],
  ])('refuses %s with %s', (_name, make, code) => {
    expect(codeOf(() => decodeLiveFrame(make()))).toBe(code);
  });

  test('errors carry a readable message', () => {
    expect(() => decodeLiveFrame(patched((v) => v.setUint32(8, 44_100, true)))).toThrow(/16000 Hz; got 44100 Hz/);
  });

  test.each<[string, () => unknown, string]>([
    ['no samples', () => encodeLiveFrame(0, new Int16Array(0)), 'BAD_FRAME'],
    ['half a stereo sample', () => encodeLiveFrame(0, new Int16Array(3)), 'BAD_FRAME'],
    ['more than 500 ms', () => encodeLiveFrame(0, new Int16Array(2 * 8001)), 'FRAME_TOO_LARGE'],
  ])('encode refuses %s', (_name, run, code) => {
    expect(codeOf(run)).toBe(code);
  });

  test.each([-1, 1.5, 2 ** 32, Number.NaN])('encode refuses seq %s', (seq) => {
    expect(() => encodeLiveFrame(seq, stereo(20))).toThrow(RangeError);
  });
});

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
