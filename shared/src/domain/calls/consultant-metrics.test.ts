import { describe, expect, test } from 'vitest';
import { ConsultantMetricsSchema, type Speaker } from '../../schemas/call';
import { consultantMetrics, type MetricsSegment } from './consultant-metrics';

const C = 'CONSULTANT' as const;
const K = 'CLIENT' as const;
/** A segment from seconds, for readable tables. */
const seg = (speaker: Speaker | null, from: number, to: number, text = 'Rozumiem, dziękuję.'): MetricsSegment => ({
  speaker,
  startMs: Math.round(from * 1000),
  endMs: Math.round(to * 1000),
  text,
});

describe('talk ratio', () => {
  test.each<[string, MetricsSegment[], number]>([
    ['consultant 6 s of 10 s', [seg(C, 0, 6), seg(K, 6, 10)], 0.6],
    ['unlabelled speech does not count', [seg(C, 0, 6), seg(K, 6, 10), seg(null, 10, 30)], 0.6],
    ['only the client spoke', [seg(K, 0, 10)], 0],
    ['only the consultant spoke', [seg(C, 0, 4), seg(C, 5, 9)], 1],
    ['one third, rounded to 3 digits', [seg(C, 0, 1), seg(K, 1, 3)], 0.333],
    ['a zero-length segment adds nothing', [seg(C, 5, 5), seg(K, 0, 4)], 0],
  ])('%s', (_name, segments, ratio) => {
    expect(consultantMetrics(segments).talkRatio).toBe(ratio);
  });
});

describe('longest monologue', () => {
  test.each<[string, MetricsSegment[], number]>([
    ['one segment', [seg(C, 2, 12)], 10_000],
    ['a 1 s pause is merged', [seg(C, 0, 10), seg(C, 11, 20)], 20_000],
    ['a 1.499 s pause is merged', [seg(C, 0, 10), seg(C, 11.499, 20)], 20_000],
    ['a 1.5 s pause is not', [seg(C, 0, 10), seg(C, 11.5, 20)], 10_000],
    ['a client turn in between ends it', [seg(C, 0, 10), seg(K, 10.2, 10.8), seg(C, 11, 20)], 10_000],
    ['a client "mhm" inside it does not', [seg(C, 0, 10), seg(K, 4, 4.5, 'mhm'), seg(C, 10.5, 20)], 20_000],
    ['a client turn that outlasts it ends it', [seg(C, 0, 10), seg(K, 9.8, 10.8), seg(C, 10.9, 18)], 10_000],
    ['an unlabelled voice ends it', [seg(C, 0, 10), seg(null, 4, 5), seg(C, 10.5, 20)], 10_000],
    ['overlapping consultant segments are one stretch', [seg(C, 0, 8), seg(C, 6, 15)], 15_000],
    ['the later, longer run wins', [seg(C, 0, 5), seg(K, 5, 8), seg(C, 8, 30), seg(K, 30, 31)], 22_000],
    ['no consultant speech', [seg(K, 0, 60)], 0],
  ])('%s', (_name, segments, ms) => {
    expect(consultantMetrics(segments).longestMonologueMs).toBe(ms);
  });
});

describe('interruptions', () => {
  test.each<[string, MetricsSegment[], number]>([
    ['starts 300 ms before the client ends', [seg(K, 0, 5), seg(C, 4.7, 8)], 1],
    ['exactly 200 ms of overlap counts', [seg(K, 0, 5), seg(C, 4.8, 8)], 1],
    ['100 ms of overlap is an early start, not an interruption', [seg(K, 0, 5), seg(C, 4.9, 8)], 0],
    ['starting when the client ends', [seg(K, 0, 5), seg(C, 5, 8)], 0],
    ['starting together with the client', [seg(K, 0, 5), seg(C, 0, 3)], 0],
    ['a short cut-in inside the client turn', [seg(K, 0, 10), seg(C, 2, 3, 'Przepraszam, ale to nieprawda.')], 1],
    ['"mhm" over the client is listening', [seg(K, 0, 10), seg(C, 2, 3, 'Mhm.'), seg(C, 5, 5.6, 'tak, tak')], 0],
    ['the client cutting in is not the consultant interrupting', [seg(C, 0, 5), seg(K, 4, 8)], 0],
    ['the long turn of an earlier client segment still counts', [seg(K, 0, 20), seg(K, 3, 4), seg(C, 10, 12)], 1],
    ['each consultant segment counts once', [seg(K, 0, 10), seg(K, 1, 9), seg(C, 5, 12), seg(K, 13, 20), seg(C, 15, 21)], 2],
    ['unlabelled speech is nobody to interrupt', [seg(null, 0, 10), seg(C, 2, 8)], 0],
  ])('%s', (_name, segments, count) => {
    expect(consultantMetrics(segments).interruptions).toBe(count);
  });
});

