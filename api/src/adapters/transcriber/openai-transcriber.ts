import { z } from 'zod';
import { postForm } from './post-form';
import { TranscriberError, type Transcriber, type Transcription } from '../../modules/calls/ports';

export type OpenAiTranscriberOptions = {
  /** TRANSCRIBE_URL: the server's root, with or without a trailing `/v1`. */
  url: string;
  /** TRANSCRIBE_API_KEY, sent as `Authorization: Bearer …`. */
  apiKey?: string;
  /** TRANSCRIBE_MODEL, e.g. `whisper-1` or `Systran/faster-whisper-large-v3`. */
  model: string;
  /** TRANSCRIBE_LANGUAGE: sent unless the call names another; Whisper guesses badly on short segments. */
  language: string;
  /** TRANSCRIBE_TIMEOUT_MS, for one call including its retry. */
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Longest `Retry-After` waited for before the one retry on 429/503 (default 2000 ms). */
  retryWaitCapMs?: number;
};

const seconds = z.union([z.number(), z.string().trim().regex(/^\d+(\.\d+)?$/).transform(Number)]).pipe(z.number().min(0));

/** OpenAI's `verbose_json` (what faster-whisper-server, speaches and whisper.cpp also answer); extra fields pass. */
const VerboseJsonSchema = z.object({
  text: z.string(),
  language: z.string().nullish(),
  duration: seconds.optional(),
  segments: z.array(z.object({ start: seconds, end: seconds, text: z.string() })).nullish(),
});

/**
 * A Transcriber over the OpenAI-compatible `POST /v1/audio/transcriptions` (OpenAI, Groq,
 * faster-whisper-server / speaches, whisper.cpp's server, LocalAI), asking for `verbose_json`
 * so the segment timestamps come back.
 */
export function createOpenAiTranscriber(options: OpenAiTranscriberOptions): Transcriber {
  const root = options.url.replace(/\/+$/, '').replace(/\/v1$/, '');
  const endpoint = `${root}/v1/audio/transcriptions`;
  const service = `Transcription server at ${root}`;
  const headers = options.apiKey ? { Authorization: `Bearer ${options.apiKey}` } : undefined;

  return {
    async transcribe(input, signal) {
      const form = () => {
        const form = new FormData();
        // A copy: Blob wants an ArrayBuffer-backed view, and the caller's may be a slice of a larger buffer.
        form.append('file', new Blob([new Uint8Array(input.audio)], { type: 'audio/wav' }), input.filename);
        form.append('model', options.model);
        form.append('language', input.language ?? options.language);
        form.append('response_format', 'verbose_json');
        form.append('temperature', '0');
        form.append('timestamp_granularities[]', 'segment');
        if (input.prompt) form.append('prompt', input.prompt);
        return form;
      };
      const body = await postForm(
        {
          service,
          url: endpoint,
          form,
          timeoutMs: options.timeoutMs,
          ...(headers && { headers }),
          ...(signal && { signal }),
          ...(options.fetch && { fetch: options.fetch }),
          ...(options.retryWaitCapMs !== undefined && { retryWaitCapMs: options.retryWaitCapMs }),
        },
        (failure) => new TranscriberError(failure),
      );
      const parsed = VerboseJsonSchema.safeParse(body);
      if (!parsed.success) {
        const message = `${service} did not answer verbose_json: ${z.prettifyError(parsed.error)}`;
        throw new TranscriberError({ code: 'bad_response', message, cause: parsed.error });
      }
      const result = toTranscription(parsed.data);
      if (!result) {
        const message = `${service} answered without a duration or segments (does it support response_format=verbose_json?)`;
        throw new TranscriberError({ code: 'bad_response', message });
      }
      return result;
    },
  };
}

/** Seconds to integer ms, segments clamped into the audio (Whisper's last end can overshoot it). */
function toTranscription(data: z.infer<typeof VerboseJsonSchema>): Transcription | null {
  const ms = (s: number) => Math.round(s * 1000);
  const text = data.text.trim();
  const language = data.language || null;
  const lastEnd = data.segments?.length ? Math.max(...data.segments.map((s) => ms(s.end))) : undefined;
  const durationMs = data.duration !== undefined ? ms(data.duration) : lastEnd;
  if (durationMs === undefined) return null;
  if (!data.segments) {
    return { text, language, durationMs, segments: text ? [{ startMs: 0, endMs: durationMs, text }] : [] };
  }
  const segments = data.segments
    .map((s) => {
      const startMs = Math.min(ms(s.start), durationMs);
      return { startMs, endMs: Math.min(Math.max(ms(s.end), startMs), durationMs), text: s.text.trim() };
    })
    .filter((s) => s.text !== '');
  return { text, language, durationMs, segments };
}
