import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startTranscribeDouble, type TranscribeDouble } from '../../../test/doubles/transcribe-double';
import { toneWav } from '../../../test/doubles/wav';
import { createOpenAiTranscriber, type OpenAiTranscriberOptions } from './openai-transcriber';
import { TranscriberError } from '../../modules/calls/ports';

// The adapter over real HTTP against the Whisper-compatible double: what is tested is the wire.
let whisper: TranscribeDouble;
beforeAll(async () => {
  whisper = await startTranscribeDouble({ apiKey: 'sk-test' });
});
afterAll(() => whisper.close());
afterEach(() => whisper.reset());

const transcriber = (options: Partial<OpenAiTranscriberOptions> = {}) =>
  createOpenAiTranscriber({ url: whisper.url, apiKey: 'sk-test', model: 'whisper-1', language: 'pl', timeoutMs: 5000, ...options });
const input = { audio: toneWav(3000), filename: 'segment-1.wav' };

async function failure(promise: Promise<unknown>): Promise<TranscriberError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TranscriberError);
  return error as TranscriberError;
}

describe('OpenAI-compatible transcriber', () => {
  test('sends the multipart form and turns verbose_json seconds into integer ms', async () => {
    whisper.script(['Dzień dobry. Mam pytanie o leasing!']);
    const result = await transcriber().transcribe({ ...input, prompt: 'Tesla Model Y' });
    expect(result).toEqual({
      text: 'Dzień dobry. Mam pytanie o leasing!',
      language: 'polish',
      durationMs: 3000,
      segments: [
        { startMs: 0, endMs: expect.any(Number), text: 'Dzień dobry.' },
        { startMs: expect.any(Number), endMs: 3000, text: 'Mam pytanie o leasing!' },
      ],
    });
    expect(result.segments[0]!.endMs).toBe(result.segments[1]!.startMs);
    expect(result.segments.every((s) => Number.isInteger(s.startMs) && Number.isInteger(s.endMs))).toBe(true);
    expect(whisper.requests).toEqual([
      expect.objectContaining({
        fields: {
          model: 'whisper-1',
          language: 'pl',
          response_format: 'verbose_json',
          temperature: '0',
          'timestamp_granularities[]': 'segment',
          prompt: 'Tesla Model Y',
        },
        filename: 'segment-1.wav',
        bytes: input.audio.length,
        durationMs: 3000,
        authorization: 'Bearer sk-test',
      }),
    ]);
  });

  test("a call's language overrides the default, and no prompt goes without one", async () => {
    await transcriber({ model: 'large-v3' }).transcribe({ ...input, language: 'en' });
    expect(whisper.requests[0]!.fields).toMatchObject({ model: 'large-v3', language: 'en' });
    expect(whisper.requests[0]!.fields).not.toHaveProperty('prompt');
  });

  test.each([
    ['no segments: one spans the duration', { text: ' Tak, proszę. ', language: 'pl', duration: 3.2 }, { text: 'Tak, proszę.', language: 'pl', durationMs: 3200, segments: [{ startMs: 0, endMs: 3200, text: 'Tak, proszę.' }] }],
    ['no segments and no speech', { text: '', duration: 1.5 }, { text: '', language: null, durationMs: 1500, segments: [] }],
    ['a duration as a string, an end past it and an empty segment', { text: 'a b', language: 'polish', duration: '2.000', segments: [{ start: 0, end: 1.0004, text: ' a' }, { start: 1.2, end: 1.2, text: ' ' }, { start: 1.2, end: 2.31, text: ' b', id: 1, tokens: [1, 2] }] }, { text: 'a b', language: 'polish', durationMs: 2000, segments: [{ startMs: 0, endMs: 1000, text: 'a' }, { startMs: 1200, endMs: 2000, text: 'b' }] }],
    ['no duration: the last segment end', { text: 'ok', segments: [{ start: 0.5, end: 1.25, text: 'ok' }] }, { text: 'ok', language: null, durationMs: 1250, segments: [{ startMs: 500, endMs: 1250, text: 'ok' }] }],
  ])('tolerates %s', async (_name, body, expected) => {
    whisper.rawNext(JSON.stringify(body));
    expect(await transcriber().transcribe(input)).toEqual(expected);
  });

  test.each([
    ['malformed JSON', '{"text": "Dzień dob', /not JSON/],
    ['another shape', '{"transcript": "Dzień dobry"}', /did not answer verbose_json/],
    ['plain json without a duration', '{"text": "Dzień dobry"}', /without a duration or segments/],
    ['a negative time', '{"text": "a", "duration": 1, "segments": [{"start": -1, "end": 0.5, "text": "a"}]}', /did not answer verbose_json/],
  ])('answers %s with bad_response, not transient', async (_name, body, message) => {
    whisper.rawNext(body);
    const error = await failure(transcriber().transcribe(input));
    expect(error).toMatchObject({ code: 'bad_response', transient: false, name: 'TranscriberError' });
    expect(error.message).toMatch(message);
  });

  test("surfaces the server's error.message on 400, not transient", async () => {
    const error = await failure(transcriber().transcribe({ audio: new TextEncoder().encode('not audio'), filename: 'x.wav' }));
    expect(error).toMatchObject({ code: 'rejected', transient: false, status: 400 });
    expect(error.message).toContain(`Transcription server at ${whisper.url} answered HTTP 400: Invalid file format.`);
    expect(whisper.requests).toHaveLength(1);
  });

  test.each([
    ['a wrong key', 'sk-wrong', 'Incorrect API key provided'],
    ['no key', undefined, "You didn't provide an API key"],
  ])('answers 401 for %s as rejected, without leaking the key', async (_name, apiKey, message) => {
    const error = await failure(transcriber({ apiKey }).transcribe(input));
    expect(error).toMatchObject({ code: 'rejected', transient: false, status: 401 });
    expect(error.message).toContain(message);
    expect(error.message).not.toContain('sk-wrong');
  });

  test.each([
    [429, 0],
    [503, undefined],
  ])('retries once after HTTP %i (Retry-After %s) and succeeds', async (status, retryAfterS) => {
    whisper.failNext(1, status, retryAfterS);
    const result = await transcriber().transcribe(input);
    expect(result.text).toContain('fragment numer 1');
    expect(whisper.requests).toHaveLength(2);
    expect(whisper.requests[1]!.bytes).toBe(input.audio.length);
  });

  test('honours a Retry-After within the cap', async () => {
    whisper.failNext(1, 429, 1);
    const started = Date.now();
    await transcriber().transcribe(input);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  test('gives up at once on a Retry-After past the cap, and says when to come back', async () => {
    whisper.failNext(1, 429, 30);
    const error = await failure(transcriber().transcribe(input));
    expect(error).toMatchObject({ code: 'rate_limited', transient: true, status: 429, retryAfterMs: 30_000 });
    expect(error.message).toContain('Rate limit reached');
    expect(whisper.requests).toHaveLength(1);
  });

  test('a second 429 is the caller’s to retry', async () => {
    whisper.failNext(2, 429, 0);
    expect(await failure(transcriber().transcribe(input))).toMatchObject({ code: 'rate_limited', transient: true });
    expect(whisper.requests).toHaveLength(2);
  });

  test('answers HTTP 500 with server_error, transient, without retrying', async () => {
    whisper.failNext(1, 500);
    const error = await failure(transcriber().transcribe(input));
    expect(error).toMatchObject({ code: 'server_error', transient: true, status: 500 });
    expect(error.message).toContain('The server had an error while processing your request');
    expect(whisper.requests).toHaveLength(1);
  });

  test('times out, transient, and closes the connection', async () => {
    whisper.delayMs = 2000;
    const started = Date.now();
    const error = await failure(transcriber({ timeoutMs: 150 }).transcribe(input));
    expect(error).toMatchObject({ code: 'timeout', transient: true });
    expect(error.message).toContain('within 150 ms');
    expect(Date.now() - started).toBeLessThan(1500);
    await expect.poll(() => whisper.requests[0]?.clientClosed).toBe(true);
  });

  test('the timeout covers the wait before the retry', async () => {
    whisper.failNext(1, 503, 2);
    const error = await failure(transcriber({ timeoutMs: 300, retryWaitCapMs: 5000 }).transcribe(input));
    expect(error).toMatchObject({ code: 'timeout', transient: true });
  });

  test('stops when the caller aborts, not transient', async () => {
    whisper.delayMs = 2000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stage cancelled')), 100);
    const error = await failure(transcriber().transcribe(input, controller.signal));
    expect(error).toMatchObject({ code: 'aborted', transient: false, cause: new Error('stage cancelled') });
    await expect.poll(() => whisper.requests[0]?.clientClosed).toBe(true);
  });

  test('sends nothing when the signal is already aborted', async () => {
    const error = await failure(transcriber().transcribe(input, AbortSignal.abort()));
    expect(error.code).toBe('aborted');
    expect(whisper.requests).toHaveLength(0);
  });

  test('answers a closed port with unreachable, transient', async () => {
    const port = await freePort();
    const error = await failure(transcriber({ url: `http://127.0.0.1:${port}` }).transcribe(input));
    expect(error).toMatchObject({ code: 'unreachable', transient: true });
    expect(error.message).toContain(`Transcription server at http://127.0.0.1:${port} is unreachable`);
  });

  test.each(['', '/', '/v1', '/v1/'])('accepts the URL with suffix "%s"', async (suffix) => {
    await transcriber({ url: `${whisper.url}${suffix}` }).transcribe(input);
    expect(whisper.requests.map((r) => r.path)).toEqual(['/v1/audio/transcriptions']);
  });
});

/** A port nothing listens on: bound, read, then released. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
