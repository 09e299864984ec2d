import { describe, expect, test } from 'vitest';
import { exportQuery, filenameFrom } from './export-query';
import { EMPTY_FILTER_FORM, toCallFilters } from './filter-form';
import { formatClock, formatSentiment, segmentAt, sentimentTone, splitPoint } from './format';
import { formatPeriod } from './format-period';
import { summarizeSentiment, timeTicks } from './sentiment-summary';
import { currentStage, overallProgress } from './stage-view';
import { allStages, segment } from './test-fixtures';

describe('times and values', () => {
  test.each([
    [0, '00:00'],
    [999, '00:00'],
    [61_000, '01:01'],
    [599_999, '09:59'],
    [3_600_000, '1:00:00'],
    [3_723_000, '1:02:03'],
    [-5, '00:00'],
  ])('formatClock(%i) is %s', (ms, text) => expect(formatClock(ms)).toBe(text));

  test.each([
    [0.3, 'pl', '+0,30'],
    [-0.456, 'pl', '−0,46'],
    [0.001, 'en', '0.00'],
    [1, 'en', '+1.00'],
  ] as const)('formatSentiment(%f, %s) is %s', (value, lang, text) => expect(formatSentiment(value, lang)).toBe(text));

  test.each([
    [0.5, 'positive'],
    [0.15, 'positive'],
    [0.1, 'neutral'],
    [-0.14, 'neutral'],
    [-0.6, 'negative'],
  ] as const)('sentimentTone(%f) is %s', (value, tone) => expect(sentimentTone(value)).toBe(tone));

  test('segmentAt finds the segment being played, none in the silence between', () => {
    const segments = [segment(0), segment(1)];
    expect(segmentAt(segments, 500)?.id).toBe(segment(0).id);
    expect(segmentAt(segments, 9_000)).toBeNull();
    expect(segmentAt(segments, 10_000)?.id).toBe(segment(1).id);
  });
});

describe('splitPoint', () => {
  const part = { startMs: 10_000, endMs: 20_000, text: 'Dzień dobry. Poproszę ofertę.' };
  test.each([
    ['the player inside the segment wins', 13, 17_250, { atChar: 13, atMs: 17_250 }],
    ['proportional when the player is elsewhere', 13, 40_000, { atChar: 13, atMs: 10_000 + Math.round((10_000 * 13) / part.text.length) }],
    ['proportional when nothing was played', 13, null, { atChar: 13, atMs: 10_000 + Math.round((10_000 * 13) / part.text.length) }],
    ['the player exactly at the start is not inside', 13, 10_000, { atChar: 13, atMs: 10_000 + Math.round((10_000 * 13) / part.text.length) }],
    ['nothing to split off at the start', 0, null, null],
    ['nothing to split off at the end', part.text.length, null, null],
  ])('%s', (_name, caret, playerMs, expected) => expect(splitPoint(part, caret, playerMs)).toEqual(expected));

  test('a split time stays strictly inside a very short segment', () => {
    expect(splitPoint({ startMs: 100, endMs: 102, text: 'ab' }, 1, null)).toEqual({ atChar: 1, atMs: 101 });
  });
});

describe('filters', () => {
  test('an empty form is no filter at all', () => {
    expect(toCallFilters(EMPTY_FILTER_FORM)).toEqual({});
  });

  test('days cover the whole local day; scores are bounded and put in order; a short search waits', () => {
    const filters = toCallFilters({ ...EMPTY_FILTER_FORM, from: '2026-03-02', to: '2026-03-08', minScore: '120', maxScore: '40', q: ' a ' });
    const from = new Date(filters.from!);
    const to = new Date(filters.to!);
    expect([from.getFullYear(), from.getMonth(), from.getDate(), from.getHours(), from.getMinutes()]).toEqual([2026, 2, 2, 0, 0]);
    expect([to.getDate(), to.getHours(), to.getMinutes(), to.getSeconds()]).toEqual([8, 23, 59, 59]);
    expect(filters).toMatchObject({ minScore: 40, maxScore: 100 });
    expect(filters).not.toHaveProperty('q');
  });

  test.each([
    ['status', { status: 'failed' as const }, { status: 'failed' }],
    ['consultant and scorecard', { consultantId: 'u1', scorecardKey: 'SALES' }, { consultantId: 'u1', scorecardKey: 'SALES' }],
    ['a search of 2 characters', { q: ' ev ' }, { q: 'ev' }],
    ['a decimal comma', { minScore: '12,5' }, { minScore: 12.5 }],
    ['a bad day is left out', { from: '2026-13-45' }, {}],
    ['a bad number is left out', { maxScore: 'abc' }, {}],
  ])('%s', (_name, change, expected) => expect(toCallFilters({ ...EMPTY_FILTER_FORM, ...change })).toEqual(expected));

  test('the export query names the language and each set filter in a fixed order', () => {
    expect(exportQuery({ q: 'rata leasing', status: 'done', minScore: 0, from: '2026-03-01T00:00:00.000Z' }, 'pl')).toBe(
      'lang=pl&from=2026-03-01T00%3A00%3A00.000Z&minScore=0&status=done&q=rata+leasing',
    );
    expect(exportQuery({}, 'en')).toBe('lang=en');
  });

  test.each([
    [null, 'x.pdf'],
    ['attachment; filename="raport.pdf"', 'raport.pdf'],
    ['attachment; filename=raport.xlsx', 'raport.xlsx'],
    ["attachment; filename=\"a.pdf\"; filename*=UTF-8''%C5%82%C3%B3d%C5%BA.pdf", 'łódź.pdf'],
    ['inline', 'x.pdf'],
  ])('filename from %s is %s', (header, name) => expect(filenameFrom(header, 'x.pdf')).toBe(name));
});

