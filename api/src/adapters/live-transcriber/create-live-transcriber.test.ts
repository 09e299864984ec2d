import { describe, expect, test } from 'vitest';
import { loadEnv } from '../../env';
import type { Transcriber } from '../../modules/calls/ports';
import { createLiveTranscriber } from './create-live-transcriber';

const batch: Transcriber = { transcribe: () => Promise.reject(new Error('not called')) };

describe('createLiveTranscriber', () => {
  test.each([
    ['chunked by default, over the batch transcriber', {}, batch, 'chunked'],
    ['chunked without a batch transcriber: none', {}, null, null],
    ['realtime over TRANSCRIBE_REALTIME_URL', { TRANSCRIBE_LIVE: 'realtime', TRANSCRIBE_REALTIME_URL: 'ws://127.0.0.1:8000/v1/realtime' }, null, 'realtime'],
    ['realtime falls back to TRANSCRIBE_URL', { TRANSCRIBE_LIVE: 'realtime', TRANSCRIBE_URL: 'http://127.0.0.1:8000' }, null, 'realtime'],
    ['realtime with no URL at all: none', { TRANSCRIBE_LIVE: 'realtime' }, batch, null],
  ])('%s', (_name, vars, transcriber, kind) => {
    expect(createLiveTranscriber(loadEnv(vars), transcriber)?.kind ?? null).toBe(kind);
  });

  test('the env refuses an unknown mode and takes ws:// and http(s):// Realtime URLs', () => {
    expect(() => loadEnv({ TRANSCRIBE_LIVE: 'streaming' })).toThrow(/TRANSCRIBE_LIVE/);
    expect(() => loadEnv({ TRANSCRIBE_REALTIME_URL: 'not a url' })).toThrow(/TRANSCRIBE_REALTIME_URL/);
    expect(loadEnv({ TRANSCRIBE_REALTIME_URL: 'wss://api.openai.com/v1/realtime' }).TRANSCRIBE_REALTIME_URL).toBe('wss://api.openai.com/v1/realtime');
    expect(loadEnv({}).TRANSCRIBE_LIVE).toBe('chunked');
  });
});
