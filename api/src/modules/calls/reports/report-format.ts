import { CallReportError } from './call-report-error';

export type ReportLanguage = 'pl' | 'en';

export type ReportOptions = {
  language: ReportLanguage;
  /** Printed on the report and stored as its creation date; a parameter so output is reproducible. */
  generatedAt: Date;
  /** IANA zone for dates shown to people; the dealerships are Polish, so Europe/Warsaw unless told otherwise. */
  timeZone?: string;
};

export const DEFAULT_REPORT_TIME_ZONE = 'Europe/Warsaw';

/** `mm:ss` from milliseconds; minutes keep counting past 59 (a 75-minute call ends at 75:00), as players show it. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

export function toDate(iso: string | Date): Date {
  const date = iso instanceof Date ? iso : new Date(iso);
  if (Number.isNaN(date.getTime())) throw new CallReportError('BAD_DATE', `not a date: ${String(iso)}`);
  return date;
}

/** Checks the zone once, up front, so a typo is a typed error rather than a RangeError halfway through a file. */
export function resolveTimeZone(timeZone: string | undefined): string {
  const zone = timeZone ?? DEFAULT_REPORT_TIME_ZONE;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new CallReportError('BAD_TIME_ZONE', `unknown time zone: ${zone}`);
  }
  return zone;
}

/** "12.03.2025, 14:05" / "03/12/2025, 14:05" in the report's zone. */
export function createDateTimeFormatter(language: ReportLanguage, timeZone: string): (iso: string | Date) => string {
  const format = new Intl.DateTimeFormat(language === 'pl' ? 'pl-PL' : 'en-GB', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
  });
  return (iso) => format.format(toDate(iso));
}

/**
 * A Date whose UTC fields are the wall-clock time in `timeZone`. Spreadsheet dates carry no zone and
 * exceljs writes a Date's UTC fields, so this is what makes the cell show the local time.
 */
export function createWallClock(timeZone: string): (iso: string | Date) => Date {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (iso) => {
    const date = toDate(iso);
    const part = Object.fromEntries(format.formatToParts(date).map((p) => [p.type, Number(p.value)]));
    return new Date(Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!));
  };
}

export function createNumberFormatter(language: ReportLanguage, options: Intl.NumberFormatOptions): (n: number) => string {
  const format = new Intl.NumberFormat(language === 'pl' ? 'pl-PL' : 'en-GB', options);
  return (n) => format.format(n);
}