describe('sentiment summary', () => {
  const point = (n: number, score: number) => ({ segmentId: `s${n}`, startMs: n * 1000, endMs: n * 1000 + 500, score, emotion: 'neutral' as const });

  test('no points, no summary', () => expect(summarizeSentiment([])).toBeNull());

  test('mean, extremes with their moment, and a rising trend (given out of order)', () => {
    const summary = summarizeSentiment([point(5, 0.8), point(0, -0.5), point(2, 0), point(3, 0.2), point(1, -0.2), point(4, 0.6)]);
    expect(summary).toMatchObject({ count: 6, lowest: { startMs: 0 }, highest: { startMs: 5000 }, trend: 'rising' });
    expect(summary!.mean).toBeCloseTo(0.15);
  });

  test.each([
    [[0.5, 0.4, -0.4], 'falling'],
    [[0.1, 0.5, 0.12], 'steady'],
    [[0.1, 0.2], null],
  ])('trend of %j is %s', (scores, trend) => {
    expect(summarizeSentiment(scores.map((score, n) => point(n, score)))?.trend).toBe(trend);
  });

  test.each([
    [60_000, [0, 15_000, 30_000, 45_000, 60_000]],
    [45 * 60_000, [0, 600_000, 1_200_000, 1_800_000, 2_400_000]],
    [0, [0]],
  ])('time ticks over %i ms', (duration, ticks) => expect(timeTicks(duration)).toEqual(ticks));
});

describe('periods and stages', () => {
  test.each([
    ['2026-03', 'month', 'pl', 'marzec 2026', false],
    ['2026-03-01', 'month', 'en', 'March 2026', false],
    ['2026-03-02', 'week', 'en', 'Mar 2, 2026', true],
    ['2026-03-02T00:00:00.000Z', 'week', 'pl', '2 mar 2026', true],
    ['W10', 'week', 'pl', 'W10', false],
  ] as const)('%s by %s in %s reads %s', (period, kind, lang, text, weekOf) => {
    expect(formatPeriod(period, kind, lang)).toEqual({ text, weekOf });
  });

  test('the stage to name: a failure first, then the running one, then the next pending', () => {
    expect(currentStage(allStages())).toBeNull();
    expect(currentStage(allStages({ transcribe: { state: 'running', progress: 0.5 }, roles: { state: 'pending', progress: 0 } }))?.stage).toBe('transcribe');
    expect(currentStage(allStages({ roles: { state: 'pending' }, scorecard: { state: 'failed' } }))?.stage).toBe('scorecard');
    expect(currentStage(allStages({ roles: { state: 'pending' }, scorecard: { state: 'pending' } }))?.stage).toBe('roles');
  });

  test('overall progress weighs stages equally', () => {
    expect(overallProgress(allStages())).toBe(1);
    expect(overallProgress([])).toBe(0);
    const half = allStages({
      transcribe: { state: 'running', progress: 0.5 },
      roles: { state: 'pending', progress: 0 },
      scorecard: { state: 'pending', progress: 0 },
      sentiment: { state: 'pending', progress: 0 },
    });
    expect(overallProgress(half)).toBeCloseTo(3.5 / 7);
  });
});
