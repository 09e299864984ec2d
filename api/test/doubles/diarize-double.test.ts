import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { alternatingTurns, startDiarizeDouble, type DiarizeDouble } from './diarize-double';
import { toneWav } from './wav';

// The diarization double's wire protocol (api/src/adapters/diarizer/README.md), read with plain fetch.
let service: DiarizeDouble;
beforeAll(async () => {
  service = await startDiarizeDouble();
});
afterAll(() => service.close());

function post(parts: Record<string, string | Uint8Array>, path = '/v1/diarize') {
  const form = new FormData();
  for (const [name, value] of Object.entries(parts)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, new Blob([Uint8Array.from(value)]), 'call.wav');
  }
  return fetch(`${service.url}${path}`, { method: 'POST', body: form });
}

describe('diarization double', () => {
  test('answers two speakers taking 3 s turns, in seconds, cut to the WAV duration', async () => {
    const response = await post({ file: toneWav(7500, 8000), num_speakers: '2' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      duration: 7.5,
      segments: [
        { start: 0, end: 3, speaker: 'SPEAKER_00', confidence: expect.any(Number) },
        { start: 3, end: 6, speaker: 'SPEAKER_01', confidence: expect.any(Number) },
        { start: 6, end: 7.5, speaker: 'SPEAKER_00', confidence: expect.any(Number) },
      ],
    });
    expect(service.requests.at(-1)).toMatchObject({ fields: { num_speakers: '2' }, filename: 'call.wav', durationMs: 7500 });
  });

  test('answers the turns it was given, dropping those past the end', async () => {
    const custom = await startDiarizeDouble({ segments: [{ startMs: 0, endMs: 900, speaker: 'A' }, { startMs: 1200, endMs: 1500, speaker: 'B' }] });
    try {
      const form = new FormData();
      form.append('file', new Blob([toneWav(1000)]), 'a.wav');
      const response = await fetch(`${custom.url}/v1/diarize`, { method: 'POST', body: form });
      const body = (await response.json()) as { segments: unknown[] };
      expect(body.segments).toEqual([{ start: 0, end: 0.9, speaker: 'A', confidence: expect.any(Number) }]);
    } finally {
      await custom.close();
    }
  });

  test.each<[string, Record<string, string | Uint8Array>, string, number, string]>([
    ['no file', { num_speakers: '2' }, '/v1/diarize', 400, "missing the 'file' part"],
    ['a file that is not a WAV', { file: new TextEncoder().encode('OggS....') }, '/v1/diarize', 400, 'file is not a RIFF/WAVE audio file'],
    ['a bad num_speakers', { file: toneWav(500), num_speakers: 'two' }, '/v1/diarize', 400, 'num_speakers must be a positive integer'],
    ['another path', { file: toneWav(500) }, '/diarize', 404, 'no route POST /diarize'],
  ])('rejects %s with { error: { message } }', async (_name, parts, path, status, message) => {
    const response = await post(parts, path);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { message } });
  });

  test('failNext answers the scripted status with Retry-After, then recovers', async () => {
    service.failNext(1, 503, 4);
    const first = await post({ file: toneWav(500) });
    expect([first.status, first.headers.get('retry-after'), ((await first.json()) as { error: { message: string } }).error.message]).toEqual([503, '4', 'model is loading, try again']);
    expect((await post({ file: toneWav(500) })).status).toBe(200);
  });

  test('alternatingTurns covers the duration exactly', () => {
    expect(alternatingTurns(0)).toEqual([]);
    expect(alternatingTurns(6000).map((t) => [t.startMs, t.endMs, t.speaker])).toEqual([[0, 3000, 'SPEAKER_00'], [3000, 6000, 'SPEAKER_01']]);
  });
});
