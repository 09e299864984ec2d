import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { readWavInfo } from '../doubles/wav';
import { createOpenAiTranscriber } from '../../src/adapters/transcriber/openai-transcriber';
import { createChunkedLiveTranscriber } from '../../src/adapters/live-transcriber/chunked-live-transcriber';
import { createRealtimeLiveTranscriber } from '../../src/adapters/live-transcriber/realtime-live-transcriber';
import { resampleLinear } from '../../src/audio/resample-linear';
import { TranscriberError } from '../../src/modules/calls/ports';
import type { LiveTranscriber } from '../../src/modules/live/ports';

/**
 * Contract tests of the LiveTranscriber adapters against real servers, on real Polish speech: the
 * chunked one when TRANSCRIBE_URL is set, the realtime one when TRANSCRIBE_REALTIME_URL is (speaches'
 * `/v1/realtime` or OpenAI's); TRANSCRIBE_API_KEY, TRANSCRIBE_MODEL and TRANSCRIBE_REALTIME_MODEL as the
 * app reads them. The doubles' own tests sit beside each adapter.
 *
 *   TRANSCRIBE_REALTIME_URL=http://127.0.0.1:8000 TRANSCRIBE_REALTIME_MODEL=Systran/faster-whisper-small \
 *   npx vitest run api/test/contract/live-transcriber.contract.test.ts
 */
const chunkedUrl = process.env.TRANSCRIBE_URL;
const realtimeUrl = process.env.TRANSCRIBE_REALTIME_URL;
const apiKey = process.env.TRANSCRIBE_API_KEY || undefined;
const model = process.env.TRANSCRIBE_MODEL || 'whisper-1';
const realtimeModel = process.env.TRANSCRIBE_REALTIME_MODEL || model;
const SLOW = 180_000; // a cold server loads its model first

// The consultant's first turn (0–6.6 s) from the left channel of the synthetic Polish call, at 16 kHz.
const FIXTURE = new URL('../fixtures/calls/dialogue_pl_stereo_8k.wav', import.meta.url);
const utterance = consultantTurn(new Uint8Array(readFileSync(FIXTURE)), 6800);

function contractCases(make: (timeoutMs?: number) => LiveTranscriber) {
  const open = (transcriber: LiveTranscriber) => transcriber.open({ side: 'CONSULTANT', language: 'pl', signal: new AbortController().signal });

  test('transcribes an utterance of Polish speech, then silence as nothing', { timeout: SLOW }, async () => {
    const stream = await open(make());
    try {
      const text = await stream.transcribe({ samples: utterance, startMs: 0, prompt: 'Tesla, Warszawa' });
      expect(text.trim()).not.toBe('');
      expect(text).toMatch(/[a-ząćęłńóśźż]{3,}/iu);
      expect(await stream.transcribe({ samples: new Int16Array(16_000), startMs: 7000 })).toBe('');
    } finally {
      await stream.close();
    }
  });

  test('answers two utterances in order on one stream', { timeout: SLOW }, async () => {
    const stream = await open(make());
    try {
      const half = utterance.length >> 1;
      const [first, second] = await Promise.all([
        stream.transcribe({ samples: utterance.subarray(0, half), startMs: 0 }),
        stream.transcribe({ samples: utterance.subarray(half), startMs: 3400 }),
      ]);
      expect(first.trim()).not.toBe('');
      expect(second.trim()).not.toBe('');
    } finally {
      await stream.close();
    }
  });

  test('an utterance that outlives its timeout fails as a transient TranscriberError', { timeout: SLOW }, async () => {
    // The realtime adapter times the connection too, so it may fail at open; either is a timeout.
    const error = await open(make(1))
      .then((stream) => stream.transcribe({ samples: utterance, startMs: 0 }).finally(() => stream.close()))
      .then(() => expect.unreachable('should have timed out'), (caught: unknown) => caught);
    expect(error).toBeInstanceOf(TranscriberError);
    expect(error).toMatchObject({ code: 'timeout', transient: true });
  });
}

describe.skipIf(!chunkedUrl)('LiveTranscriber contract: chunked over a real server at TRANSCRIBE_URL (skipped without TRANSCRIBE_URL)', () => {
  contractCases((timeoutMs = 120_000) => createChunkedLiveTranscriber(createOpenAiTranscriber({ url: chunkedUrl!, model, language: 'pl', timeoutMs, ...(apiKey && { apiKey }) })));
});

describe.skipIf(!realtimeUrl)('LiveTranscriber contract: realtime over a real server at TRANSCRIBE_REALTIME_URL (skipped without TRANSCRIBE_REALTIME_URL)', () => {
  contractCases((timeoutMs = 120_000) => createRealtimeLiveTranscriber({ url: realtimeUrl!, model: realtimeModel, timeoutMs, ...(apiKey && { apiKey }) }));

  test.skipIf(!apiKey)('refuses a wrong API key at open, permanently (skipped when the server needs no TRANSCRIBE_API_KEY)', { timeout: SLOW }, async () => {
    const error = await createRealtimeLiveTranscriber({ url: realtimeUrl!, model: realtimeModel, timeoutMs: 30_000, apiKey: 'sk-sufler-contract-wrong-key' })
      .open({ side: 'CLIENT', language: 'pl', signal: new AbortController().signal })
      .then(() => expect.unreachable('should have been refused'), (caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'rejected', transient: false });
  });
});

/** The left channel of the 8 kHz fixture up to `endMs`, at 16 kHz as the live module sends it. */
function consultantTurn(wav: Uint8Array, endMs: number): Int16Array {
  const info = readWavInfo(wav);
  if (!info || info.bitsPerSample !== 16) throw new Error('the fixture is not a 16-bit PCM WAV');
  const view = new DataView(wav.buffer, wav.byteOffset + info.dataOffset, info.dataBytes);
  const frames = Math.min(Math.round((endMs / 1000) * info.sampleRate), info.dataBytes / (2 * info.channels));
  const left = Int16Array.from({ length: frames }, (_, i) => view.getInt16(i * 2 * info.channels, true));
  return resampleLinear(left, info.sampleRate, 16_000);
}
