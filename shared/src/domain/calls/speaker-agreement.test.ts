import { expect, test } from 'vitest';
import type { Speaker, SpeakerTurn } from '../../schemas/call';
import { speakerAgreement } from './speaker-agreement';

/** `'0-10 CONSULTANT, 12-20 CLIENT'`, times in seconds. */
const turns = (text: string): SpeakerTurn[] =>
  text
    ? text.split(',').map((part) => {
        const [range, speaker] = part.trim().split(' ');
        const [start, end] = range!.split('-').map(Number);
        return { startMs: start! * 1000, endMs: end! * 1000, speaker: speaker as Speaker };
      })
    : [];

test.each<[string, string, string, number]>([
  ['identical', '0-10 CONSULTANT, 12-20 CLIENT', '0-10 CONSULTANT, 12-20 CLIENT', 1],
  ['swapped labels', '0-10 CLIENT, 12-20 CONSULTANT', '0-10 CONSULTANT, 12-20 CLIENT', 0],
  ['no hypothesis at all', '', '0-10 CONSULTANT, 12-20 CLIENT', 0],
  ['half of a turn unlabelled', '0-5 CONSULTANT', '0-10 CONSULTANT', 0.5],
  ['extra hypothesis speech outside the reference is not counted', '0-10 CONSULTANT, 10-30 CLIENT', '0-10 CONSULTANT', 1],
  ['a boundary 1 s late', '0-11 CONSULTANT, 11-20 CLIENT', '0-10 CONSULTANT, 10-20 CLIENT', 0.95],
  ['overlapping hypothesis turns of one speaker are not counted twice', '0-6 CLIENT, 4-10 CLIENT', '0-10 CLIENT', 1],
  ['overlapping reference turns count per speaker: both right', '0-10 CONSULTANT, 5-15 CLIENT', '0-10 CONSULTANT, 5-15 CLIENT', 1],
  ['overlapping reference turns count per speaker: one side missing', '0-10 CONSULTANT', '0-10 CONSULTANT, 5-15 CLIENT', 0.5],
  ['an empty reference agrees trivially', '0-10 CLIENT', '', 1],
  ['zero-length turns are ignored', '3-3 CLIENT', '0-4 CLIENT, 4-4 CONSULTANT', 0],
])('%s', (_name, hyp, ref, expected) => {
  expect(speakerAgreement(turns(hyp), turns(ref))).toBeCloseTo(expected, 6);
});

test('hypothesis order does not matter', () => {
  const ref = turns('0-10 CONSULTANT, 10-20 CLIENT, 20-30 CONSULTANT');
  const hyp = turns('22-30 CONSULTANT, 10-20 CLIENT, 0-9 CONSULTANT');
  expect(speakerAgreement(hyp, ref)).toBeCloseTo(27 / 30, 6);
  expect(speakerAgreement([...hyp].reverse(), ref)).toBeCloseTo(27 / 30, 6);
});
