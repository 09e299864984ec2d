import { describe, expect, test } from 'vitest';
import { formatElapsed } from './elapsed';

describe('formatElapsed', () => {
  test.each([
    [0, '00:00'],
    [999, '00:00'],
    [65_500, '01:05'],
    [59 * 60_000 + 59_000, '59:59'],
    [3_600_000 + 62_000, '1:01:02'],
    [-5, '00:00'],
  ])('%d ms is %s', (ms, clock) => expect(formatElapsed(ms)).toBe(clock));
});
