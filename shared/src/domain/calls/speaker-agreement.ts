import { SPEAKERS, type SpeakerTurn } from '../../schemas/call';

type Interval = [start: number, end: number];

/**
 * How well assigned speakers match a reference: the share (0…1) of the reference's speech time in
 * which the hypothesis has the same speaker there. Time the hypothesis leaves unlabelled, or gives to the
 * other speaker, counts against it; where reference turns overlap, each speaker's time counts for that
 * speaker. Extra hypothesis speech outside the reference does not count (this measures labels, not voice
 * detection). A reference without speech agrees trivially: 1.
 */
export function speakerAgreement(hyp: readonly SpeakerTurn[], ref: readonly SpeakerTurn[]): number {
  let total = 0;
  let agreed = 0;
  for (const speaker of SPEAKERS) {
    const reference = union(ref.filter((t) => t.speaker === speaker));
    const hypothesis = union(hyp.filter((t) => t.speaker === speaker));
    total += reference.reduce((sum, [start, end]) => sum + end - start, 0);
    agreed += overlap(reference, hypothesis);
  }
  return total === 0 ? 1 : agreed / total;
}

/** Turns as sorted, disjoint intervals. */
function union(turns: readonly SpeakerTurn[]): Interval[] {
  const sorted = turns.filter((t) => t.endMs > t.startMs).map((t): Interval => [t.startMs, t.endMs]).sort((a, b) => a[0] - b[0]);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged.at(-1);
    if (last && interval[0] <= last[1]) last[1] = Math.max(last[1], interval[1]);
    else merged.push([...interval]);
  }
  return merged;
}

/** Total length of the intersection of two sorted, disjoint interval lists. */
function overlap(a: Interval[], b: Interval[]): number {
  let sum = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    sum += Math.max(0, Math.min(a[i]![1], b[j]![1]) - Math.max(a[i]![0], b[j]![0]));
    if (a[i]![1] < b[j]![1]) i++;
    else j++;
  }
  return sum;
}
