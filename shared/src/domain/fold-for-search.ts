/** Letters that Unicode decomposition leaves whole (ł has no combining form). */
const EXTRA: Record<string, string> = { ł: 'l', Ł: 'l', ø: 'o', ß: 'ss', đ: 'd' };

/**
 * Folds text for matching: lower case, diacritics removed, whitespace collapsed, so that
 * "Łukasz Żółć" is found by "lukasz zolc" and by "ŁUKASZ".
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøßđ]/g, (c) => EXTRA[c] ?? c)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
