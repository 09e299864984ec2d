import { SIGNAL_DECAY, type Signal } from '@sufler/shared';
import { z } from 'zod';

/**
 * The occurrences of each signal that can still be the session's strongest, per id in the order
 * mergeSessionSignals first meets them. mergeSessionSignals keeps, per id, the last occurrence with
 * the highest faded strength (`≥` lets a later one win a tie), so two kinds of occurrence can go:
 * - one followed by an occurrence at least as strong: the later one fades less, so it is always at
 *   least as strong again, and it comes later;
 * - one whose faded strength rounds to 0 while a later one exists: it stays 0, and the later one wins the tie.
 * The first occurrence of each id stays whatever it is: where it stands orders the merged list as the
 * Map in mergeSessionSignals does. What remains is a few per id (a strength of 1 rounds to 0 after 47 observations).
 */
export const SignalFrontSchema = z.array(
  z.object({
    id: z.string(),
    entries: z.array(z.object({ at: z.number().int().min(0), signal: z.custom<Signal>((s) => typeof s === 'object' && s !== null) })).min(1),
  }),
);
export type SignalFront = z.infer<typeof SignalFrontSchema>;

/** The front with `signal`, said in the observation at position `at` (the newest). */
export function foldSignal(front: SignalFront, at: number, signal: Signal): SignalFront {
  const index = front.findIndex((group) => group.id === signal.id);
  if (index < 0) return [...front, { id: signal.id, entries: [{ at, signal }] }];
  const group = front[index]!;
  const entries = [...group.entries.filter((e, i) => i === 0 || e.signal.strength > signal.strength), { at, signal }];
  return front.map((g, i) => (i === index ? { id: g.id, entries } : g));
}

/** The strength mergeSessionSignals gives `signal` from `age` observations ago, computed as it does. */
const faded = (signal: Signal, age: number) => Math.round(signal.strength * SIGNAL_DECAY ** age * 1000) / 1000;

/**
 * Drops the occurrences whose strength has faded to 0 for good, given `count` observations: the
 * youngest age any later merge sees them at is from a history of `count` (strategy, chat).
 */
export function pruneFadedSignals(front: SignalFront, count: number): SignalFront {
  return front.map((group) => {
    const last = group.entries.length - 1;
    const entries = group.entries.filter((e, i) => i === 0 || i === last || faded(e.signal, count - 1 - e.at) > 0);
    return entries.length === group.entries.length ? group : { id: group.id, entries };
  });
}

/**
 * A history for mergeSessionSignals with the same result as the session's full one: `count`
 * observations, each with the occurrences the front kept of it.
 */
export function signalHistory(front: SignalFront, count: number): Signal[][] {
  const history: Signal[][] = Array.from({ length: count }, () => []);
  for (const group of front) for (const { at, signal } of group.entries) history[at]!.push(signal);
  return history;
}
