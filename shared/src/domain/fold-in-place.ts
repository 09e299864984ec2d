/** Letters that Unicode decomposition leaves whole (ł has no combining form). */
const EXTRA: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', Ø: 'o', đ: 'd', Đ: 'd' };
const cache = new Map<string, string>();

function foldChar(c: string): string {
  let folded = cache.get(c);
  if (folded === undefined) {
    const candidate = (EXTRA[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '')).toLowerCase();
    // A letter that would fold to more or fewer characters (ß → ss, İ → i̇) stays as it is.
    folded = candidate.length === 1 ? candidate : c;
    if (cache.size < 4096) cache.set(c, folded);
  }
  return folded;
}

/**
 * Folds text for pattern matching without moving anything: lower case, Polish diacritics removed,
 * one character for one character. A regular expression can then be written once, without
 * diacritics ("do konca miesiaca"), and what it finds is quoted from the original at the same
 * offsets. Pass NFC text: a separate combining mark is left in place.
 */
export function foldInPlace(text: string): string {
  // Only upper-case ASCII and non-ASCII characters need work.
  return text.replace(/[A-Z\u0080-\uffff]/g, foldChar);
}
