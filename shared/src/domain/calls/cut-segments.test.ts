import { describe, expect, test } from 'vitest';
import { cutSegments } from './cut-segments';

const span = (channel: 0 | 1, startMs: number, endMs: number) => ({ channel, startMs, endMs });

describe('cutSegments', () => {
  test.each([
    ['a short pause on one channel joins', [span(0, 0, 1000), span(0, 1500, 2000)], [span(0, 0, 2000)]],
    ['a long pause keeps two segments', [span(0, 0, 1000), span(0, 2000, 3000)], [span(0, 0, 1000), span(0, 2000, 3000)]],
    ['other channels never join', [span(0, 0, 1000), span(1, 1100, 2000)], [span(0, 0, 1000), span(1, 1100, 2000)]],
    ['a 70 s span is cut into three equal parts', [span(1, 0, 70_000)], [span(1, 0, 23_333), span(1, 23_333, 46_667), span(1, 46_667, 70_000)]],
    ['joining stops before the limit', [span(0, 0, 29_000), span(0, 29_500, 31_000)], [span(0, 0, 29_000), span(0, 29_500, 31_000)]],
    ['nothing in, nothing out', [], []],
  ])('%s', (_name, input, expected) => {
    expect(cutSegments(input)).toEqual(expected);
  });

  test('different speakers on one track are not joined', () => {
    const a = { ...span(0, 0, 1000), speaker: 'A' };
    const b = { ...span(0, 1200, 2000), speaker: 'B' };
    expect(cutSegments([a, b])).toEqual([a, b]);
  });

  test('output is in time order across channels', () => {
    const out = cutSegments([span(1, 500, 900), span(0, 0, 400), span(0, 5000, 6000)]);
    expect(out.map((s) => s.startMs)).toEqual([0, 500, 5000]);
  });
});