describe('words per minute', () => {
  const words = (n: number) => Array.from({ length: n }, (_, i) => `słowo${i}`).join(' ');
  test.each<[string, MetricsSegment[], number]>([
    ['60 words in 30 s', [seg(C, 0, 30, words(60))], 120],
    ['over the consultant time only', [seg(C, 0, 30, words(60)), seg(K, 30, 90, words(10))], 120],
    ['two segments add up', [seg(C, 0, 20, words(50)), seg(C, 40, 60, words(30))], 120],
    ['rounded to one decimal', [seg(C, 0, 7, words(10))], 85.7],
    ['no consultant time', [seg(C, 3, 3, words(10))], 0],
  ])('%s', (_name, segments, wpm) => {
    expect(consultantMetrics(segments).wordsPerMinute).toBe(wpm);
  });
});

describe('questions', () => {
  test.each<[string, number]>([
    ['Dzień dobry. Jaki ma pan budżet? Czy ma pan garaż', 2],
    ['A ile osób zwykle jeździ tym autem', 1],
    ['Kiedy pasowałaby jazda próbna? Sobota? Niedziela?', 3],
    ['Co do ceny, mamy teraz promocję. Jak już mówiłem, to najlepsza wersja.', 0],
    ['Zapraszam do salonu. Do widzenia.', 0],
    ['What range do you need? How often do you drive to Kraków', 2],
    ['Świetny wybór, prawda?', 1],
    ['', 0],
  ])('%s → %i', (text, count) => {
    expect(consultantMetrics([seg(C, 0, 10, text)]).questions).toBe(count);
  });

  test("the client's questions are not the consultant's", () => {
    expect(consultantMetrics([seg(K, 0, 5, 'Ile kosztuje? Jaki zasięg?'), seg(C, 5, 10, 'Czy mogę zapytać o budżet?')]).questions).toBe(1);
  });
});

test('the order of the segments does not matter', () => {
  const call = [seg(C, 0, 10, 'Jaki budżet?'), seg(K, 9.5, 15), seg(C, 15.5, 30, 'Mamy leasing. Czy to pasuje?'), seg(K, 29, 31)];
  expect(consultantMetrics([...call].reverse())).toEqual(consultantMetrics(call));
});

test('the output holds exactly the behavioural fields: no emotion or sentiment about the consultant', () => {
  const metrics = consultantMetrics([seg(C, 0, 10, 'Jestem wściekły, to skandal!'), seg(K, 10, 20, 'Super, dziękuję!')]);
  expect(Object.keys(metrics).sort()).toEqual(['interruptions', 'longestMonologueMs', 'questions', 'talkRatio', 'wordsPerMinute']);
  expect(ConsultantMetricsSchema.strict().parse(metrics)).toEqual(metrics);
  expect(JSON.stringify(metrics)).not.toMatch(/emotion|sentiment|mood|angry|score/i);
});

test('a 60-minute call of 900 segments is measured correctly', () => {
  // 450 exchanges of 3 s consultant + 5 s client, the consultant cutting in 300 ms early every 10th time.
  const segments: MetricsSegment[] = [];
  for (let i = 0; i < 450; i++) {
    const t = i * 8;
    const early = i % 10 === 9 ? 0.3 : 0;
    segments.push(seg(C, t - early, t + 3, 'Rozumiem. A jaki ma pan budżet na auto?'), seg(K, t + 3, t + 8, 'Około dwustu tysięcy złotych.'));
  }
  const metrics = consultantMetrics(segments);
  expect(metrics.talkRatio).toBeCloseTo((450 * 3 + 45 * 0.3) / (450 * 8 + 45 * 0.3), 3);
  expect(metrics.questions).toBe(450);
  expect(metrics.interruptions).toBe(45);
  expect(metrics.longestMonologueMs).toBe(3_300);
  expect(metrics.wordsPerMinute).toBeCloseTo((450 * 8) / ((450 * 3 + 45 * 0.3) / 60), 0);
});
