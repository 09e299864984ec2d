import { foldForSearch } from '../fold-for-search';

export type TimedText = { startMs: number; endMs: number; text: string };

export type EchoOptions = {
  /** How far apart in time the two may be, either way: ASR boundaries and the speaker-to-mic delay (default 1500 ms). */
  maxLagMs?: number;
  /** Share of the consultant's words that must be in the client's (default 0.6). */
  minSimilarity?: number;
  /**
   * Consultant utterances with fewer words are never called an echo (default 3): "Tak" or "Dzień dobry" are
   * said by both sides, and dropping a real reply is worse than keeping a short echo.
   */
  minWords?: number;
};

/** Words are compared on this many leading letters, so that "zasięg" and "zasięgu" (inflection) match. */
const STEM_LENGTH = 5;

/**
 * Echo: without headphones the consultant's microphone picks up the client's voice from the speakers, so the
 * consultant's channel gets a second, quieter transcript of what the client said. True when the consultant's
 * utterance is one: some client utterances overlap it in time (allowing `maxLagMs` either way) and most of the
 * consultant's words (`minSimilarity`, compared on folded 5-letter stems) are among theirs. Words of all
 * overlapping client utterances count together, as an echo may straddle two of them. A reply that takes up a
 * few of the client's words ("Jaki jest zasięg zimą?" → "Tak, zasięg zimą to około 350 km") is not an echo.
 */
export function isEcho(consultant: TimedText, client: readonly TimedText[], options: EchoOptions = {}): boolean {
  const maxLagMs = options.maxLagMs ?? 1500;
  const minSimilarity = options.minSimilarity ?? 0.6;
  const minWords = options.minWords ?? 3;
  const words = stems(consultant.text);
  if (words.length === 0 || words.length < minWords) return false;
  const heard = new Set<string>();
  for (const c of client) {
    if (c.startMs - maxLagMs < consultant.endMs && consultant.startMs < c.endMs + maxLagMs) for (const w of stems(c.text)) heard.add(w);
  }
  if (heard.size === 0) return false;
  return words.filter((w) => heard.has(w)).length / words.length >= minSimilarity;
}

function stems(text: string): string[] {
  return foldForSearch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((w) => w.slice(0, STEM_LENGTH));
}
