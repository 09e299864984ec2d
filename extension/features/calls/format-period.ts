import type { Language } from '../../lib/settings';

/**
 * A dashboard period as people say it: the month ("styczeń 2026") or the week by its first day
 * ("od 5 sty 2026"). The API sends `yyyy-mm` or a `yyyy-mm-dd` start, or a full ISO instant; anything else
 * is shown as sent.
 */
export function formatPeriod(period: string, kind: 'week' | 'month', lang: Language): { text: string; weekOf: boolean } {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(period);
  if (!match) return { text: period, weekOf: false };
  const [, year, month, day = '01'] = match;
  // Noon UTC: the same calendar day in every time zone the dealership could be in.
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 12));
  if (Number.isNaN(date.getTime())) return { text: period, weekOf: false };
  if (kind === 'month') return { text: date.toLocaleDateString(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }), weekOf: false };
  return { text: date.toLocaleDateString(lang, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }), weekOf: true };
}
