import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createOpenAiTranscriber } from '../../src/adapters/transcriber/openai-transcriber';
import { TranscriberError, type Transcriber } from '../../src/modules/calls/ports';
import { startTranscribeDouble, type TranscribeDouble } from '../doubles/transcribe-double';
import { readWavInfo, writeWav } from '../doubles/wav';

/**
 * Contract tests of the Transcriber port: what the adapter and the transcription double assume of
 * the OpenAI-compatible protocol, on real speech. They always run against the double, and also
 * against a real server (OpenAI, faster-whisper-server / speaches, whisper.cpp) when TRANSCRIBE_URL
 * is set; TRANSCRIBE_API_KEY and TRANSCRIBE_MODEL as the app reads them.
 *
 *   TRANSCRIBE_URL=http://127.0.0.1:8000 TRANSCRIBE_MODEL=Systran/faster-whisper-small \
 *   npx vitest run api/test/contract/transcriber.contract.test.ts
 */
const realUrl = process.env.TRANSCRIBE_URL;
const realKey = process.env.TRANSCRIBE_API_KEY || undefined;
const realModel = process.env.TRANSCRIBE_MODEL || 'whisper-1';
const SLOW = 180_000; // a cold server loads its model first

// The consultant's first turn (0–6.6 s, RTTM) from the left channel of the synthetic Polish call.
const FIXTURE = new URL('../fixtures/calls/dialogue_pl_stereo_8k.wav', import.meta.url);
const CLIP_MS = 6800;
const clip = leftChannel(new Uint8Array(readFileSync(FIXTURE)), 0, CLIP_MS);

type Target = { url: string; apiKey: string | undefined; model: string };

function contractCases(target: Target, keyRequired: boolean) {
  const transcriber = (options: { url?: string; apiKey?: string; timeoutMs?: number } = {}): Transcriber =>
    createOpenAiTranscriber({ url: target.url, model: target.model, language: 'pl', timeoutMs: 120_000, ...(target.apiKey && { apiKey: target.apiKey }), ...options });
  const failure = (promise: Promise<unknown>) => promise.then(() => expect.unreachable('should have failed'), (error: unknown) => error as TranscriberError);

  test('transcribes a few seconds of Polish speech: text, and segments inside the duration', { timeout: SLOW }, async () => {
    const result = await transcriber().transcribe({ audio: clip, filename: 'consultant-0.wav', prompt: 'Tesla, Warszawa' });
    expect(result.text.trim()).not.toBe('');
    expect(Math.abs(result.durationMs - CLIP_MS)).toBeLessThanOrEqual(250);
    expect(result.segments.length).toBeGreaterThan(0);
    for (const segment of result.segments) {
      expect(segment.text).not.toBe('');
      expect(segment.startMs).toBeGreaterThanOrEqual(0);
      expect(segment.endMs).toBeGreaterThanOrEqual(segment.startMs);
      expect(segment.endMs).toBeLessThanOrEqual(result.durationMs);
    }
    expect(result.segments.map((s) => s.startMs)).toEqual([...result.segments.map((s) => s.startMs)].sort((a, b) => a - b));
  });

  test('takes the URL with a trailing /v1 as well', { timeout: SLOW }, async () => {
    const result = await transcriber({ url: `${target.url.replace(/\/+$/, '').replace(/\/v1$/, '')}/v1/` }).transcribe({ audio: clip, filename: 'consultant-0.wav' });
    expect(result.text.trim()).not.toBe('');
  });

  test('refuses a file that is not audio with an HTTP error, not a bad response', { timeout: SLOW }, async () => {
    const error = await failure(transcriber().transcribe({ audio: new TextEncoder().encode('to nie jest nagranie'), filename: 'note.wav' }));
    expect(error).toBeInstanceOf(TranscriberError);
    // OpenAI and the double answer 400; speaches answers 500 (speaches-ai/speaches#164), which reads as transient,
    // so the pipeline must only ever send what ffmpeg decoded.
    expect(['rejected', 'server_error']).toContain(error.code);
    expect(error.status).toBeGreaterThanOrEqual(400);
  });

  test.skipIf(!keyRequired)('refuses a wrong API key with 401 (skipped when the server needs no TRANSCRIBE_API_KEY)', { timeout: SLOW }, async () => {
    const error = await failure(transcriber({ apiKey: 'sk-sufler-contract-wrong-key' }).transcribe({ audio: clip, filename: 'consultant-0.wav' }));
    expect(error).toMatchObject({ code: 'rejected', transient: false, status: 401 });
  });

  test('a call that outlives its timeout fails as timeout, transient', async () => {
    const error = await failure(transcriber({ timeoutMs: 1 }).transcribe({ audio: clip, filename: 'consultant-0.wav' }));
    expect(error).toMatchObject({ code: 'timeout', transient: true });
  });

  test('a cancelled call fails as aborted', async () => {
    const controller = new AbortController();
    const pending = transcriber().transcribe({ audio: clip, filename: 'consultant-0.wav' }, controller.signal);
    controller.abort();
    expect(await failure(pending)).toMatchObject({ code: 'aborted', transient: false });
  });
}

describe('Transcriber contract: the Whisper-compatible double', () => {
  let double: TranscribeDouble;
  const target: Target = { url: '', apiKey: 'sk-contract', model: 'whisper-1' };
  beforeAll(async () => {
    double = await startTranscribeDouble({ apiKey: target.apiKey! });
    target.url = double.url;
  });
  afterAll(() => double.close());
  contractCases(target, true);

  test('the clip is mono 16-bit speech of the expected length', () => {
    expect(readWavInfo(clip)).toMatchObject({ channels: 1, sampleRate: 8000, bitsPerSample: 16, durationMs: CLIP_MS });
    expect(double.requests.find((r) => r.filename === 'consultant-0.wav')).toMatchObject({ durationMs: CLIP_MS, fields: { language: 'pl', response_format: 'verbose_json' } });
  });
});

describe.skipIf(!realUrl)('Transcriber contract: a real server at TRANSCRIBE_URL (skipped without TRANSCRIBE_URL)', () => {
  contractCases({ url: realUrl!, apiKey: realKey, model: realModel }, Boolean(realKey));
});

/** One channel of a 16-bit PCM WAV between two times, as a mono WAV (what the pipeline sends per segment). */
function leftChannel(wav: Uint8Array, startMs: number, endMs: number): Uint8Array {
  const info = readWavInfo(wav);
  if (!info || info.bitsPerSample !== 16) throw new Error('the fixture is not a 16-bit PCM WAV');
  const view = new DataView(wav.buffer, wav.byteOffset + info.dataOffset, info.dataBytes);
  const frame = (ms: number) => Math.min(Math.round((ms / 1000) * info.sampleRate), info.dataBytes / (2 * info.channels));
  const samples = Int16Array.from({ length: frame(endMs) - frame(startMs) }, (_, i) =>
    view.getInt16((frame(startMs) + i) * 2 * info.channels, true),
  );
  return writeWav(samples, info.sampleRate);
}
