import type { Evidence } from '../../schemas/call';
import type { Words } from '../match-terms';

/** Where a segment's sentences end (offsets into its text) and which sentence each of its words is in. */
export type Sentences = { ends: number[]; ofWord: number[] };
/** A segment as the evidence reads it: its words, its sentences, and where it stands in time. */
export type QuotedSegment = { segment: { id: string; startMs: number }; words: Words; sentences: Sentences; order: number };
/** One unnegated occurrence of a criterion's phrase `phrase`: words `start` to `end` (exclusive) of a segment. */
export type PhraseHit = { phrase: number; at: QuotedSegment; start: number; end: number };

const MAX_QUOTE = 300;
/** A sentence this short ("Rozumiem.", "Jazda próbna?") says little on its own: the next one may finish it. */
const MIN_QUOTE = 25;
/** Words that open a sentence only as the second half of the one before: "Zapraszam na jazdę. Bo warto…". */
const CONNECTIVES = new Set(['bo', 'wiec', 'czyli', 'dlatego', 'zatem', 'because', 'which']);

/** Splits a segment into sentences at `.`, `!`, `?`, `…` before whitespace or the end ("ID.4" stays whole). */
export function toSentences(words: Words): Sentences {
  const ends = [...words.text.matchAll(/[.!?…]+(?=\s|$)/g)].map((m) => m.index + m[0].length);
  let sentence = 0;
  const ofWord = words.spans.map(([start]) => {
    while (sentence < ends.length && ends[sentence]! <= start) sentence++;
    return sentence;
  });
  return { ends, ofWord };
}

const startOf = ({ ends }: Sentences, i: number) => (i === 0 ? 0 : ends[i - 1]!);
const endOf = ({ ends }: Sentences, i: number, text: string) => ends[i] ?? text.length;
const tidy = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Characters `start`–`end` of `text`, cut to MAX_QUOTE at word boundaries around `from`–`to` when longer. */
function quoteRange(text: string, start: number, end: number, from: number, to: number): string {
  if (end - start <= MAX_QUOTE) return tidy(text.slice(start, end));
  const width = MAX_QUOTE - 2; // room for an ellipsis on each side
  let left = Math.max(start, Math.min(from, from - Math.floor((width - (to - from)) / 2)));
  const right0 = Math.min(end, left + width);
  left = Math.max(start, Math.min(from, right0 - width));
  let right = right0;
  if (left > start && /\S/.test(text[left - 1]!)) left = Math.min(from, text.indexOf(' ', left) + 1 || from);
  if (right < end && /\S/.test(text[right]!)) right = Math.max(to, text.lastIndexOf(' ', right));
  return `${left > start ? '…' : ''}${tidy(text.slice(left, right))}${right < end ? '…' : ''}`;
}

/** The sentence of one phrase occurrence (a forbidden phrase is shown where it was said, alone). */
export function quoteHit(hit: PhraseHit): Evidence {
  const { words, sentences, segment } = hit.at;
  const from = words.spans[hit.start]![0];
  const to = words.spans[hit.end - 1]![1];
  const quote = quoteRange(
    words.text,
    startOf(sentences, sentences.ofWord[hit.start]!),
    endOf(sentences, sentences.ofWord[hit.end - 1]!, words.text),
    from,
    to,
  );
  return { quote, atMs: segment.startMs, segmentId: segment.id };
}

type Candidate = { at: QuotedSegment; first: number; last: number; phrases: Set<number>; hits: PhraseHit[] };

/** Whether the sentence opening at word `opening` finishes the short quote `before`: it trails off, or opens mid-thought. */
function continues(words: Words, before: string, opening: number): boolean {
  if (/(…|\.\.\.)$/.test(before)) return true;
  return /^\p{Ll}/u.test(words.original[opening]!) || CONNECTIVES.has(words.words[opening]!);
}

/**
 * The quote that shows a criterion best: the sentence with the most distinct phrases found (the
 * earliest on a tie), so "Rozumiem." gives way to the sentence that names the range and home
 * charging. A sentence under MIN_QUOTE characters takes the next sentence of its segment along
 * when that one also holds a phrase or continues the thought. `atMs` is the segment's start.
 */
export function chooseEvidence(hits: readonly PhraseHit[]): Evidence | null {
  const candidates = new Map<string, Candidate>();
  for (const hit of [...hits].sort((a, b) => a.at.order - b.at.order || a.start - b.start)) {
    const { ofWord } = hit.at.sentences;
    const key = `${hit.at.order}:${ofWord[hit.start]}`;
    const candidate = candidates.get(key) ?? { at: hit.at, first: ofWord[hit.start]!, last: 0, phrases: new Set(), hits: [] };
    candidate.last = Math.max(candidate.last, ofWord[hit.end - 1]!);
    candidate.phrases.add(hit.phrase);
    candidate.hits.push(hit);
    candidates.set(key, candidate);
  }
  let best: Candidate | undefined;
  for (const candidate of candidates.values()) if (!best || candidate.phrases.size > best.phrases.size) best = candidate;
  if (!best) return null;

  const { at, first } = best;
  const { words, sentences } = at;
  const start = startOf(sentences, first);
  let { last, hits: shown } = best;
  const shortQuote = tidy(words.text.slice(start, endOf(sentences, last, words.text)));
  const opening = sentences.ofWord.findIndex((sentence) => sentence > last);
  if (shortQuote.length < MIN_QUOTE && opening >= 0) {
    const next = sentences.ofWord[opening]!;
    const following = candidates.get(`${at.order}:${next}`);
    if (following || continues(words, shortQuote, opening)) {
      last = Math.max(next, following?.last ?? next);
      shown = [...shown, ...(following?.hits ?? [])];
    }
  }
  // Centre a cut on all the phrases shown when they fit in one quote, else on the first.
  const from = words.spans[shown[0]!.start]![0];
  let to = Math.max(...shown.map((hit) => words.spans[hit.end - 1]![1]));
  if (to - from > MAX_QUOTE - 2) to = words.spans[shown[0]!.end - 1]![1];
  const quote = quoteRange(words.text, start, endOf(sentences, last, words.text), from, to);
  return { quote, atMs: at.segment.startMs, segmentId: at.segment.id };
}
