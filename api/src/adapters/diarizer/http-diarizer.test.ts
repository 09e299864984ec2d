import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startDiarizeDouble, type DiarizeDouble } from '../../../test/doubles/diarize-double';
import { toneWav } from '../../../test/doubles/wav';
import { DiarizerError } from '../../modules/calls/ports';
import { createHttpDiarizer } from './http-diarizer';

// The adapter over real HTTP against the diarization double (protocol: README.md here).
let service: DiarizeDouble;
beforeAll(async () => {
  service = await startDiarizeDouble({
    segments: [
      { startMs: 4100, endMs: 9000, speaker: 'SPEAKER_01' },
      { startMs: 0, endMs: 4250, speaker: 'SPEAKER_00' },
      { startMs: 9000, endMs: 12_000, speaker: 'SPEAKER_00' },
    ],
  });
});
afterAll(() => service.close());
afterEach(() => service.reset());

const diarizer = (url = service.url, timeoutMs = 5000) => createHttpDiarizer({ url, timeoutMs });
const input = { audio: toneWav(10_000, 8000), filename: 'call.wav' };

async function failure(promise: Promise<unknown>): Promise<DiarizerError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(DiarizerError);
  return error as DiarizerError;
}

describe('HTTP diarizer', () => {
  test('uploads the WAV and answers ms turns sorted by start, overlaps kept, cut to the audio', async () => {
    expect(await diarizer().diarize({ ...input, speakers: 2 })).toEqual([
      { startMs: 0, endMs: 4250, speaker: 'SPEAKER_00' },
      { startMs: 4100, endMs: 9000, speaker: 'SPEAKER_01' },
      { startMs: 9000, endMs: 10_000, speaker: 'SPEAKER_00' },
    ]);
    expect(service.requests).toEqual([expect.objectContaining({ path: '/v1/diarize', fields: { num_speakers: '2' }, filename: 'call.wav', durationMs: 10_000 })]);
  });

  test.each(['/', '/v1', '/v1/'])('accepts the URL with suffix "%s", and sends no num_speakers unless asked', async (suffix) => {
    await diarizer(`${service.url}${suffix}`).diarize(input);
    expect(service.requests.map((r) => [r.path, r.fields])).toEqual([['/v1/diarize', {}]]);
  });

  test('rounds seconds, drops empty turns and reads integer speakers as text', async () => {
    service.rawNext(JSON.stringify({ segments: [{ start: 1.2345, end: 2.0006, speaker: 1 }, { start: 3, end: 3, speaker: 0 }], extra: true }));
    expect(await diarizer().diarize(input)).toEqual([{ startMs: 1235, endMs: 2001, speaker: '1' }]);
  });

  test.each([
    ['malformed JSON', '{"segments": [', /not JSON/],
    ['no segments', '{"turns": []}', /did not answer \{ segments/],
    ['a turn without speaker', '{"segments": [{"start": 0, "end": 1}]}', /did not answer \{ segments/],
  ])('answers %s with bad_response', async (_name, body, message) => {
    service.rawNext(body);
    const error = await failure(diarizer().diarize(input));
    expect(error).toMatchObject({ code: 'bad_response', transient: false, name: 'DiarizerError' });
    expect(error.message).toMatch(message);
  });

  test("rejects a file that is not a WAV with the server's message", async () => {
    const error = await failure(diarizer().diarize({ audio: new TextEncoder().encode('hello'), filename: 'x.wav' }));
    expect(error).toMatchObject({ code: 'rejected', transient: false, status: 400 });
    expect(error.message).toContain('answered HTTP 400: file is not a RIFF/WAVE audio file');
  });

  test('reads FastAPI error bodies', async () => {
    service.rawNext('{"detail": "pipeline needs a Hugging Face token"}', 500);
    const error = await failure(diarizer().diarize(input));
    expect(error).toMatchObject({ code: 'server_error', transient: true });
    expect(error.message).toContain('pipeline needs a Hugging Face token');
  });

  test('retries once on 503 (a model still loading)', async () => {
    service.failNext(1, 503, 0);
    expect(await diarizer().diarize(input)).toHaveLength(3);
    expect(service.requests).toHaveLength(2);
  });

  test('times out, transient', async () => {
    service.delayMs = 2000;
    expect(await failure(diarizer(service.url, 150).diarize(input))).toMatchObject({ code: 'timeout', transient: true });
  });

  test('stops when the caller aborts', async () => {
    service.delayMs = 2000;
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    expect(await failure(diarizer().diarize(input, controller.signal))).toMatchObject({ code: 'aborted', transient: false });
  });
});
