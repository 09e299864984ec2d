import { z } from 'zod';
import { postForm } from '../transcriber/post-form';
import { DiarizerError, type Diarizer, type DiarizedTurn } from '../../modules/calls/ports';

export type HttpDiarizerOptions = {
  /** DIARIZE_URL: the service's root, with or without a trailing `/v1`. */
  url: string;
  /** For one call including its retry; diarization runs over the whole recording, so allow minutes. */
  timeoutMs: number;
  fetch?: typeof fetch;
};

const seconds = z.number().finite().min(0);

/** The answer of `POST /v1/diarize` (README.md in this folder); extra fields pass. */
const DiarizeResponseSchema = z.object({
  segments: z.array(z.object({ start: seconds, end: seconds, speaker: z.union([z.string().min(1), z.number().int()]) })),
});

/** A Diarizer over the small HTTP protocol of README.md (a wrapper around pyannote.audio, say). */
export function createHttpDiarizer(options: HttpDiarizerOptions): Diarizer {
  const root = options.url.replace(/\/+$/, '').replace(/\/v1$/, '');
  const service = `Diarization server at ${root}`;

  return {
    async diarize(input, signal) {
      const form = () => {
        const form = new FormData();
        form.append('file', new Blob([new Uint8Array(input.audio)], { type: 'audio/wav' }), input.filename);
        if (input.speakers !== undefined) form.append('num_speakers', String(input.speakers));
        return form;
      };
      const body = await postForm(
        {
          service,
          url: `${root}/v1/diarize`,
          form,
          timeoutMs: options.timeoutMs,
          ...(signal && { signal }),
          ...(options.fetch && { fetch: options.fetch }),
        },
        (failure) => new DiarizerError(failure),
      );
      const parsed = DiarizeResponseSchema.safeParse(body);
      if (!parsed.success) {
        throw new DiarizerError({ code: 'bad_response', message: `${service} did not answer { segments: [{ start, end, speaker }] }: ${z.prettifyError(parsed.error)}`, cause: parsed.error });
      }
      return parsed.data.segments
        .map((s): DiarizedTurn => {
          const startMs = Math.round(s.start * 1000);
          return { startMs, endMs: Math.max(startMs, Math.round(s.end * 1000)), speaker: String(s.speaker) };
        })
        .filter((turn) => turn.endMs > turn.startMs)
        .sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
    },
  };
}
