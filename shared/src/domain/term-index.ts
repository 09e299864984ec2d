import { foldForSearch } from './fold-for-search';
import type { Words } from './match-terms';

type Part = { stem: string; prefix: boolean };
type Compiled<T> = { parts: Part[]; payload: T; order: number };

/** One place a term was found: its payload and the words it covers, `end` exclusive. */
export type TermHit<T> = { payload: T; start: number; end: number; order: number };

/** Many terms compiled once, then found together in one pass over the words. */
export type TermIndex<T> = { find(text: Pick<Words, 'words'>): TermHit<T>[] };

/** Same reading of a term as `matchTerm`: folded, split on spaces, "-" and ".", `*` = any ending. */
function compileParts(term: string): Part[] {
  return foldForSearch(term)
    .split(/[\s\-.]+/)
    .filter(Boolean)
    .map((part) => (part.endsWith('*') ? { stem: part.slice(0, -1), prefix: true } : { stem: part, prefix: false }));
}

const KEY = 3;
const NONE: readonly never[] = [];

// Every index looks words up by the same key: cut it once per text, not once per index.
const keyCache = new WeakMap<readonly string[], string[]>();
function keysOf(words: readonly string[]): string[] {
  let keys = keyCache.get(words);
  if (!keys) {
    keys = words.map((word) => word.slice(0, KEY));
    keyCache.set(words, keys);
  }
  return keys;
}

/**
 * Compiles a list of terms (knowledge-pack syntax: `leasing*`, `jazd* probn*`) into an index keyed
 * by the first three letters of each term's first word, so finding all of them costs one pass over
 * the words with a handful of candidates per word instead of terms × words. Hits come in text
 * order, and in list order where several start at the same word; every occurrence is reported.
 */
export function createTermIndex<T>(entries: readonly { term: string; payload: T }[]): TermIndex<T> {
  const long = new Map<string, Compiled<T>[]>();
  // Terms whose first stem is shorter than the key ("ok", "i4"): looked up by that many letters.
  const short = new Map<string, Compiled<T>[]>();
  const shortLengths = new Set<number>();
  entries.forEach(({ term, payload }, order) => {
    const parts = compileParts(term);
    const first = parts[0];
    if (!first || first.stem.length === 0) return;
    const isLong = first.stem.length >= KEY;
    const map = isLong ? long : short;
    const key = isLong ? first.stem.slice(0, KEY) : first.stem;
    if (!isLong) shortLengths.add(key.length);
    const bucket = map.get(key) ?? [];
    bucket.push({ parts, payload, order });
    map.set(key, bucket);
  });
  const lengths = [...shortLengths];

  const matchesAt = (words: readonly string[], i: number, parts: Part[]): boolean => {
    if (i + parts.length > words.length) return false;
    for (let j = 0; j < parts.length; j++) {
      const word = words[i + j]!;
      const { stem, prefix } = parts[j]!;
      if (prefix ? !word.startsWith(stem) : word !== stem) return false;
    }
    return true;
  };

  return {
    find({ words }) {
      const hits: TermHit<T>[] = [];
      const keys = keysOf(words);
      for (let i = 0; i < words.length; i++) {
        let candidates: readonly Compiled<T>[] = long.get(keys[i]!) ?? NONE;
        for (const length of lengths) {
          const extra = words[i]!.length >= length ? short.get(words[i]!.slice(0, length)) : undefined;
          if (extra) candidates = [...candidates, ...extra].sort((a, b) => a.order - b.order);
        }
        for (const compiled of candidates) {
          if (matchesAt(words, i, compiled.parts)) {
            hits.push({ payload: compiled.payload, start: i, end: i + compiled.parts.length, order: compiled.order });
          }
        }
      }
      return hits;
    },
  };
}
