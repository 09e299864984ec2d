import type { CallFilters, CallStatus } from '@sufler/shared';

/** The filter fields as typed (strings, '' for "any"): the form's UI state. */
export interface FilterForm {
  /** yyyy-mm-dd from a date input, in the user's time zone. */
  from: string;
  to: string;
  consultantId: string;
  scorecardKey: string;
  minScore: string;
  maxScore: string;
  status: '' | CallStatus;
  q: string;
}

export const EMPTY_FILTER_FORM: FilterForm = {
  from: '',
  to: '',
  consultantId: '',
  scorecardKey: '',
  minScore: '',
  maxScore: '',
  status: '',
  q: '',
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The start (or the last millisecond) of a local calendar day as an ISO instant; null for a bad date. */
function dayBoundary(day: string, end: boolean): string | undefined {
  if (!DAY.test(day)) return undefined;
  const date = new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function score(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : undefined;
}

/**
 * The API's filters from the form: empty fields are left out, days become the whole local day, scores are
 * kept within 0…100 (a reversed range is put the right way round), and a search shorter than 2 characters
 * (the API's minimum) is not sent yet.
 */
export function toCallFilters(form: FilterForm): CallFilters {
  let minScore = score(form.minScore);
  let maxScore = score(form.maxScore);
  if (minScore !== undefined && maxScore !== undefined && minScore > maxScore) [minScore, maxScore] = [maxScore, minScore];
  const q = form.q.trim();
  const filters: CallFilters = {
    from: dayBoundary(form.from, false),
    to: dayBoundary(form.to, true),
    consultantId: form.consultantId || undefined,
    scorecardKey: form.scorecardKey || undefined,
    minScore,
    maxScore,
    status: form.status || undefined,
    q: q.length >= 2 ? q : undefined,
  };
  // Without the undefined keys, so query keys and export addresses compare equal for equal filters.
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as CallFilters;
}
