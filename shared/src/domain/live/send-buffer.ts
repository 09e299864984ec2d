import { encodeLiveFrame } from './live-frame';

/** A frame as sent on the `/live` socket, with its number. */
export type SentFrame = { seq: number; bytes: Uint8Array };

export type SendBuffer = {
  /** Numbers and encodes the next frame of interleaved stereo audio and keeps it until it is acknowledged. */
  add(interleaved: Int16Array, durationMs: number): SentFrame;
  /** The server stored every frame up to and including `seq`: they are freed. Cumulative; older acks are ignored. */
  ack(seq: number): void;
  /** Frames with seq >= nextSeq, oldest first, for a resend after reconnect. */
  from(nextSeq: number): SentFrame[];
  /** Audio held for a resend (added, not yet acknowledged, not dropped). */
  readonly unackedMs: number;
  /** Audio dropped unacknowledged because the buffer was full: lost unless the server already had it. */
  readonly droppedMs: number;
  /** The seq the next `add` gets. */
  readonly nextSeq: number;
};

type Held = SentFrame & { durationMs: number };

/**
 * The capture's resend buffer (the offscreen document, or the CLI): every frame sent on the `/live` socket
 * is kept until the server's `ack` says it is stored durably, so that after a dropped connection the capture
 * resends from the server's `ready.nextSeq` and nothing is lost. Frames are numbered from 0, one after the
 * other. When unacknowledged audio passes `maxMs` (say the API is down for minutes) the oldest frames are
 * dropped and counted in `droppedMs`, so memory stays bounded; the resend then has a gap there.
 */
export function createSendBuffer(options: { maxMs: number }): SendBuffer {
  const held: Held[] = [];
  let head = 0; // held[head…] are the frames still held; the array is compacted now and then
  let nextSeq = 0;
  let acked = -1;
  let unackedMs = 0;
  let droppedMs = 0;

  const shift = () => {
    const frame = held[head]!;
    head++;
    unackedMs -= frame.durationMs;
    if (head === held.length) unackedMs = 0; // no float drift once empty
    if (head > 1024 && head * 2 > held.length) {
      held.splice(0, head);
      head = 0;
    }
    return frame;
  };

  return {
    add(interleaved, durationMs) {
      const seq = nextSeq;
      const frame: Held = { seq, bytes: encodeLiveFrame(seq, interleaved), durationMs };
      nextSeq++;
      held.push(frame);
      unackedMs += durationMs;
      while (head < held.length && unackedMs > options.maxMs) droppedMs += shift().durationMs;
      return { seq, bytes: frame.bytes };
    },
    ack(seq) {
      // An ack past what was sent can only mean "all of it".
      const upTo = Math.min(Math.floor(seq), nextSeq - 1);
      if (!(upTo > acked)) return;
      acked = upTo;
      while (head < held.length && held[head]!.seq <= acked) shift();
    },
    from(seq) {
      const out: SentFrame[] = [];
      for (let i = head; i < held.length; i++) if (held[i]!.seq >= seq) out.push({ seq: held[i]!.seq, bytes: held[i]!.bytes });
      return out;
    },
    get unackedMs() {
      return unackedMs;
    },
    get droppedMs() {
      return droppedMs;
    },
    get nextSeq() {
      return nextSeq;
    },
  };
}
