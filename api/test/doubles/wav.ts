/** RIFF/WAVE helpers for the doubles and their tests: read a header, write PCM, make a tone. */

export type WavInfo = { channels: number; sampleRate: number; bitsPerSample: number; dataOffset: number; dataBytes: number; durationMs: number };

/**
 * The format and data chunk of a RIFF/WAVE file, or null when it is not one. A data size past the
 * end (0xFFFFFFFF from a streaming writer such as ffmpeg to a pipe) counts as "to the end".
 */
export function readWavInfo(bytes: Uint8Array): WavInfo | null {
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tag = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return null;
  let format: Omit<WavInfo, 'dataOffset' | 'dataBytes' | 'durationMs'> & { byteRate: number } | undefined;
  for (let at = 12; at + 8 <= bytes.length; ) {
    const id = tag(at);
    const size = view.getUint32(at + 4, true);
    if (id === 'fmt ' && size >= 16 && at + 24 <= bytes.length) {
      format = { channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), byteRate: view.getUint32(at + 16, true), bitsPerSample: view.getUint16(at + 22, true) };
    } else if (id === 'data') {
      if (!format || format.byteRate === 0 || format.channels === 0) return null;
      const dataOffset = at + 8;
      const dataBytes = Math.min(size, bytes.length - dataOffset);
      const { byteRate, ...rest } = format;
      return { ...rest, dataOffset, dataBytes, durationMs: Math.round((dataBytes / byteRate) * 1000) };
    }
    at += 8 + size + (size % 2); // chunks are padded to an even size
  }
  return null;
}

/** A 16-bit PCM WAV of these (interleaved) samples. */
export function writeWav(samples: Int16Array, sampleRate: number, channels = 1): Uint8Array {
  const bytes = new Uint8Array(44 + samples.length * 2);
  const view = new DataView(bytes.buffer);
  const tag = (at: number, text: string) => [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  tag(0, 'RIFF');
  view.setUint32(4, 36 + samples.length * 2, true);
  tag(8, 'WAVE');
  tag(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  tag(36, 'data');
  view.setUint32(40, samples.length * 2, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

/** A mono WAV of a quiet 440 Hz tone, for tests that need audio of a given length. */
export function toneWav(durationMs: number, sampleRate = 16_000): Uint8Array {
  const samples = Int16Array.from({ length: Math.round((durationMs / 1000) * sampleRate) }, (_, i) =>
    Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / sampleRate)),
  );
  return writeWav(samples, sampleRate);
}
