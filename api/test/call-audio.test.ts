import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { detectSpeech, labelByChannel, speakerAgreement, type SpeechSpan } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { decodeAudio, locateFfmpeg, probeAudio } from '../src/adapters/audio';
import { encodeWav } from '../src/audio/encode-wav';
import { sliceSamples } from '../src/audio/slice-samples';
import { SNIFF_BYTES, sniffAudioType, type AudioFormat } from '../src/audio/sniff-audio-type';
import { AudioError, type DecodedAudio } from '../src/modules/calls/ports';
import { fixturePath, parseRttm } from './fixtures/calls/rttm';

const run = promisify(execFile);
const STEREO = fixturePath('dialogue_pl_stereo_8k.wav');
const MONO = fixturePath('dialogue_pl_mono_8k_ulaw.wav');
/** 551 104 µ-law bytes at 8 kHz, the length of both fixtures. */
const FIXTURE_MS = 68_884;

let ffmpeg: string;
let dir: string;
let reference: ReturnType<typeof parseRttm>;

beforeAll(async () => {
  ffmpeg = await locateFfmpeg();
  dir = await mkdtemp(join(tmpdir(), 'sufler-audio-'));
  reference = parseRttm(await readFile(fixturePath('dialogue_pl.rttm'), 'utf8'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const path = (name: string) => join(dir, name);
const convert = (args: string[], out: string) => run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-i', STEREO, ...args, path(out)]);
async function head(file: string): Promise<Uint8Array> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
const codeOf = (promise: Promise<unknown>) =>
  promise.then(() => 'resolved', (error: unknown) => (error instanceof AudioError ? error.code : `${String(error)}`));

/** The pipeline's speaker stage for a stereo call: voice activity per channel, labels by channel. */
function speakerTurns(audio: DecodedAudio, consultantChannel: 'left' | 'right') {
  const spans = audio.channels.flatMap((samples, channel) =>
    detectSpeech(samples, audio.sampleRate).map((span): SpeechSpan => ({ ...span, channel: channel as 0 | 1 })),
  );
  return labelByChannel(spans, consultantChannel);
}

test('the ffmpeg used is the one the npm package ships', () => {
  expect(ffmpeg).toMatch(/@ffmpeg-installer[/\\]/);
});

describe('the synthetic Polish call (stereo, consultant left)', () => {
  let stereo: DecodedAudio;
  const progress: number[] = [];
  beforeAll(async () => {
    stereo = await decodeAudio(ffmpeg, STEREO, { onProgress: (f) => progress.push(f) });
  });

  test('decodes to two 16 kHz channels of the right length, reporting progress up to 1', async () => {
    expect(stereo.sampleRate).toBe(16_000);
    expect(stereo.channels).toHaveLength(2);
    expect(stereo.channels[0]!.length).toBe(stereo.channels[1]!.length);
    expect(Math.abs(stereo.durationMs - FIXTURE_MS)).toBeLessThanOrEqual(20);
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toBe(1);
    expect(progress.every((f, i) => f > 0 && f <= 1 && (i === 0 || f >= progress[i - 1]!))).toBe(true);
    expect(await probeAudio(ffmpeg, STEREO)).toMatchObject({ channels: 2, sampleRate: 8000, codec: 'pcm_s16le', durationEstimated: false });
  });

  test('labels by channel agree with the reference turns on at least 90 % of speech time', () => {
    expect(speakerAgreement(speakerTurns(stereo, 'left'), reference)).toBeGreaterThanOrEqual(0.9);
  });

  test('with the channels the wrong way round the agreement collapses', () => {
    expect(speakerAgreement(speakerTurns(stereo, 'right'), reference)).toBeLessThan(0.2);
  });

  test('one speech segment cut out and encoded as WAV decodes back to the same samples', async () => {
    const [first] = detectSpeech(stereo.channels[0]!, stereo.sampleRate);
    const samples = sliceSamples(stereo.channels[0]!, stereo.sampleRate, first!.startMs, first!.endMs);
    expect(samples.length).toBe(Math.round(((first!.endMs - first!.startMs) / 1000) * 16_000));
    await writeFile(path('segment.wav'), encodeWav(samples, 16_000));
    expect(sniffAudioType(await head(path('segment.wav')))?.format).toBe('wav');
    const back = await decodeAudio(ffmpeg, path('segment.wav'));
    expect(back.channels).toHaveLength(1);
    expect(Buffer.from(back.channels[0]!.buffer, back.channels[0]!.byteOffset, back.channels[0]!.byteLength).equals(
      Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength),
    )).toBe(true);
  });
});

test('the mono µ-law fixture decodes to one channel', async () => {
  expect(sniffAudioType(await head(MONO))).toEqual({ format: 'wav', mimeType: 'audio/wav' });
  expect(await probeAudio(ffmpeg, MONO)).toMatchObject({ channels: 1, sampleRate: 8000, codec: 'pcm_mulaw' });
  const mono = await decodeAudio(ffmpeg, MONO);
  expect(mono.channels).toHaveLength(1);
  expect(Math.abs(mono.durationMs - FIXTURE_MS)).toBeLessThanOrEqual(20);
  expect(detectSpeech(mono.channels[0]!, mono.sampleRate).length).toBeGreaterThan(0);
});

describe('what browsers and phones upload, made from the fixture by the project ffmpeg', () => {
  test.each<[string, string[], AudioFormat, string]>([
    ['call.mp3', ['-c:a', 'libmp3lame', '-b:a', '64k'], 'mp3', 'audio/mpeg'],
    ['call.ogg', ['-c:a', 'libopus', '-b:a', '32k'], 'ogg', 'audio/ogg'],
    ['call.webm', ['-c:a', 'libopus', '-b:a', '32k'], 'webm', 'audio/webm'],
    ['call.m4a', ['-c:a', 'aac', '-b:a', '64k'], 'm4a', 'audio/mp4'],
    ['call.flac', ['-c:a', 'flac'], 'flac', 'audio/flac'],
  ])('%s is sniffed right, decodes to the right length and keeps the speakers apart', async (name, args, format, mimeType) => {
    await convert(args, name);
    expect(sniffAudioType(await head(path(name)))).toEqual({ format, mimeType });
    const audio = await decodeAudio(ffmpeg, path(name));
    expect(audio.channels).toHaveLength(2);
    expect(Math.abs(audio.durationMs - FIXTURE_MS)).toBeLessThanOrEqual(150);
    expect(speakerAgreement(speakerTurns(audio, 'left'), reference)).toBeGreaterThanOrEqual(0.9);
  });

  test('a WebM as MediaRecorder writes it (no duration in the header) is measured', async () => {
    const { stdout } = await run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', STEREO, '-c:a', 'libopus', '-f', 'webm', 'pipe:1'], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    await writeFile(path('live.webm'), stdout);
    const probe = await probeAudio(ffmpeg, path('live.webm'));
    expect(Math.abs(probe.durationMs - FIXTURE_MS)).toBeLessThanOrEqual(150);
    expect(Math.abs((await decodeAudio(ffmpeg, path('live.webm'))).durationMs - FIXTURE_MS)).toBeLessThanOrEqual(150);
    expect(await codeOf(decodeAudio(ffmpeg, path('live.webm'), { maxDurationMs: 30_000 }))).toBe('TOO_LONG');
  });

  test('of more than two channels the first two are kept', async () => {
    await run(ffmpeg, [
      ...['-hide_banner', '-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=2:sample_rate=16000'],
      ...['-af', 'pan=5.1|c0=c0|c1=0*c0|c2=c0|c3=c0|c4=c0|c5=c0', path('six.wav')],
    ]);
    expect((await probeAudio(ffmpeg, path('six.wav'))).channels).toBe(6);
    const audio = await decodeAudio(ffmpeg, path('six.wav'));
    expect(audio.channels).toHaveLength(2);
    expect(audio.channels[0]!.some((x) => Math.abs(x) > 1000)).toBe(true);
    expect(audio.channels[1]!.every((x) => x === 0)).toBe(true);
  });
});

describe('bad files are refused with a typed error', () => {
  beforeAll(async () => {
    await convert(['-c:a', 'libmp3lame', '-b:a', '64k'], 'full.mp3');
    await writeFile(path('cut.mp3'), (await readFile(path('full.mp3'))).subarray(0, 2048));
    await writeFile(path('cut.wav'), (await readFile(STEREO)).subarray(0, 2048));
    await writeFile(path('notes.wav'), 'Klient pyta o zasięg zimą.\n');
    await writeFile(path('empty.wav'), '');
    await writeFile(path('doc.pdf'), '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await run(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-y', '-f', 'lavfi', '-i', 'color=c=red:s=16x16', '-frames:v', '1', path('image.png')]);
    await copyFile(path('image.png'), path('image.wav'));
  });

  test.each<[string, string, RegExp]>([
    ['cut.mp3', 'UNDECODABLE', /truncated/],
    ['cut.wav', 'UNDECODABLE', /truncated/],
    ['notes.wav', 'UNDECODABLE', /cannot read this file as audio: input: Invalid data found when processing input/],
    ['empty.wav', 'EMPTY_FILE', /empty/],
    ['image.wav', 'UNSUPPORTED_TYPE', /no audio stream \(found: video png\)/],
  ])('%s → %s', async (name, code, message) => {
    const error = await decodeAudio(ffmpeg, path(name)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AudioError);
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    expect((error as Error).message).not.toContain(dir);
  });

  test.each(['notes.wav', 'empty.wav', 'doc.pdf', 'image.png'])('%s is not sniffed as audio', async (name) => {
    expect(sniffAudioType(await head(path(name)))).toBeNull();
  });

  test('a recording over the length limit → TOO_LONG (from the header, before decoding)', async () => {
    expect(await codeOf(decodeAudio(ffmpeg, STEREO, { maxDurationMs: 60_000 }))).toBe('TOO_LONG');
    expect(await codeOf(decodeAudio(ffmpeg, STEREO, { maxDurationMs: 70_000 }))).toBe('resolved');
  });
});

describe('aborting and locating', () => {
  test('an abort while decoding kills ffmpeg and rejects with the reason', async () => {
    const controller = new AbortController();
    const started = performance.now();
    const decoding = decodeAudio(ffmpeg, STEREO, { signal: controller.signal, onProgress: () => controller.abort(new Error('stop now')) });
    await expect(decoding).rejects.toThrow('stop now');
    expect(performance.now() - started).toBeLessThan(5000);
    await expect(decodeAudio(ffmpeg, STEREO, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a configured ffmpeg that does not run → FFMPEG_MISSING with an install instruction', async () => {
    const error = await locateFfmpeg(path('no-such-ffmpeg')).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'FFMPEG_MISSING', message: expect.stringMatching(/SUFLER_FFMPEG=.*npm ci/s) });
    expect(await locateFfmpeg(ffmpeg)).toBe(ffmpeg);
  });
});
