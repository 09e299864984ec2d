import { AudioError, type AudioCodec } from '../../modules/calls/ports';
import { decodeAudio } from './decode-audio';
import { locateFfmpeg } from './locate-ffmpeg';
import { probeAudio } from './probe-audio';
import { lastStderrLine, runFfmpeg } from './run-ffmpeg';

/**
 * The AudioCodec port over ffmpeg in a child process. The binary is looked up on first use (`configured`
 * is SUFLER_FFMPEG) and the lookup is cached by `locateFfmpeg`, a failure not: ffmpeg installed later is
 * found on the next call without a restart.
 */
export function createFfmpegAudioCodec(configured?: string): AudioCodec {
  const ffmpeg = () => locateFfmpeg(configured);
  return {
    probe: async (filePath, signal) => probeAudio(await ffmpeg(), filePath, signal),
    decode: async (filePath, options) => decodeAudio(await ffmpeg(), filePath, options),
    async encodeFlac(rawPath, outPath, { sampleRate, channels }) {
      const args = ['-f', 's16le', '-ar', String(sampleRate), '-ac', String(channels), '-i', rawPath, '-c:a', 'flac', '-y', outPath];
      const run = await runFfmpeg(await ffmpeg(), args);
      if (run.exitCode !== 0) throw new AudioError('UNDECODABLE', `Could not encode the recording: ${lastStderrLine(run.stderr, rawPath)}`);
    },
  };
}
