import { expect, test } from 'vitest';
import type { ConsultantChannel, SpeechSpan } from '../../schemas/call';
import { labelByChannel } from './label-by-channel';

const spans: SpeechSpan[] = [
  { startMs: 5000, endMs: 6000, channel: 1 },
  { startMs: 0, endMs: 2000, channel: 0 },
  { startMs: 2500, endMs: 4000, channel: 1 },
  { startMs: 2500, endMs: 3000, channel: 0 },
];

test.each<[ConsultantChannel, string[]]>([
  ['left', ['0-2000 CONSULTANT', '2500-3000 CONSULTANT', '2500-4000 CLIENT', '5000-6000 CLIENT']],
  ['right', ['0-2000 CLIENT', '2500-3000 CLIENT', '2500-4000 CONSULTANT', '5000-6000 CONSULTANT']],
])('consultant on the %s channel', (consultantChannel, expected) => {
  const labelled = labelByChannel(spans, consultantChannel);
  expect(labelled.map((s) => `${s.startMs}-${s.endMs} ${s.speaker}`)).toEqual(expected);
  expect(labelled.every((s) => (s.speaker === 'CONSULTANT') === (s.channel === (consultantChannel === 'left' ? 0 : 1)))).toBe(true);
});

test('keeps the input as it was, and an empty list stays empty', () => {
  const before = spans.map((span) => ({ ...span }));
  labelByChannel(spans, 'left');
  expect(spans).toEqual(before);
  expect(labelByChannel([], 'right')).toEqual([]);
});
