import { expect, test } from 'vitest';
import { encodeWav } from './encode-wav';
import { sliceSamples } from './slice-samples';
import { sniffAudioType } from './sniff-audio-type';
import { wavMissingMs } from './wav-missing-ms';

test('encodeWav writes a 44-byte PCM header and the samples little-endian', () => {
  const wav = encodeWav(Int16Array.from([0, 1, -1, 32767, -32768]), 16_000);
  expect(wav.length).toBe(44 + 10);
  expect(sniffAudioType(wav)).toEqual({ format: 'wav', mimeType: 'audio/wav' });
  expect([wav.readUInt32LE(4), wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt32LE(28)]).toEqual([46, 1, 1, 16_000, 32_000]);
  expect([wav.readUInt16LE(32), wav.readUInt16LE(34), wav.toString('latin1', 36, 40), wav.readUInt32LE(40)]).toEqual([2, 16, 'data', 10]);
  expect([0, 1, 2, 3, 4].map((i) => wav.readInt16LE(44 + 2 * i))).toEqual([0, 1, -1, 32767, -32768]);
  expect(wavMissingMs(wav, wav.length)).toBe(0);
  expect(wavMissingMs(wav.subarray(0, 44), 44)).toBe(0); // 10 bytes at 32 000 bytes/s round to 0 ms
  expect(wavMissingMs(encodeWav(new Int16Array(16_000), 16_000), 44 + 16_000)).toBe(500);
});

test.each<[string, number, number, [number, number]]>([
  ['inside', 1000, 1500, [16_000, 24_000]],
  ['clamped at the start', -200, 100, [0, 1600]],
  ['clamped at the end', 2500, 9000, [40_000, 48_000]],
  ['after the end', 4000, 5000, [48_000, 48_000]],
  ['reversed', 1500, 1000, [24_000, 24_000]],
  ['fractions of a sample round outwards', 0.01, 0.07, [0, 2]],
])('sliceSamples %s', (_name, startMs, endMs, [from, to]) => {
  const samples = Int16Array.from({ length: 48_000 }, (_, i) => i % 30_000);
  const slice = sliceSamples(samples, 16_000, startMs, endMs);
  expect(slice.length).toBe(to - from);
  expect(slice.buffer).toBe(samples.buffer);
  if (slice.length) expect(slice[0]).toBe(samples[from]);
});
