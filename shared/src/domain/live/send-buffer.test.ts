import { describe, expect, test } from 'vitest';
import { decodeLiveFrame } from './live-frame';
import { createSendBuffer } from './send-buffer';

/** 100 ms of stereo audio whose first left sample is `mark`, so a frame can be told from another. */
const audio = (mark: number) => {
  const out = new Int16Array(3200);
  out[0] = mark;
  return out;
};

type Step = ['add', number] | ['ack', number];

/** Adds 100 ms frames and acks in the given order; returns the buffer. */
function run(steps: Step[], maxMs = 120_000) {
  const buffer = createSendBuffer({ maxMs });
  for (const [kind, n] of steps) {
    if (kind === 'add') for (let i = 0; i < n; i++) buffer.add(audio(buffer.nextSeq), 100);
    else buffer.ack(n);
  }
  return buffer;
}
const seqs = (frames: { seq: number }[]) => frames.map((f) => f.seq);

describe('createSendBuffer', () => {
  test('numbers frames from 0 and encodes them as live frames', () => {
    const buffer = createSendBuffer({ maxMs: 10_000 });
    const sent = [0, 1, 2].map((i) => buffer.add(audio(100 + i), 100));
    expect(seqs(sent)).toEqual([0, 1, 2]);
    sent.forEach((frame, i) => {
      const decoded = decodeLiveFrame(frame.bytes);
      expect(decoded.seq).toBe(i);
      expect(decoded.left[0]).toBe(100 + i);
      expect(decoded.durationMs).toBe(100);
    });
    expect(buffer.nextSeq).toBe(3);
    expect(buffer.unackedMs).toBe(300);
  });

  test.each<[string, Step[], number, number, number[], number, number]>([
    // name, steps, maxMs, from(seq), expected seqs, unackedMs, droppedMs
    ['nothing acked: all are resent', [['add', 5]], 120_000, 0, [0, 1, 2, 3, 4], 500, 0],
    ['resend from the server’s nextSeq', [['add', 5]], 120_000, 3, [3, 4], 500, 0],
    ['nextSeq past the end: nothing to resend', [['add', 5]], 120_000, 5, [], 500, 0],
    ['an ack frees the frames up to and including it', [['add', 5], ['ack', 2]], 120_000, 0, [3, 4], 200, 0],
    ['acks are cumulative; an older one is ignored', [['add', 5], ['ack', 3], ['ack', 1]], 120_000, 0, [4], 100, 0],
    ['a repeated ack changes nothing', [['add', 5], ['ack', 2], ['ack', 2]], 120_000, 0, [3, 4], 200, 0],
    ['an ack past what was sent frees all of it', [['add', 3], ['ack', 10]], 120_000, 0, [], 0, 0],
    ['…and does not swallow later frames', [['add', 3], ['ack', 10], ['add', 2]], 120_000, 0, [3, 4], 200, 0],
    ['…whose own acks still count', [['add', 3], ['ack', 10], ['add', 2], ['ack', 3]], 120_000, 0, [4], 100, 0],
    ['a NaN or negative ack is ignored', [['add', 3], ['ack', Number.NaN], ['ack', -1]], 120_000, 0, [0, 1, 2], 300, 0],
    ['over maxMs the oldest frames are dropped', [['add', 5]], 300, 0, [2, 3, 4], 300, 200],
    ['acknowledged frames do not count against maxMs', [['add', 3], ['ack', 2], ['add', 3]], 300, 0, [3, 4, 5], 300, 0],
    ['dropping goes on while the server is away', [['add', 3], ['ack', 0], ['add', 10]], 500, 0, [8, 9, 10, 11, 12], 500, 700],
    ['an ack of dropped frames frees the rest', [['add', 10], ['ack', 7]], 500, 0, [8, 9], 200, 500],
  ])('%s', (_name, steps, maxMs, from, expected, unackedMs, droppedMs) => {
    const buffer = run(steps, maxMs);
    const frames = buffer.from(from);
    expect(seqs(frames)).toEqual(expected);
    frames.forEach((f) => expect(decodeLiveFrame(f.bytes).left[0]).toBe(f.seq));
    expect(buffer.unackedMs).toBeCloseTo(unackedMs, 6);
    expect(buffer.droppedMs).toBeCloseTo(droppedMs, 6);
  });

  test('a long session with acks lagging behind keeps exactly the unacknowledged frames', () => {
    const buffer = createSendBuffer({ maxMs: 120_000 });
    for (let i = 0; i < 5000; i++) {
      buffer.add(audio(i % 30_000), 100);
      if (i % 7 === 6) buffer.ack(i - 20);
    }
    // The last ack came after frame 4997 (4997 % 7 = 6) and covered up to 4977.
    expect(seqs(buffer.from(0))).toEqual(Array.from({ length: 22 }, (_, k) => 4978 + k));
    expect(buffer.unackedMs).toBeCloseTo(2200, 6);
    expect(buffer.from(4990)[0]!.seq).toBe(4990);
  });
});
