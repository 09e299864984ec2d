export type UtteranceCutterOptions = {
  /** A frame at or above this probability is speech (default 0.5). */
  threshold?: number;
  /** A frame below this is silence; in between, a frame neither extends speech nor starts the silence clock (default 0.35). */
  negThreshold?: number;
  /** Silence this long ends an utterance: the end-of-utterance wait (default 500 ms). */
  minSilenceMs?: number;
  /** Speech frames an utterance needs before it counts; fewer are a click or a cough (default 250 ms). */
  minSpeechMs?: number;
  /** An utterance is cut here even while speech goes on, so the transcript keeps flowing (default 15 000 ms). */
  maxUtteranceMs?: number;
  /** Utterances start this much before their first speech frame: soft onsets (default 200 ms). */
  preRollMs?: number;
  /** …and end this much after the silence began: word endings (default 100 ms). */
  padEndMs?: number;
};

/**
 * `start`: an utterance is under way (emitted once it has `minSpeechMs` of speech, with its start moved back to
 * the first speech frame less the pre-roll). `end`: it is over; `forced` when `maxUtteranceMs` cut it.
 * Every `start` is followed by exactly one `end` (at the latest on `flush`). Times are integer ms from the
 * start of the stream.
 */
export type UtteranceEvent = { type: 'start'; startMs: number } | { type: 'end'; startMs: number; endMs: number; forced: boolean };

export type UtteranceCutter = {
  /** Takes the next frame's speech probability (0…1) and its length; returns what it settled. */
  push(probability: number, frameMs: number): UtteranceEvent[];
  /** The stream ended (or paused): ends an utterance under way; one still short of `minSpeechMs` is dropped. */
  flush(): UtteranceEvent[];
  /** Audio pushed so far, in ms. */
  readonly positionMs: number;
};

const DEFAULTS: Required<UtteranceCutterOptions> = {
  threshold: 0.5,
  negThreshold: 0.35,
  minSilenceMs: 500,
  minSpeechMs: 250,
  maxUtteranceMs: 15_000,
  preRollMs: 200,
  padEndMs: 100,
};

type State =
  | { kind: 'idle' }
  /** Speech began at `firstMs` but is still short of `minSpeechMs`: nothing emitted yet. */
  | { kind: 'candidate'; firstMs: number; speechMs: number; silenceSinceMs: number | null }
  | { kind: 'active'; startMs: number; silenceSinceMs: number | null };

/**
 * End-of-utterance detection for a live stream: turns per-frame speech probabilities (from any
 * `SpeechClassifier`, Silero or the energy one) into utterances, the units that are sent for
 * transcription. The rules are those of Silero's VAD iterator: hysteresis between `threshold` and
 * `negThreshold`, an utterance ends after `minSilenceMs` of silence, and speech bursts shorter than
 * `minSpeechMs` are dropped without a trace (no `start` is emitted until that much speech has been
 * heard, so every `start` gets its `end`). A long monologue is cut at `maxUtteranceMs` (a forced `end`)
 * and, if speech goes on, a new utterance starts at the cut at once. Consecutive utterances never overlap.
 */
export function createUtteranceCutter(options: UtteranceCutterOptions = {}): UtteranceCutter {
  const o = { ...DEFAULTS, ...options };
  let positionMs = 0;
  let lastEndMs = 0;
  let state: State = { kind: 'idle' };

  const end = (startMs: number, endMs: number, forced: boolean): UtteranceEvent => {
    lastEndMs = Math.max(lastEndMs, Math.round(endMs));
    return { type: 'end', startMs, endMs: Math.round(endMs), forced };
  };
  const endAtSilence = (startMs: number, silenceSinceMs: number | null) =>
    end(startMs, Math.min(positionMs, silenceSinceMs === null ? positionMs : silenceSinceMs + o.padEndMs), false);

  return {
    get positionMs() {
      return positionMs;
    },
    push(probability, frameMs) {
      if (!(frameMs >= 0) || !Number.isFinite(frameMs)) throw new RangeError(`frameMs must be a finite length, got ${frameMs}.`);
      const events: UtteranceEvent[] = [];
      const p = Number.isNaN(probability) ? 0 : probability;
      const speech = p >= o.threshold;
      const silent = p < o.negThreshold;
      // Cut before the frame that would take the utterance past its limit, so none is longer than maxUtteranceMs;
      // when this frame is speech the next utterance starts at the cut, or else the cutter waits for speech again.
      if (state.kind === 'active' && positionMs > state.startMs && positionMs + frameMs - state.startMs > o.maxUtteranceMs) {
        events.push(end(state.startMs, positionMs, true));
        state = { kind: 'idle' };
        if (speech) {
          state = { kind: 'active', startMs: Math.round(positionMs), silenceSinceMs: null };
          events.push({ type: 'start', startMs: state.startMs });
        }
      }
      const frameStartMs = positionMs;
      positionMs += frameMs;

      if (state.kind === 'idle') {
        if (speech) state = { kind: 'candidate', firstMs: frameStartMs, speechMs: 0, silenceSinceMs: null };
        else return events;
      }
      if (speech) state.silenceSinceMs = null;
      else if (silent && state.silenceSinceMs === null) state.silenceSinceMs = frameStartMs;
      const silenceOver = state.silenceSinceMs !== null && positionMs - state.silenceSinceMs >= o.minSilenceMs;

      if (state.kind === 'candidate') {
        if (speech) state.speechMs += frameMs;
        if (state.speechMs >= o.minSpeechMs) {
          const startMs = Math.round(Math.max(0, lastEndMs, state.firstMs - o.preRollMs));
          state = { kind: 'active', startMs, silenceSinceMs: state.silenceSinceMs };
          events.push({ type: 'start', startMs });
        } else if (silenceOver) state = { kind: 'idle' };
      } else if (silenceOver) {
        events.push(endAtSilence(state.startMs, state.silenceSinceMs));
        state = { kind: 'idle' };
      }
      return events;
    },
    flush() {
      const events = state.kind === 'active' ? [endAtSilence(state.startMs, state.silenceSinceMs)] : [];
      state = { kind: 'idle' };
      return events;
    },
  };
}
