import { describe, expect, test } from 'vitest';
import { createUtteranceCutter, type UtteranceCutterOptions, type UtteranceEvent } from './utterance-cutter';

/** A run of `ms` of frames at probability `p`. */
type Run = [p: number, ms: number];
const silence = (ms: number): Run => [0.05, ms];
const speech = (ms: number): Run => [0.9, ms];
const unsure = (ms: number): Run => [0.42, ms];

/** Pushes the runs frame by frame, then flushes; each event is tagged with the position it was emitted at. */
function cut(runs: Run[], options?: UtteranceCutterOptions, frameMs = 20) {
  const cutter = createUtteranceCutter(options);
  const events: (UtteranceEvent & { atMs: number })[] = [];
  for (const [p, ms] of runs) {
    for (let t = 0; t < ms; t += frameMs) {
      for (const e of cutter.push(p, Math.min(frameMs, ms - t))) events.push({ ...e, atMs: cutter.positionMs });
    }
  }
  for (const e of cutter.flush()) events.push({ ...e, atMs: cutter.positionMs });
  return { events, positionMs: cutter.positionMs };
}

/** Utterances as [startMs, endMs, forced], from the `end` events. */
const utterances = (events: UtteranceEvent[]) =>
  events.flatMap((e) => (e.type === 'end' ? [[e.startMs, e.endMs, e.forced] as const] : []));

describe('createUtteranceCutter', () => {
  test.each<[string, Run[], UtteranceCutterOptions, [number, number, boolean][]]>([
    ['silence only', [silence(5000)], {}, []],
    ['one utterance: pre-roll before, padding after', [silence(1000), speech(800), silence(1000)], {}, [[800, 1900, false]]],
    ['speech from the first frame: the pre-roll stops at 0', [speech(600), silence(800)], {}, [[0, 700, false]]],
    ['a 200 ms burst is dropped', [silence(1000), speech(200), silence(1000)], {}, []],
    [
      'two short bursts 300 ms apart add up to one utterance',
      [silence(1000), speech(160), silence(300), speech(160), silence(800)],
      {},
      [[800, 1720, false]],
    ],
    ['two bursts 300 ms apart, each dropped, when the wait is shorter', [silence(1000), speech(160), silence(300), speech(160), silence(800)], { minSilenceMs: 200 }, []],
    ['a 600 ms pause splits', [silence(1000), speech(500), silence(600), speech(500), silence(600)], {}, [[800, 1600, false], [1900, 2700, false]]],
    ['a 400 ms pause does not', [silence(1000), speech(500), silence(400), speech(500), silence(600)], {}, [[800, 2500, false]]],
    [
      'unsure frames keep speech going and the silence clock starts after them',
      [silence(1000), speech(500), unsure(1000), silence(600)],
      {},
      [[800, 2600, false]],
    ],
    [
      'unsure frames do not stop a silence clock that runs',
      [silence(1000), speech(500), silence(300), unsure(400), speech(300)],
      {},
      [[800, 1600, false], [2000, 2500, false]],
    ],
    [
      'a long pre-roll never reaches back into the previous utterance',
      [silence(1000), speech(300), silence(200), speech(300), silence(600)],
      { minSilenceMs: 100, preRollMs: 400 },
      [[600, 1400, false], [1400, 1900, false]],
    ],
    ['flush ends an utterance under way, at the last frame', [silence(1000), speech(700)], {}, [[800, 1700, false]]],
    ['flush in the silence wait ends it at the padding', [silence(1000), speech(700), silence(300)], {}, [[800, 1800, false]]],
    ['flush drops a burst still short of minSpeechMs', [silence(1000), speech(200)], {}, []],
    [
      'a long monologue is cut every maxUtteranceMs and goes on at once',
      [silence(1000), speech(32_000), silence(1000)],
      {},
      [[800, 15_800, true], [15_800, 30_800, true], [30_800, 33_100, false]],
    ],
    [
      'a cut that falls on silence does not start a new utterance',
      [speech(1000), silence(700)],
      { maxUtteranceMs: 1000, preRollMs: 0 },
      [[0, 1000, true]],
    ],
    ['NaN is silence', [silence(1000), speech(500), [Number.NaN, 700]], {}, [[800, 1600, false]]],
    ['a higher threshold ignores unsure speech', [silence(1000), [0.6, 800], silence(1000)], { threshold: 0.7 }, []],
  ])('%s', (_name, runs, options, expected) => {
    const { events } = cut(runs, options);
    expect(utterances(events)).toEqual(expected);
  });

  test('the same with 32 ms frames (Silero at 16 kHz), within a frame', () => {
    const found = utterances(cut([silence(992), speech(800), silence(992)], {}, 32).events);
    expect(found).toHaveLength(1);
    expect(Math.abs(found[0]![0] - 800)).toBeLessThanOrEqual(32);
    expect(Math.abs(found[0]![1] - 1900)).toBeLessThanOrEqual(32);
  });

  test('start is emitted only once minSpeechMs of speech was heard, and each start gets its end', () => {
    const { events } = cut([silence(1000), speech(800), silence(1000), speech(100), silence(1000)]);
    expect(events.map((e) => [e.type, e.atMs])).toEqual([
      ['start', 1260],
      ['end', 2300],
    ]);
    expect(events[0]).toMatchObject({ type: 'start', startMs: 800 });
  });

  test('a forced cut emits end and the next start in one push, without a gap', () => {
    const { events } = cut([speech(2500)], { maxUtteranceMs: 1000 });
    const pairs = events.map((e) => (e.type === 'start' ? ['start', e.startMs] : ['end', e.startMs, e.endMs]));
    expect(pairs).toEqual([['start', 0], ['end', 0, 1000], ['start', 1000], ['end', 1000, 2000], ['start', 2000], ['end', 2000, 2500]]);
    expect(events[1]!.atMs).toBe(events[2]!.atMs);
  });

  test('positionMs adds up the frames; times are integer ms', () => {
    const { events, positionMs } = cut([silence(1003), speech(777), silence(1001)], {}, 10.5);
    expect(positionMs).toBeCloseTo(2781, 6);
    for (const e of events) {
      expect(Number.isInteger(e.startMs)).toBe(true);
      if (e.type === 'end') expect(Number.isInteger(e.endMs)).toBe(true);
    }
  });

  test('a bad frame length throws', () => {
    expect(() => createUtteranceCutter().push(0.9, Number.NaN)).toThrow(RangeError);
    expect(() => createUtteranceCutter().push(0.9, -20)).toThrow(RangeError);
  });
});
