import type { ConsultantMetrics, Speaker } from '../../schemas/call';
import { toWords } from '../match-terms';
import { isQuestion, splitSentences } from './split-sentences';

/** What the metrics read of a transcript segment. */
export type MetricsSegment = { speaker: Speaker | null; startMs: number; endMs: number; text: string };

/** Consultant segments closer than this are one monologue: a breath is not a turn. */
export const MONOLOGUE_GAP_MS = 1_500;
/** The consultant must talk over the client this long to count as interrupting (not a slightly early start). */
export const INTERRUPTION_OVERLAP_MS = 200;

/** Acknowledgements said over the client ("mhm", "tak", "rozumiem"): listening, not interrupting. */
const BACKCHANNEL = new Set('mhm mhmm hmm aha yhm yhym uhm um tak no ok okej okay dobrze rozumiem jasne yes yeah yep right sure'.split(' '));
const isBackchannel = (text: string) => {
  const { words } = toWords(text);
  return words.length > 0 && words.length <= 3 && words.every((w) => BACKCHANNEL.has(w));
};

const duration = (s: MetricsSegment) => Math.max(0, s.endMs - s.startMs);
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Longest run of consultant speech; a client turn that outlasts the run ends it, a backchannel inside it does not. */
function longestMonologue(segments: readonly MetricsSegment[]): number {
  let longest = 0;
  let run: { start: number; end: number } | null = null;
  for (const s of segments) {
    if (s.speaker === 'CONSULTANT') {
      if (run && s.startMs - run.end < MONOLOGUE_GAP_MS) run.end = Math.max(run.end, s.endMs);
      else run = { start: s.startMs, end: s.endMs };
      longest = Math.max(longest, run.end - run.start);
    } else if (run && (s.speaker === null || s.endMs > run.end)) {
      // The other side (or an unknown voice) took the floor.
      run = null;
    }
  }
  return longest;
}

/** Consultant turns that start while a client turn is under way and overlap it by at least 200 ms. */
function interruptions(segments: readonly MetricsSegment[]): number {
  const clients = segments.filter((s) => s.speaker === 'CLIENT');
  // Latest end among the client turns begun so far: the turn still going, if any.
  const latestEnd: number[] = [];
  for (const [i, s] of clients.entries()) latestEnd.push(Math.max(s.endMs, latestEnd[i - 1] ?? -Infinity));
  let count = 0;
  for (const s of segments) {
    if (s.speaker !== 'CONSULTANT') continue;
    // The last client turn that began strictly before this one (starting together is no interruption).
    let lo = 0;
    let hi = clients.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (clients[mid]!.startMs < s.startMs) lo = mid + 1;
      else hi = mid;
    }
    const clientEnd = lo > 0 ? latestEnd[lo - 1]! : -Infinity;
    if (Math.min(s.endMs, clientEnd) - s.startMs >= INTERRUPTION_OVERLAP_MS && !isBackchannel(s.text)) count++;
  }
  return count;
}

/**
 * Behavioural metrics of the CONSULTANT side of a call: how much and how they talk, never what
 * they feel (no emotion or sentiment about employees, EU AI Act art. 5(1)(f)). Unlabelled
 * segments count for nothing but break a monologue.
 * - talk ratio: consultant speech time / all labelled speech time (0 without labelled speech);
 * - longest monologue: consecutive consultant segments with gaps under 1.5 s merged, in ms;
 * - interruptions: consultant segments that start while a client segment is still going and
 *   overlap it by ≥ 200 ms ("mhm", "tak", "rozumiem" said over the client are listening, not that);
 * - words per minute over the consultant's own speech time;
 * - questions: consultant sentences ending with "?" or opening with a question word ("czy",
 *   "jaki", "ile", "kiedy", "what", "how"…), since transcripts miss punctuation.
 * Segments may come in any order; the work is a sort and a pass, so a 60-minute call takes milliseconds.
 */
export function consultantMetrics(segments: readonly MetricsSegment[]): ConsultantMetrics {
  const sorted = [...segments].sort((a, b) => a.startMs - b.startMs || a.endMs - b.endMs);
  let consultantMs = 0;
  let clientMs = 0;
  let words = 0;
  let questions = 0;
  for (const s of sorted) {
    if (s.speaker === 'CLIENT') clientMs += duration(s);
    if (s.speaker !== 'CONSULTANT') continue;
    consultantMs += duration(s);
    for (const sentence of splitSentences(s.text)) {
      const sentenceWords = toWords(sentence.text);
      words += sentenceWords.words.length;
      if (isQuestion(sentence, sentenceWords)) questions++;
    }
  }
  const speechMs = consultantMs + clientMs;
  return {
    talkRatio: speechMs > 0 ? round(consultantMs / speechMs, 3) : 0,
    longestMonologueMs: Math.round(longestMonologue(sorted)),
    interruptions: interruptions(sorted),
    wordsPerMinute: consultantMs > 0 ? round(words / (consultantMs / 60_000), 1) : 0,
    questions,
  };
}
