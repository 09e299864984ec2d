import { describe, expect, test } from 'vitest';
import { CallReportError } from './call-report-error';
import { createWallClock, formatClock, resolveTimeZone } from './report-format';
import { timeTicks } from './time-ticks';

describe('formatClock', () => {
  test.each([
    [0, '00:00'],
    [999, '00:00'],
    [12_000, '00:12'],
    [59_999, '00:59'],
    [61_000, '01:01'],
    [3_599_000, '59:59'],
    [4_500_000, '75:00'], // minutes keep counting past the hour
  ])('%i ms is %s', (ms, clock) => expect(formatClock(ms)).toBe(clock));
});

describe('createWallClock', () => {
  test.each([
    ['2025-01-15T12:00:00.000Z', 'Europe/Warsaw', Date.UTC(2025, 0, 15, 13, 0)], // CET
    ['2025-07-15T12:00:00.000Z', 'Europe/Warsaw', Date.UTC(2025, 6, 15, 14, 0)], // CEST
    ['2025-03-30T00:59:59.000Z', 'Europe/Warsaw', Date.UTC(2025, 2, 30, 1, 59, 59)], // just before the DST jump
    ['2025-03-30T01:00:00.000Z', 'Europe/Warsaw', Date.UTC(2025, 2, 30, 3, 0)],
    ['2025-07-15T23:30:00.000Z', 'UTC', Date.UTC(2025, 6, 15, 23, 30)],
  ])('%s in %s', (iso, zone, wall) => expect(createWallClock(zone)(iso).getTime()).toBe(wall));

  test('a date that is not one is a typed error', () => {
    expect(() => createWallClock('UTC')('yesterday')).toThrow(expect.objectContaining({ code: 'BAD_DATE' }));
  });
});

test('an unknown zone is a typed error; no zone means Warsaw', () => {
  expect(() => resolveTimeZone('Mars/Olympus')).toThrow(CallReportError);
  expect(resolveTimeZone(undefined)).toBe('Europe/Warsaw');
});

describe('timeTicks', () => {
  test.each([
    [0, [0]],
    [20_000, [0, 5_000, 10_000, 15_000, 20_000]],
    [60_000, [0, 10_000, 20_000, 30_000, 40_000, 50_000, 60_000]],
    [5_400_000, [0, 900_000, 1_800_000, 2_700_000, 3_600_000, 4_500_000, 5_400_000]],
  ])('%i ms', (duration, ticks) => expect(timeTicks(duration)).toEqual(ticks));

  test('a very long call still gets at most 8 intervals', () => {
    expect(timeTicks(40 * 3_600_000).length).toBeLessThanOrEqual(9);
  });
});
