import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startTranscribeDouble, type TranscribeDouble } from '../../../test/doubles/transcribe-double';
import { createOpenAiTranscriber } from '../transcriber/openai-transcriber';
import { TranscriberError } from '../../modules/calls/ports';
import { createChunkedLiveTranscriber } from './chunked-live-transcriber';
import { nearSilence, speechLike } from './test-audio';

// The chunked adapter over the real batch adapter and the Whisper-compatible double: what is tested is the wire.
let whisper: TranscribeDouble;
beforeAll(async () => {
  whisper = await startTranscribeDouble({ apiKey: 'sk-test', respond: ({ durationMs }) => `Mowa ${durationMs} ms.` });
});
afterAll(() => whisper.close());
afterEach(() => whisper.reset());

const live = (options: { apiKey?: string; timeoutMs?: number; minRmsDb?: number } = {}) =>
  createChunkedLiveTranscriber(
    createOpenAiTranscriber({ url: whisper.url, apiKey: options.apiKey ?? 'sk-test', model: 'whisper-1', language: 'pl', timeoutMs: options.timeoutMs ?? 5000 }),
    options.minRmsDb === undefined ? {} : { minRmsDb: options.minRmsDb },
  );
const open = (transcriber = live(), signal = new AbortController().signal) => transcriber.open({ side: 'CLIENT', language: 'en', signal });

async function failure(promise: Promise<unknown>): Promise<TranscriberError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TranscriberError);
  return error as TranscriberError;
}

describe('chunked live transcriber', () => {
  test('sends one 16 kHz mono WAV per utterance, in the side’s language, and returns the text', async () => {
    const stream = await open();
    expect(await stream.transcribe({ samples: speechLike(1500), startMs: 64_000 })).toBe('Mowa 1500 ms.');
    expect(whisper.requests).toEqual([
      expect.objectContaining({ filename: 'client-64000.wav', durationMs: 1500, bytes: 44 + 1500 * 16 * 2, fields: expect.objectContaining({ language: 'en', model: 'whisper-1' }) }),
    ]);
    expect(whisper.requests[0]!.fields).not.toHaveProperty('prompt');
    expect(live().kind).toBe('chunked');
  });

  test.each([
    ['digital silence', new Int16Array(16_000)],
    ['room noise', nearSilence(2000)],
    ['nothing', new Int16Array(0)],
  ])('skips %s without a request', async (_name, samples) => {
    const stream = await open();
    expect(await stream.transcribe({ samples, startMs: 0 })).toBe('');
    expect(whisper.requests).toHaveLength(0);
  });

  test('the silence floor is configurable', async () => {
    const stream = await open(live({ minRmsDb: -20 }));
    expect(await stream.transcribe({ samples: speechLike(500), startMs: 0 })).toBe(''); // about -24 dBFS
    expect(whisper.requests).toHaveLength(0);
  });

  test('passes the prompt, cut to its last ~200 characters at a word', async () => {
    const stream = await open();
    await stream.transcribe({ samples: speechLike(500), startMs: 0, prompt: '  Tesla Model Y, leasing.  ' });
    const long = `${'Początek rozmowy bez znaczenia. '.repeat(20)}A teraz Model Y i leasing na 36 miesięcy.`;
    await stream.transcribe({ samples: speechLike(500), startMs: 1000, prompt: long });
    expect(whisper.requests[0]!.fields.prompt).toBe('Tesla Model Y, leasing.');
    const sent = whisper.requests[1]!.fields.prompt!;
    expect(sent.length).toBeLessThanOrEqual(200);
    expect(sent.length).toBeGreaterThan(160);
    expect(long.endsWith(sent)).toBe(true);
    expect(sent.startsWith(' ')).toBe(false);
    expect(long[long.length - sent.length - 1]).toBe(' '); // starts at a word
  });

  test('answers concurrent calls in order, one request at a time', async () => {
    whisper.delayMs = 60;
    const stream = await open();
    const lengths = [900, 300, 1200, 600];
    const texts = await Promise.all(lengths.map((ms, i) => stream.transcribe({ samples: speechLike(ms), startMs: i * 2000 })));
    expect(texts).toEqual(lengths.map((ms) => `Mowa ${ms} ms.`));
    expect(whisper.requests.map((r) => r.durationMs)).toEqual(lengths);
  });

  test('a failed utterance does not stop the ones behind it', async () => {
    whisper.failNext(1, 500);
    const stream = await open();
    const first = stream.transcribe({ samples: speechLike(400), startMs: 0 });
    const second = stream.transcribe({ samples: speechLike(700), startMs: 1000 });
    expect(await failure(first)).toMatchObject({ code: 'server_error', transient: true, status: 500 });
    expect(await second).toBe('Mowa 700 ms.');
  });

  test.each([
    ['a wrong key', { apiKey: 'sk-wrong' }, { code: 'rejected', transient: false, status: 401 }],
    ['a timeout', { timeoutMs: 100 }, { code: 'timeout', transient: true }],
  ])('types %s as a TranscriberError', async (_name, options, expected) => {
    whisper.delayMs = 'timeoutMs' in options ? 1000 : 0;
    const stream = await open(live(options));
    expect(await failure(stream.transcribe({ samples: speechLike(500), startMs: 0 }))).toMatchObject(expected);
  });

  test('close aborts what is in flight and refuses later calls', async () => {
    whisper.delayMs = 2000;
    const stream = await open();
    const inFlight = stream.transcribe({ samples: speechLike(500), startMs: 0 });
    await expect.poll(() => whisper.requests.length).toBe(1);
    await stream.close();
    expect(await failure(inFlight)).toMatchObject({ code: 'aborted', transient: false });
    await expect.poll(() => whisper.requests[0]?.clientClosed).toBe(true);
    expect(await failure(stream.transcribe({ samples: speechLike(500), startMs: 1000 }))).toMatchObject({ code: 'aborted' });
    expect(whisper.requests).toHaveLength(1);
  });

  test('the open signal stops the stream too', async () => {
    whisper.delayMs = 2000;
    const controller = new AbortController();
    const stream = await open(live(), controller.signal);
    const inFlight = stream.transcribe({ samples: speechLike(500), startMs: 0 });
    await expect.poll(() => whisper.requests.length).toBe(1);
    controller.abort(new Error('meeting ended'));
    expect(await failure(inFlight)).toMatchObject({ code: 'aborted' });
  });
});
