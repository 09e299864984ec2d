import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { startRealtimeDouble, type RealtimeDouble } from '../../../test/doubles/realtime-double';
import { TranscriberError } from '../../modules/calls/ports';
import { createRealtimeLiveTranscriber, realtimeBase, realtimeUrl, type RealtimeLiveTranscriberOptions } from './realtime-live-transcriber';
import { nearSilence, speechLike } from './test-audio';

// The adapter over a real socket against the Realtime double, in speaches' dialect and in OpenAI's.
let speaches: RealtimeDouble;
let openai: RealtimeDouble;
beforeAll(async () => {
  speaches = await startRealtimeDouble({ apiKey: 'sk-test', respond: ({ durationMs }) => `Mowa ${durationMs} ms.` });
  openai = await startRealtimeDouble({ dialect: 'openai', apiKey: 'sk-test', respond: ({ durationMs }) => `Mowa ${durationMs} ms.` });
});
afterAll(async () => {
  await speaches.close();
  await openai.close();
});
afterEach(() => {
  speaches.reset();
  openai.reset();
});

const live = (double: RealtimeDouble, options: Partial<RealtimeLiveTranscriberOptions> = {}) =>
  createRealtimeLiveTranscriber({ url: double.httpUrl, apiKey: 'sk-test', model: 'Systran/faster-whisper-small', timeoutMs: 2000, ...options });
const open = (transcriber: ReturnType<typeof live>, signal = new AbortController().signal) => transcriber.open({ side: 'CONSULTANT', language: 'pl', signal });

async function failure(promise: Promise<unknown>): Promise<TranscriberError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(TranscriberError);
  return error as TranscriberError;
}

