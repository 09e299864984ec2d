import { encodeWav } from '../../audio/encode-wav';
import { DEFAULT_MIN_RMS_DB, rmsDbfs } from '../../audio/rms-dbfs';
import { TranscriberError, type Transcriber } from '../../modules/calls/ports';
import type { LiveTranscriber, LiveTranscriberStream } from '../../modules/live/ports';
import { createSerialQueue } from './serialize';

export type ChunkedLiveTranscriberOptions = {
  /** Utterances quieter than this (RMS, dBFS) are judged silence and never sent; default -50. */
  minRmsDb?: number;
};

const SAMPLE_RATE = 16_000;
/** Whisper reads only the last ~224 tokens of a prompt; the tail of the side's text is what helps. */
const PROMPT_CHARS = 200;

/**
 * Near-live transcription over a batch server: one `POST /v1/audio/transcriptions` (through the
 * batch Transcriber) per utterance the live module cut, as a 16 kHz mono WAV. Works with every
 * OpenAI-compatible server, whisper.cpp's included, which has no streaming endpoint.
 */
export function createChunkedLiveTranscriber(transcriber: Transcriber, options: ChunkedLiveTranscriberOptions = {}): LiveTranscriber {
  const minRmsDb = options.minRmsDb ?? DEFAULT_MIN_RMS_DB;
  return {
    kind: 'chunked',
    open({ side, language, signal }) {
      const closed = new AbortController();
      const stopped = AbortSignal.any([signal, closed.signal]);
      const enqueue = createSerialQueue();
      const stream: LiveTranscriberStream = {
        transcribe({ samples, startMs, prompt }) {
          return enqueue(async () => {
            if (stopped.aborted) {
              throw new TranscriberError({ code: 'aborted', message: `The ${side} live transcription stream is closed`, cause: stopped.reason });
            }
            if (samples.length === 0 || rmsDbfs(samples) < minRmsDb) return '';
            const tail = prompt?.trim() ? lastChars(prompt.trim(), PROMPT_CHARS) : undefined;
            const result = await transcriber.transcribe(
              { audio: encodeWav(samples, SAMPLE_RATE), filename: `${side.toLowerCase()}-${Math.round(startMs)}.wav`, language, ...(tail && { prompt: tail }) },
              stopped,
            );
            return result.text.trim();
          });
        },
        async close() {
          closed.abort(new Error('live transcription stream closed'));
        },
      };
      return Promise.resolve(stream);
    },
  };
}

/** The last `max` characters, starting at a word where one starts near the cut. */
function lastChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(-max);
  const space = cut.indexOf(' ');
  return space >= 0 && space < 40 ? cut.slice(space + 1) : cut;
}
