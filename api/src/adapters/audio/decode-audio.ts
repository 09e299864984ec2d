import { endianness } from 'node:os';
import { AudioError, type DecodedAudio, type DecodeOptions } from '../../modules/calls/ports';
import { probeAudio } from './probe-audio';
import { lastStderrLine, runFfmpeg } from './run-ffmpeg';

/**
 * Decodes a recording to 16-bit PCM per channel with ffmpeg in a child process, reading its output in
 * chunks. Throws `AudioError` (EMPTY_FILE, UNDECODABLE with ffmpeg's last message, UNSUPPORTED_TYPE,
 * TOO_LONG); an aborted `signal` kills ffmpeg and rejects with the signal's reason.
 */
export async function decodeAudio(ffmpeg: string, filePath: string, options: DecodeOptions = {}): Promise<DecodedAudio> {
  const { sampleRate = 16_000, signal, onProgress, maxDurationMs } = options;
  const probe = await probeAudio(ffmpeg, filePath, signal);
  if (maxDurationMs !== undefined && !probe.durationEstimated && probe.durationMs > maxDurationMs) throw tooLong(maxDurationMs);

  const channelCount = Math.min(2, probe.channels);
  const maxFrames = maxDurationMs === undefined ? Infinity : Math.ceil((maxDurationMs / 1000) * sampleRate);
  // Sized from the header (plus a second), but a lying header must not allocate gigabytes up front.
  const initialFrames = Math.min(Math.ceil(((probe.durationMs + 1000) / 1000) * sampleRate), maxFrames + 1, 3600 * sampleRate);
  const pcm = createPcmCollector(channelCount, initialFrames);
  const expectedFrames = Math.max(1, (probe.durationMs / 1000) * sampleRate);
  let reported = 0;
  const { exitCode, stderr } = await runFfmpeg(
    ffmpeg,
    [
      ...['-v', 'error', '-i', filePath, '-map', '0:a:0', '-vn', '-sn', '-dn'],
      ...(channelCount === 1 ? ['-ac', '1'] : ['-af', 'pan=stereo|c0=c0|c1=c1']),
      ...['-ar', String(sampleRate), '-f', endianness() === 'LE' ? 's16le' : 's16be', 'pipe:1'],
    ],
    {
      signal,
      onStdout: (chunk) => {
        pcm.push(chunk);
        if (pcm.frames > maxFrames) throw tooLong(maxDurationMs!);
        const fraction = Math.min(0.99, pcm.frames / expectedFrames);
        if (onProgress && fraction - reported >= 0.01) onProgress((reported = fraction));
      },
    },
  );
  if (exitCode !== 0) {
    throw new AudioError('UNDECODABLE', `ffmpeg cannot decode this audio: ${lastStderrLine(stderr, filePath) || `exit code ${exitCode}`}`);
  }
  if (pcm.frames === 0) throw new AudioError('EMPTY_FILE', 'The recording holds no audio samples.');
  const durationMs = Math.round((pcm.frames / sampleRate) * 1000);
  const shortBy = probe.durationMs - durationMs;
  if (!probe.durationEstimated && shortBy > Math.max(1000, probe.durationMs * 0.1)) {
    throw new AudioError(
      'UNDECODABLE',
      `The recording is truncated: its header declares ${seconds(probe.durationMs)}, only ${seconds(durationMs)} could be decoded` +
        (lastStderrLine(stderr, filePath) ? ` (${lastStderrLine(stderr, filePath)})` : '') + '.',
    );
  }
  onProgress?.(1);
  return { sampleRate, durationMs, channels: pcm.channels() };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const tooLong = (maxMs: number) => new AudioError('TOO_LONG', `The recording is longer than the limit of ${Math.round(maxMs / 60_000)} minutes.`);

/** Interleaved s16 frames in, one growing array per channel out; a frame split across chunks is carried over. */
function createPcmCollector(channelCount: number, initialFrames: number) {
  const frameBytes = 2 * channelCount;
  let store = Array.from({ length: channelCount }, () => new Int16Array(initialFrames));
  let frames = 0;
  let carry: Buffer | null = null;
  return {
    get frames() {
      return frames;
    },
    push(chunk: Buffer) {
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      const usable = data.length - (data.length % frameBytes);
      carry = usable < data.length ? Buffer.from(data.subarray(usable)) : null;
      const count = usable / frameBytes;
      if (count === 0) return;
      // Int16Array needs an even byte offset; pipe chunks nearly always have one.
      const aligned = data.byteOffset % 2 === 0 ? data : Buffer.from(data.subarray(0, usable));
      const samples = new Int16Array(aligned.buffer, aligned.byteOffset, usable / 2);
      if (frames + count > store[0]!.length) {
        const grown = Math.max(frames + count, Math.ceil(store[0]!.length * 1.5));
        store = store.map((old) => {
          const next = new Int16Array(grown);
          next.set(old.subarray(0, frames));
          return next;
        });
      }
      if (channelCount === 1) store[0]!.set(samples, frames);
      else {
        const [left, right] = store as [Int16Array, Int16Array];
        for (let i = 0, j = 0; i < count; i++, j += 2) {
          left[frames + i] = samples[j]!;
          right[frames + i] = samples[j + 1]!;
        }
      }
      frames += count;
    },
    channels: () => store.map((samples) => samples.subarray(0, frames)),
  };
}