describe('realtime live transcriber against speaches', () => {
  test('opens one transcription socket with the model and language, and switches speaches’ VAD off', async () => {
    const stream = await open(live(speaches));
    expect(speaches.connections).toHaveLength(1);
    const [connection] = speaches.connections;
    expect(connection!.query).toEqual({ intent: 'transcription', model: 'Systran/faster-whisper-small', language: 'pl' });
    expect(connection!.authorization).toBe('Bearer sk-test');
    expect(connection!.session).toMatchObject({ input_audio_transcription: { model: 'Systran/faster-whisper-small', language: 'pl' }, turn_detection: { threshold: 1 } });
    expect(connection!.errors.map((e) => e.message)).toEqual([expect.stringContaining('prefix_padding_ms')]);
    await stream.close();
    expect(live(speaches).kind).toBe('realtime');
  });

  test('sends each utterance at 24 kHz in chunks of at most 32 KB and returns its transcript, in order', async () => {
    speaches.delayMs = 30;
    const stream = await open(live(speaches));
    const lengths = [2500, 400, 1200];
    const utterances = lengths.map((ms) => speechLike(ms));
    const texts = await Promise.all(utterances.map((samples, i) => stream.transcribe({ samples, startMs: i * 5000, prompt: 'Tesla' })));
    expect(texts).toEqual(lengths.map((ms) => `Mowa ${ms} ms.`));
    expect(speaches.connections).toHaveLength(1);
    expect(speaches.utterances.map((u) => u.samples.length)).toEqual(lengths.map((ms) => ms * 24));
    expect(Math.max(...speaches.connections[0]!.appendChars)).toBeLessThanOrEqual(32 * 1024);
    expect(speaches.connections[0]!.appendChars.length).toBeGreaterThan(lengths.length); // 2.5 s takes several appends
    // The audio itself: every even 16 kHz sample lands exactly on a 24 kHz one (3 out per 2 in).
    const sent = speaches.utterances[1]!.samples;
    const input = utterances[1]!;
    for (const i of [0, 2, 300, 1198, 6398]) expect(sent[(i * 3) / 2]).toBe(input[i]);
    await stream.close();
  });

  test.each([
    ['room noise', nearSilence(1500)],
    ['under 100 ms', speechLike(90)],
  ])('skips %s without sending it', async (_name, samples) => {
    const stream = await open(live(speaches));
    expect(await stream.transcribe({ samples, startMs: 0 })).toBe('');
    expect(speaches.connections[0]!.events.map((e) => e.type)).toEqual(['session.update']);
    await stream.close();
  });

  test.each([
    ['a server error event', 'server_error' as const, { code: 'server_error', transient: true }],
    ['an invalid request event', 'invalid_request' as const, { code: 'rejected', transient: false }],
    ['a dropped socket', 'drop' as const, { code: 'unreachable', transient: true }],
    ['no answer', 'hang' as const, { code: 'timeout', transient: true }],
  ])('maps %s to a TranscriberError, and reconnects for the next utterance', async (_name, kind, expected) => {
    speaches.failNext(kind);
    const stream = await open(live(speaches, { timeoutMs: 500 }));
    expect(await failure(stream.transcribe({ samples: speechLike(300), startMs: 0 }))).toMatchObject(expected);
    expect(await stream.transcribe({ samples: speechLike(600), startMs: 1000 })).toBe('Mowa 600 ms.');
    expect(speaches.connections).toHaveLength(2);
    await stream.close();
  });

  test('a socket dropped between utterances is reopened lazily', async () => {
    const stream = await open(live(speaches));
    expect(await stream.transcribe({ samples: speechLike(300), startMs: 0 })).toBe('Mowa 300 ms.');
    speaches.dropAll(1001);
    await expect.poll(() => speaches.connections[0]!.closed).toBe(true);
    expect(speaches.connections).toHaveLength(1);
    expect(await stream.transcribe({ samples: speechLike(500), startMs: 1000 })).toBe('Mowa 500 ms.');
    expect(speaches.connections).toHaveLength(2);
    await stream.close();
  });

  test.each([
    ['a wrong key', { apiKey: 'sk-wrong' }, { code: 'rejected', transient: false, status: 403 }],
    ['a missing model (speaches needs it)', { model: '' }, { code: 'rejected', transient: false, status: 403 }],
  ])('refuses %s at open, permanently', async (_name, options, expected) => {
    expect(await failure(open(live(speaches, options)))).toMatchObject(expected);
  });

  test('a handshake answered 503 is transient', async () => {
    speaches.rejectHandshakes(503);
    expect(await failure(open(live(speaches)))).toMatchObject({ code: 'server_error', transient: true, status: 503 });
  });

  test('a closed port is unreachable, transient', async () => {
    const url = speaches.httpUrl.replace(/:\d+$/, ':1');
    expect(await failure(open(live(speaches, { url })))).toMatchObject({ code: 'unreachable', transient: true });
  });

  test('a close with 1008 (policy) under a waiting call is permanent', async () => {
    speaches.failNext('hang');
    const stream = await open(live(speaches));
    const pending = stream.transcribe({ samples: speechLike(300), startMs: 0 });
    await expect.poll(() => speaches.utterances.length).toBe(1);
    speaches.dropAll(1008);
    expect(await failure(pending)).toMatchObject({ code: 'rejected', transient: false });
  });

  test('close aborts what is in flight and closes the socket; later calls are refused', async () => {
    speaches.delayMs = 2000;
    const stream = await open(live(speaches, { timeoutMs: 5000 }));
    const pending = stream.transcribe({ samples: speechLike(300), startMs: 0 });
    await expect.poll(() => speaches.utterances.length).toBe(1);
    await stream.close();
    expect(await failure(pending)).toMatchObject({ code: 'aborted', transient: false });
    await expect.poll(() => speaches.connections[0]!.closed).toBe(true);
    expect(await failure(stream.transcribe({ samples: speechLike(300), startMs: 1000 }))).toMatchObject({ code: 'aborted' });
    expect(speaches.connections).toHaveLength(1);
  });

  test('the double really hangs when VAD is left on, so switching it off is what makes commits answer', async () => {
    // Without the session.update a speech commit meets speaches' assertion: no transcript, a timeout.
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(`${speaches.url}?intent=transcription&model=m`, { headers: { Authorization: 'Bearer sk-test' } });
    const events: string[] = [];
    ws.on('message', (data) => events.push((JSON.parse(String(data)) as { type: string }).type));
    await new Promise((resolve) => ws.once('open', resolve));
    ws.send(JSON.stringify({ type: 'input_audio_buffer.append', audio: Buffer.alloc(24_000).toString('base64') }));
    ws.send(JSON.stringify({ type: 'input_audio_buffer.commit' }));
    await expect.poll(() => events).toContain('input_audio_buffer.committed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual(['session.created', 'input_audio_buffer.speech_started', 'input_audio_buffer.committed']);
    ws.close();
  });
});

describe('realtime live transcriber against OpenAI’s GA shape', () => {
  test('configures a transcription session with 24 kHz PCM, no turn detection, and the prompt per utterance', async () => {
    const stream = await open(live(openai, { modelInQuery: false, model: 'gpt-4o-transcribe' }));
    const connection = openai.connections[0]!;
    expect(connection.query).toEqual({ intent: 'transcription' });
    expect(connection.events[0]).toEqual({
      type: 'session.update',
      session: { type: 'transcription', audio: { input: { format: { type: 'audio/pcm', rate: 24_000 }, transcription: { model: 'gpt-4o-transcribe', language: 'pl' }, turn_detection: null } } },
    });
    expect(await stream.transcribe({ samples: speechLike(700), startMs: 0, prompt: 'Tesla Model Y' })).toBe('Mowa 700 ms.');
    expect(openai.utterances[0]).toMatchObject({ model: 'gpt-4o-transcribe', language: 'pl', prompt: 'Tesla Model Y', durationMs: 700 });
    await stream.close();
  });

  test('OpenAI refuses a model in the URL of a transcription session: rejected', async () => {
    expect(await failure(open(live(openai)))).toMatchObject({ code: 'rejected', transient: false });
    expect(openai.connections[0]!.errors[0]).toMatchObject({ code: 'invalid_model' });
  });

  test('a failed transcription of an item is a TranscriberError', async () => {
    openai.failNext('transcription_failed');
    const stream = await open(live(openai, { modelInQuery: false }));
    expect(await failure(stream.transcribe({ samples: speechLike(300), startMs: 0 }))).toMatchObject({ code: 'server_error' });
    await stream.close();
  });
});

describe('realtime URLs', () => {
  test.each([
    ['http://127.0.0.1:8000', 'ws://127.0.0.1:8000/v1/realtime'],
    ['http://127.0.0.1:8000/v1/', 'ws://127.0.0.1:8000/v1/realtime'],
    ['https://speaches.example.com/proxy/v1', 'wss://speaches.example.com/proxy/v1/realtime'],
    ['wss://api.openai.com/v1/realtime', 'wss://api.openai.com/v1/realtime'],
    ['ws://host:9000/v1/realtime?intent=transcription', 'ws://host:9000/v1/realtime'],
  ])('%s → %s', (input, expected) => {
    expect(realtimeBase(input)).toBe(expected);
  });

  test('speaches gets model and language in the query; OpenAI gets neither', () => {
    expect(realtimeUrl('ws://h/v1/realtime', 'Systran/faster-whisper-small', 'pl')).toBe('ws://h/v1/realtime?intent=transcription&model=Systran%2Ffaster-whisper-small&language=pl');
    expect(realtimeUrl('wss://api.openai.com/v1/realtime', 'gpt-4o-transcribe', 'pl')).toBe('wss://api.openai.com/v1/realtime?intent=transcription');
  });
});
