import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startTranscribeDouble, type TranscribeDouble } from './transcribe-double';
import { readWavInfo, toneWav, writeWav } from './wav';

// The double's own wire protocol, read with plain fetch + FormData as any OpenAI client sends it.
let whisper: TranscribeDouble;
beforeAll(async () => {
  whisper = await startTranscribeDouble({ apiKey: 'sk-test' });
});
afterAll(() => whisper.close());
afterEach(() => whisper.reset());

type Parts = Record<string, string | { bytes: Uint8Array; name: string }>;
const WAV_2S = { bytes: toneWav(2000), name: 'seg.wav' };

function post(parts: Parts, { key = 'sk-test', path = '/v1/audio/transcriptions' }: { key?: string | null; path?: string } = {}) {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([Uint8Array.from(value.bytes)]), value.name);
  }
  return fetch(`${whisper.url}${path}`, { method: 'POST', body: form, headers: key ? { Authorization: `Bearer ${key}` } : {} });
}

const openAiError = (message: unknown, param: string | null = null) => ({
  error: { message, type: 'invalid_request_error', param, code: null },
});

describe('transcription double', () => {
  test('answers verbose_json with segments spanning the WAV duration and records the request', async () => {
    whisper.script(['Dzień dobry. W czym mogę pomóc?']);
    const response = await post({ file: WAV_2S, model: 'whisper-1', language: 'pl', response_format: 'verbose_json', 'timestamp_granularities[]': 'segment' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { segments: { start: number; end: number }[] };
    expect(body).toMatchObject({ task: 'transcribe', language: 'polish', duration: 2, text: 'Dzień dobry. W czym mogę pomóc?' });
    expect(body.segments).toEqual([
      expect.objectContaining({ id: 0, start: 0, text: ' Dzień dobry.', tokens: [], temperature: 0, no_speech_prob: expect.any(Number) }),
      expect.objectContaining({ id: 1, end: 2, text: ' W czym mogę pomóc?', avg_logprob: expect.any(Number), compression_ratio: expect.any(Number) }),
    ]);
    expect(body.segments[0]!.end).toBe(body.segments[1]!.start);
    expect(body.segments[0]!.end).toBeGreaterThan(0.5);
    expect(whisper.requests).toEqual([
      expect.objectContaining({
        fields: { model: 'whisper-1', language: 'pl', response_format: 'verbose_json', 'timestamp_granularities[]': 'segment' },
        filename: 'seg.wav',
        bytes: WAV_2S.bytes.length,
        durationMs: 2000,
        authorization: 'Bearer sk-test',
        clientClosed: false,
      }),
    ]);
  });

  test.each([
    ['json', 'application/json', { text: 'Dzień dobry, tu fragment numer 1. Dziękuję za rozmowę.' }],
    [undefined, 'application/json', { text: 'Dzień dobry, tu fragment numer 1. Dziękuję za rozmowę.' }],
    ['text', 'text/plain', 'Dzień dobry, tu fragment numer 1. Dziękuję za rozmowę.\n'],
  ])('answers response_format %s', async (format, type, expected) => {
    const response = await post({ file: WAV_2S, model: 'whisper-1', ...(format && { response_format: format }) });
    expect(response.headers.get('content-type')).toContain(type);
    expect(typeof expected === 'string' ? await response.text() : await response.json()).toEqual(expected);
  });

  test('answers in script order, then from respond with what the request said', async () => {
    const seen: unknown[] = [];
    const custom = await startTranscribeDouble({ respond: (request) => (seen.push(request), `nr ${request.index}`) });
    try {
      custom.script(['pierwszy', 'drugi']);
      const texts = [];
      for (let i = 0; i < 3; i++) {
        const form = new FormData();
        form.append('file', new Blob([toneWav(1500)]), 'a.wav');
        form.append('model', 'large-v3');
        if (i === 2) form.append('prompt', 'Tesla, leasing');
        const response = await fetch(`${custom.url}/v1/audio/transcriptions`, { method: 'POST', body: form });
        texts.push(((await response.json()) as { text: string }).text);
      }
      expect(texts).toEqual(['pierwszy', 'drugi', 'nr 2']);
      expect(seen).toEqual([{ index: 2, durationMs: 1500, language: null, model: 'large-v3', prompt: 'Tesla, leasing', filename: 'a.wav' }]);
    } finally {
      await custom.close();
    }
  });

  test.each<[string, Parts, number, unknown]>([
    ['no file', { model: 'whisper-1' }, 400, openAiError("Missing required parameter: 'file'.", 'file')],
    ['a file field that is text', { file: 'abc', model: 'whisper-1' }, 400, openAiError("Missing required parameter: 'file'.", 'file')],
    ['no model', { file: WAV_2S }, 400, openAiError("Missing required parameter: 'model'.", 'model')],
    ['a file that is not a WAV', { file: { bytes: new TextEncoder().encode('ID3 not audio at all'), name: 'a.wav' }, model: 'whisper-1' }, 400, openAiError(expect.stringMatching(/^Invalid file format\. Supported formats:/), 'file')],
    ['an unsupported response_format', { file: WAV_2S, model: 'whisper-1', response_format: 'srt' }, 400, openAiError(expect.stringContaining('srt'), 'response_format')],
    ['an unknown response_format', { file: WAV_2S, model: 'whisper-1', response_format: 'xml' }, 400, openAiError(expect.stringContaining("'xml' is not one of"), 'response_format')],
  ])('rejects %s with OpenAI’s error body', async (_name, parts, status, body) => {
    const response = await post(parts);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(body);
  });

  test.each([
    ['no key', null, null],
    ['a wrong key', 'sk-wrong', 'invalid_api_key'],
  ])('answers 401 to %s', async (_name, key, code) => {
    const response = await post({ file: WAV_2S, model: 'whisper-1' }, { key });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { message: expect.stringContaining('API key'), type: 'invalid_request_error', param: null, code } });
  });

  test('answers 404 with an OpenAI body on another path', async () => {
    const response = await post({ model: 'whisper-1' }, { path: '/v1/audio/translations' });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual(openAiError('Invalid URL (POST /v1/audio/translations)'));
  });

  test('failNext answers the scripted statuses with Retry-After, then recovers', async () => {
    whisper.failNext(2, 429, 3);
    whisper.failNext(1, 500);
    const statuses = [];
    for (let i = 0; i < 4; i++) {
      const response = await post({ file: WAV_2S, model: 'whisper-1' });
      statuses.push([response.status, response.headers.get('retry-after'), ((await response.json()) as { error?: { type: string } }).error?.type ?? 'ok']);
    }
    expect(statuses).toEqual([[429, '3', 'requests'], [429, '3', 'requests'], [500, null, 'server_error'], [200, null, 'ok']]);
  });

  test('rawNext answers a body as is', async () => {
    whisper.rawNext('{"text": "ucię', 200);
    expect(await (await post({ file: WAV_2S, model: 'whisper-1' })).text()).toBe('{"text": "ucię');
  });

  test('delayMs holds the answer, and a client that gives up is recorded', async () => {
    whisper.delayMs = 300;
    let started = Date.now();
    expect((await post({ file: WAV_2S, model: 'whisper-1' })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(whisper.requests.at(-1)?.clientClosed).toBe(false);

    whisper.delayMs = 5000;
    started = Date.now();
    await expect(
      fetch(`${whisper.url}/v1/audio/transcriptions`, { method: 'POST', body: new FormData(), signal: AbortSignal.timeout(100) }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1500);
    await expect.poll(() => whisper.requests.at(-1)?.clientClosed).toBe(true);
  });
});

describe('readWavInfo', () => {
  const pcm = writeWav(new Int16Array(16_000), 8000, 2); // 1 s of 8 kHz stereo
  const withSize = (bytes: Uint8Array, at: number, size: number) => {
    const copy = bytes.slice();
    new DataView(copy.buffer).setUint32(at, size, true);
    return copy;
  };
  const withList = (() => {
    // A LIST chunk of odd size (padded) between fmt and data, as ffmpeg writes metadata.
    const list = new Uint8Array([...'LIST'].map((c) => c.charCodeAt(0)).concat([3, 0, 0, 0, 1, 2, 3, 0]));
    return new Uint8Array([...pcm.subarray(0, 36), ...list, ...pcm.subarray(36)]);
  })();

  test.each([
    ['PCM stereo', pcm, { channels: 2, sampleRate: 8000, bitsPerSample: 16, dataOffset: 44, dataBytes: 32_000, durationMs: 1000 }],
    ['a streamed size (0xFFFFFFFF)', withSize(pcm, 40, 0xffff_ffff), { dataBytes: 32_000, durationMs: 1000 }],
    ['a LIST chunk before data', withList, { dataOffset: 56, durationMs: 1000 }],
    ['a truncated data chunk', pcm.subarray(0, 44 + 16_000), { dataBytes: 16_000, durationMs: 500 }],
  ])('reads %s', (_name, bytes, expected) => {
    expect(readWavInfo(bytes)).toMatchObject(expected);
  });

  test.each([
    ['empty', new Uint8Array()],
    ['text', new TextEncoder().encode('RIFF? no, just some text here')],
    ['RIFF without fmt', new Uint8Array([...pcm.subarray(0, 12), ...pcm.subarray(36)])],
    ['an MP3 header', new Uint8Array([0x49, 0x44, 0x33, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])],
  ])('answers null for %s', (_name, bytes) => {
    expect(readWavInfo(bytes)).toBeNull();
  });
});
