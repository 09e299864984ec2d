import { foldForSearch } from './fold-for-search';

/**
 * Text split into folded words, ready for matching many terms against it. `original` keeps each
 * word as written and `spans` where it stands in `text`, so a match can quote the client exactly.
 */
export type Words = { words: string[]; original: string[]; spans: [start: number, end: number][]; text: string };

// Combining marks belong to the word: decomposed (NFD) text, as some macOS apps paste it, would
// otherwise split "próbną" into "pro" and "bna".
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** Splits text into folded words (lower case, no diacritics) and keeps the original spelling beside them. */
export function toWords(text: string): Words {
  const found = [...text.matchAll(WORD)];
  const original = found.map((m) => m[0]);
  const spans = found.map((m): [number, number] => [m.index, m.index + m[0].length]);
  return { words: original.map(foldForSearch), original, spans, text };
}

type CompiledTerm = { parts: { stem: string; prefix: boolean }[] };
const cache = new Map<string, CompiledTerm>();

function compile(term: string): CompiledTerm {
  let compiled = cache.get(term);
  if (!compiled) {
    const parts = foldForSearch(term)
      .split(/[\s\-.]+/)
      .filter(Boolean)
      .map((part) => (part.endsWith('*') ? { stem: part.slice(0, -1), prefix: true } : { stem: part, prefix: false }));
    compiled = { parts };
    cache.set(term, compiled);
  }
  return compiled;
}

/** Where a term first occurs: the indexes of its first word and of the word after its last, or null. */
export function findTerm(term: string, text: Words): { start: number; end: number } | null {
  const { parts } = compile(term);
  if (parts.length === 0) return null;
  const { words } = text;
  outer: for (let i = 0; i + parts.length <= words.length; i++) {
    for (let j = 0; j < parts.length; j++) {
      const word = words[i + j]!;
      const { stem, prefix } = parts[j]!;
      if (prefix ? !word.startsWith(stem) : word !== stem) continue outer;
    }
    return { start: i, end: i + parts.length };
  }
  return null;
}

/** The client's own spelling of words `start` to `end` (exclusive): "0-100", "ID.4", "jazdę próbną". */
export function quoteWords(text: Words, start: number, end: number): string {
  return text.text.slice(text.spans[start]![0], text.spans[end - 1]![1]).replace(/\s+/g, ' ');
}

/**
 * Finds a term in the words, Polish-inflection style: each word of the term is a stem, and a
 * trailing `*` accepts any ending (`leasing*` matches "leasingu", "leasingiem"); diacritics are
 * optional on both sides. A multi-word term must match consecutive words. Returns the matched
 * words as the client wrote them, separators included ("0-100", "ID.4"), or null.
 */
export function matchTerm(term: string, text: Words): string | null {
  const found = findTerm(term, text);
  return found && quoteWords(text, found.start, found.end);
}
