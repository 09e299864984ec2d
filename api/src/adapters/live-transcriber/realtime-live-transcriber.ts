import { resampleLinear } from '../../audio/resample-linear';
import { DEFAULT_MIN_RMS_DB, rmsDbfs } from '../../audio/rms-dbfs';
import { TranscriberError } from '../../modules/calls/ports';
import type { LiveTranscriber, LiveTranscriberStream } from '../../modules/live/ports';
import { connectRealtime, type RealtimeConnection } from './realtime-connection';
import { createSerialQueue } from './serialize';

export type RealtimeLiveTranscriberOptions = {
  /** `ws(s)://host/v1/realtime`, or an `http(s)://` base (with or without `/v1`) turned into it. */
  url: string;
  /** Sent as `Authorization: Bearer …` on the handshake. */
  apiKey?: string;
  /** The transcription model (speaches: a model id it serves; OpenAI: e.g. `gpt-4o-transcribe`). */
  model: string;
  /** For connecting and configuring, and for each utterance from its first byte to its transcript. */
  timeoutMs: number;
  /** Utterances quieter than this (RMS, dBFS) are judged silence and never sent; default -50. */
  minRmsDb?: number;
  /** Put `model` and `language` in the URL, as speaches needs; default: yes, except on `*.openai.com`. */
  modelInQuery?: boolean;
};

/** Under this the server refuses the commit (speaches' MIN_AUDIO_BUFFER_DURATION_MS, from OpenAI's). */
const MIN_UTTERANCE_SAMPLES = 1600; // 100 ms at 16 kHz

/**
 * Live transcription over the OpenAI Realtime transcription protocol (speaches' `WS /v1/realtime`,
 * OpenAI): one socket per side, turn detection off, each utterance appended as 24 kHz PCM16, committed,
 * and answered by the `…input_audio_transcription.completed` event of that item. A dropped socket is
 * reopened on the next utterance.
 */
export function createRealtimeLiveTranscriber(options: RealtimeLiveTranscriberOptions): LiveTranscriber {
  const minRmsDb = options.minRmsDb ?? DEFAULT_MIN_RMS_DB;
  const base = realtimeBase(options.url);
  const service = `Realtime transcription server at ${base}`;

  return {
    kind: 'realtime',
    async open({ language, signal }) {
      const closed = new AbortController();
      const stopped = AbortSignal.any([signal, closed.signal]);
      const connect = (callSignal: AbortSignal) =>
        connectRealtime({ url: realtimeUrl(base, options.model, language, options.modelInQuery), service, model: options.model, language, timeoutMs: options.timeoutMs, signal: callSignal, ...(options.apiKey && { apiKey: options.apiKey }) });
      const within = () => AbortSignal.any([stopped, AbortSignal.timeout(options.timeoutMs)]);

      // Connect now, so a wrong URL, key or model shows when the meeting starts, not at its first words.
      let connection: RealtimeConnection | null = await connect(within());
      const enqueue = createSerialQueue();
      stopped.addEventListener('abort', () => connection?.close(), { once: true });

      const stream: LiveTranscriberStream = {
        transcribe({ samples, prompt }) {
          return enqueue(async () => {
            if (stopped.aborted) throw new TranscriberError({ code: 'aborted', message: `${service}: the live transcription stream is closed`, cause: stopped.reason });
            if (samples.length < MIN_UTTERANCE_SAMPLES || rmsDbfs(samples) < minRmsDb) return '';
            const callSignal = within();
            if (!connection || connection.closed) connection = await connect(callSignal);
            const text = await connection.transcribe(resampleLinear(samples, 16_000, 24_000), prompt?.trim().slice(-200) || undefined, callSignal);
            return text;
          });
        },
        async close() {
          closed.abort(new Error('live transcription stream closed'));
        },
      };
      return stream;
    },
  };
}

/** The `ws(s)://…/v1/realtime` address from what TRANSCRIBE_REALTIME_URL may hold. */
export function realtimeBase(url: string): string {
  const parsed = new URL(url.trim());
  if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
  else if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
  else if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new TypeError(`not an http(s) or ws(s) URL: ${url}`);
  const path = parsed.pathname.replace(/\/+$/, '').replace(/\/realtime$/, '').replace(/\/v1$/, '');
  return `${parsed.protocol}//${parsed.host}${path}/v1/realtime`;
}

/**
 * `?intent=transcription`, plus what speaches needs: `model` (a required query parameter there, read
 * as the transcription model in this intent) and `language`. OpenAI refuses any `model` in the URL of
 * a transcription session (livekit/agents-js#1756), so its hosts get neither.
 */
export function realtimeUrl(base: string, model: string, language: string, modelInQuery?: boolean): string {
  const url = new URL(base);
  url.searchParams.set('intent', 'transcription');
  if (modelInQuery ?? !/(^|\.)openai\.com$/i.test(url.hostname)) {
    url.searchParams.set('model', model);
    url.searchParams.set('language', language);
  }
  return url.toString();
}
