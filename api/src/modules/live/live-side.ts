import { createUtteranceCutter, hallucinationReason, LIVE_SAMPLE_RATE, type Speaker } from '@sufler/shared';
import type { SpeechClassifier } from '../calls/ports';
import type { LiveTranscriberStream } from './ports';

/** A finished utterance of one side, transcribed (text may be '' when nothing usable was said). */
export type SideUtterance = { speaker: Speaker; startMs: number; endMs: number; text: string; dropped: string | null; speechEndAt: number };

const SAMPLES_PER_MS = LIVE_SAMPLE_RATE / 1000;
/** Audio kept behind the cutter: the longest utterance plus its pre-roll, with room to spare. */
const KEEP_MS = 20_000;
const PROMPT_CHARS = 200;

/**
 * One side of a live meeting (the consultant's microphone, or the client's tab): its audio goes through the
 * voice-activity classifier frame by frame, the cutter turns probabilities into utterances, and each finished
 * utterance is transcribed (in order, one at a time per side) and checked for Whisper's known hallucinations.
 *
 * `offsetMs` is where this side's audio starts in the recording (a resumed session starts past zero).
 */
export function createLiveSide(options: {
  speaker: Speaker;
  classifier: SpeechClassifier;
  transcriber: LiveTranscriberStream | null;
  offsetMs: number;
  endSilenceMs: number;
  now: () => number;
  onUtterance: (utterance: SideUtterance) => void;
  onError: (error: unknown) => void;
}) {
  const { speaker, classifier } = options;
  const cutter = createUtteranceCutter({ minSilenceMs: options.endSilenceMs });
  const frameMs = (classifier.frameSamples / LIVE_SAMPLE_RATE) * 1000;
  // Kept audio: `kept` holds samples from `keptFrom` (absolute sample index) on.
  let kept = new Int16Array(0);
  let keptFrom = Math.round(options.offsetMs * SAMPLES_PER_MS);
  let pending = new Int16Array(0);
  let openSince: number | null = null;
  let prompt = '';
  let chain: Promise<void> = Promise.resolve();
  let inflight = 0;
  // Stop: nothing more will come on this side, so nothing is left to wait for past its end.
  let flushed = false;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of waiters) w();
  };

  const positionMs = () => options.offsetMs + cutter.positionMs;

  function keep(samples: Int16Array) {
    const joined = new Int16Array(kept.length + samples.length);
    joined.set(kept);
    joined.set(samples, kept.length);
    const excess = joined.length - KEEP_MS * SAMPLES_PER_MS;
    if (excess > 0) {
      kept = joined.slice(excess);
      keptFrom += excess;
    } else kept = joined;
  }

  function slice(startMs: number, endMs: number): Int16Array {
    const from = Math.max(0, Math.round(startMs * SAMPLES_PER_MS) - keptFrom);
    const to = Math.max(from, Math.min(kept.length, Math.round(endMs * SAMPLES_PER_MS) - keptFrom));
    return kept.slice(from, to);
  }

  function finish(startMs: number, endMs: number) {
    const samples = slice(startMs, endMs);
    const speechEndAt = options.now();
    inflight++;
    chain = chain
      .then(async () => {
        const text = options.transcriber && samples.length ? (await options.transcriber.transcribe({ samples, startMs, prompt: prompt || undefined })).trim() : '';
        const dropped = text ? hallucinationReason(text, { durationMs: endMs - startMs }) : null;
        if (text && !dropped) prompt = `${prompt} ${text}`.slice(-PROMPT_CHARS).trim();
        options.onUtterance({ speaker, startMs, endMs, text, dropped, speechEndAt });
      })
      .catch(options.onError)
      .finally(() => {
        inflight--;
        notify();
      });
  }

  function handle(events: ReturnType<typeof cutter.push>) {
    for (const event of events) {
      if (event.type === 'start') openSince = options.offsetMs + event.startMs;
      else {
        openSince = null;
        finish(options.offsetMs + event.startMs, options.offsetMs + event.endMs);
      }
    }
  }

  return {
    speaker,
    /** Where this side's cutter is, in ms of the recording. */
    get positionMs() {
      return positionMs();
    },
    /** Takes the next samples of this side (16 kHz mono). */
    async push(samples: Int16Array): Promise<void> {
      keep(samples);
      const joined = new Int16Array(pending.length + samples.length);
      joined.set(pending);
      joined.set(samples, pending.length);
      let at = 0;
      for (; at + classifier.frameSamples <= joined.length; at += classifier.frameSamples) {
        const probability = await classifier.classify(joined.subarray(at, at + classifier.frameSamples));
        handle(cutter.push(probability, frameMs));
      }
      pending = joined.slice(at);
      notify();
    },
    /** Ends the open utterance, if any (Stop), and waits until every utterance is transcribed. */
    async flush(): Promise<void> {
      handle(cutter.flush());
      flushed = true;
      notify();
      await chain;
    },
    /**
     * Resolves once nothing this side heard up to `ms` is still unsaid: the cutter is past it, no utterance
     * that began before it is open, and no transcription is in flight; or after `timeoutMs`.
     * The echo check waits on the client side this way before judging a consultant utterance.
     */
    settledThrough(ms: number, timeoutMs: number): Promise<void> {
      const settled = () => (flushed || positionMs() >= ms) && (openSince === null || openSince > ms) && inflight === 0;
      if (settled()) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          if (!settled()) return;
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(done);
          resolve();
        }, timeoutMs);
        waiters.add(done);
      });
    },
  };
}

export type LiveSide = ReturnType<typeof createLiveSide>;
