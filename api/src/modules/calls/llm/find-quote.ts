import { quoteWords, toWords } from '@sufler/shared';

/** What a model sometimes copies along with the words: the line's "[12] 03:25 CONSULTANT:" prefix. */
const LINE_PREFIX = /^\s*(?:\[\d+\]\s*)?(?:\d{1,3}:\d{2}\s*)?(?:CLIENT|CONSULTANT|UNKNOWN)?\s*:?\s*/;

/**
 * Where a model's quote stands in a segment's text, compared word by word on folded text (case,
 * diacritics and punctuation aside), "…" or "..." allowed between parts in order. Returns the
 * segment's own wording of the quoted stretch, or null when the words are not there: a quote the
 * model made up.
 */
export function findQuote(quote: string, text: string): string | null {
  const parts = quote
    .replace(LINE_PREFIX, '')
    .split(/\.{3}|…/)
    .map((part) => toWords(part).words)
    .filter((words) => words.length > 0);
  if (parts.length === 0) return null;
  const words = toWords(text);
  let from = 0;
  let first = -1;
  for (const part of parts) {
    const at = indexOfRun(words.words, part, from);
    if (at === -1) return null;
    if (first === -1) first = at;
    from = at + part.length;
  }
  return quoteWords(words, first, from);
}

function indexOfRun(words: readonly string[], run: readonly string[], from: number): number {
  outer: for (let i = from; i + run.length <= words.length; i++) {
    for (let j = 0; j < run.length; j++) if (words[i + j] !== run[j]) continue outer;
    return i;
  }
  return -1;
}
