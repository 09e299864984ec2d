import type { CallFilters } from '@sufler/shared';
import type { Language } from '../../lib/settings';

/**
 * The XLSX export's query string: the language, then each filter that is set, in a fixed order so the same
 * filters always make the same address. Numbers go as decimal text; the API parses them back.
 */
export function exportQuery(filters: CallFilters, lang: Language): string {
  const params = new URLSearchParams({ lang });
  const keys: (keyof CallFilters)[] = ['from', 'to', 'consultantId', 'clientId', 'scorecardKey', 'minScore', 'maxScore', 'status', 'q'];
  for (const key of keys) {
    const value = filters[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params.toString();
}

/** The file name from a Content-Disposition header (RFC 6266, `filename*` first), or `fallback`. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!.trim());
    } catch {
      // A malformed escape: try the plain form.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}
