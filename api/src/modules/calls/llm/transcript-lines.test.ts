import { expect, test } from 'vitest';
import { clock, transcriptLines, type PromptSegment } from './transcript-lines';

test.each([
  [0, '00:00'],
  [65_999, '01:05'],
  [4_494_000, '74:54'],
])('clock(%i) = %s', (ms, expected) => {
  expect(clock(ms)).toBe(expected);
});

test('a short transcript is every segment on its own numbered line', () => {
  const segments: PromptSegment[] = [
    { speaker: 'CONSULTANT', startMs: 1_000, text: 'Dzień dobry.' },
    { speaker: null, startMs: 4_000, text: 'Halo?\n\nSłychać mnie?' },
  ];
  expect(transcriptLines(segments)).toEqual({ text: '[0] 00:01 CONSULTANT: Dzień dobry.\n[1] 00:04 UNKNOWN: Halo? Słychać mnie?', omitted: 0 });
});

test('a long transcript keeps its beginning and end within the cap', () => {
  const segments: PromptSegment[] = Array.from({ length: 100 }, (_, i) => ({ speaker: 'CLIENT', startMs: i * 1_000, text: 'x'.repeat(80) }));
  const { text, omitted } = transcriptLines(segments, 2_000);
  expect(text.length).toBeLessThanOrEqual(2_000 + 80);
  expect(text.startsWith('[0] 00:00 CLIENT:')).toBe(true);
  expect(text.endsWith(`[99] 01:39 CLIENT: ${'x'.repeat(80)}`)).toBe(true);
  const kept = text.split('\n').filter((line) => /^\[\d+\] /.test(line)).length;
  expect(kept + omitted).toBe(100);
  expect(text).toContain(`[… ${omitted} segments`);
});

test('one runaway segment is cut, not the whole prompt', () => {
  const { text } = transcriptLines([{ speaker: 'CLIENT', startMs: 0, text: 'słowo '.repeat(2_000) }]);
  expect(text.length).toBeLessThan(1_300);
  expect(text.endsWith('…')).toBe(true);
});
