import { open } from 'node:fs/promises';
import { SNIFF_BYTES } from '../../audio/sniff-audio-type';
import { wavMissingMs } from '../../audio/wav-missing-ms';
import { AudioError, type AudioProbe } from '../../modules/calls/ports';
import { lastStderrLine, runFfmpeg } from './run-ffmpeg';

/** Channel layouts ffmpeg names by word; numeric ones ("5.1", "7.1(wide)") are summed. */
const NAMED_LAYOUTS: Record<string, number> = { mono: 1, stereo: 2, downmix: 2, quad: 4, hexagonal: 6, octagonal: 8, hexadecagonal: 16 };

/**
 * What a recording holds, read by ffmpeg from its headers (the package ships no ffprobe, so this parses
 * `ffmpeg -i`'s report). When the container has no duration (a browser's MediaRecorder WebM), the audio
 * is run through once to measure it. Throws `AudioError`: EMPTY_FILE, UNDECODABLE, UNSUPPORTED_TYPE (no
 * audio stream, e.g. an image).
 */
export async function probeAudio(ffmpeg: string, filePath: string, signal?: AbortSignal): Promise<AudioProbe> {
  const { size, head } = await readHead(filePath);
  if (size === 0) throw new AudioError('EMPTY_FILE', 'The file is empty (0 bytes).');
  const { stderr } = await runFfmpeg(ffmpeg, ['-i', filePath], { signal });
  if (!/^Input #0/m.test(stderr)) {
    throw new AudioError('UNDECODABLE', `ffmpeg cannot read this file as audio: ${lastStderrLine(stderr, filePath) || 'no details'}`);
  }
  const streams = [...stderr.matchAll(/^\s*Stream #0:\d+[^:]*: (\w+): (.*)$/gm)];
  const audio = streams.find((s) => s[1] === 'Audio');
  if (!audio) {
    const found = streams.map((s) => `${s[1]!.toLowerCase()} ${s[2]!.split(/[\s,]/)[0]}`).join(', ') || 'no streams';
    throw new AudioError('UNSUPPORTED_TYPE', `The file has no audio stream (found: ${found}).`);
  }
  const details = audio[2]!;
  const codec = details.split(/[\s,]/)[0]!;
  const sampleRate = Number(/(\d+) Hz/.exec(details)?.[1] ?? 0);
  const parts = details.split(',').map((part) => part.trim());
  const channels = parseChannels(parts[parts.findIndex((part) => / Hz$/.test(part)) + 1] ?? '');
  if (!sampleRate || !channels) throw new AudioError('UNDECODABLE', `ffmpeg reports an audio stream it cannot describe: ${details.slice(0, 200)}`);

  const missing = wavMissingMs(head, size);
  if (missing > 500) {
    throw new AudioError('UNDECODABLE', `The WAV file is truncated: its header declares ${(missing / 1000).toFixed(1)} s more audio than the file holds.`);
  }
  const duration = /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(stderr);
  if (duration) {
    const durationMs = Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000);
    return { durationMs, channels, sampleRate, codec, durationEstimated: /Estimating duration from bitrate/.test(stderr) };
  }
  return { durationMs: await measureDurationMs(ffmpeg, filePath, signal), channels, sampleRate, codec, durationEstimated: false };
}

async function readHead(filePath: string): Promise<{ size: number; head: Uint8Array }> {
  const file = await open(filePath, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, SNIFF_BYTES));
    await file.read(head, 0, head.length, 0);
    return { size, head };
  } finally {
    await file.close();
  }
}

function parseChannels(layout: string): number {
  const counted = /^(\d+) channels/.exec(layout);
  if (counted) return Number(counted[1]);
  const numeric = /^(\d+)\.(\d+)/.exec(layout);
  if (numeric) return Number(numeric[1]) + Number(numeric[2]);
  return NAMED_LAYOUTS[layout.replace(/\(.*\)$/, '')] ?? 0;
}

/** Decodes to nothing and reads how far ffmpeg got (its `-progress` report). */
async function measureDurationMs(ffmpeg: string, filePath: string, signal?: AbortSignal): Promise<number> {
  let report = '';
  const { exitCode, stderr } = await runFfmpeg(
    ffmpeg,
    ['-v', 'error', '-i', filePath, '-map', '0:a:0', '-progress', 'pipe:1', '-nostats', '-f', 'null', '-'],
    { signal, onStdout: (chunk) => (report = (report + chunk.toString('latin1')).slice(-4096)) },
  );
  const times = [...report.matchAll(/^out_time=(\d+):(\d\d):(\d\d(?:\.\d+)?)$/gm)];
  const last = times.at(-1);
  if (exitCode !== 0 || !last) {
    throw new AudioError('UNDECODABLE', `ffmpeg cannot decode this audio: ${lastStderrLine(stderr, filePath) || `exit code ${exitCode}`}`);
  }
  return Math.round((Number(last[1]) * 3600 + Number(last[2]) * 60 + Number(last[3])) * 1000);
}
