import type { SpeechSpan } from '../../schemas/call';

/** Whisper-style recognisers read at most 30 s at a time. */
export const MAX_SEGMENT_MS = 30_000;
/** Pauses shorter than this within one channel stay inside one transcript segment. */
export const JOIN_GAP_MS = 800;

/**
 * Turns voice-activity spans into transcript segments: on each channel, spans separated by a short
 * pause are joined (one sentence is not cut into words), and anything longer than `maxMs` is cut into
 * equal parts, so each segment can be sent to the recogniser alone. Sorted by start, then channel.
 */
export function cutSegments<T extends SpeechSpan>(spans: readonly T[], maxMs = MAX_SEGMENT_MS, joinGapMs = JOIN_GAP_MS): T[] {
  const byChannel = new Map<number, T[]>();
  for (const span of [...spans].sort((a, b) => a.startMs - b.startMs)) {
    const list = byChannel.get(span.channel) ?? [];
    const last = list.at(-1);
    if (last && sameSpeaker(last, span) && span.startMs - last.endMs < joinGapMs && span.endMs - last.startMs <= maxMs) {
      list[list.length - 1] = { ...last, endMs: Math.max(last.endMs, span.endMs) };
    } else list.push({ ...span });
    byChannel.set(span.channel, list);
  }
  const out: T[] = [];
  for (const list of byChannel.values()) {
    for (const span of list) {
      const parts = Math.ceil((span.endMs - span.startMs) / maxMs);
      if (parts <= 1) {
        out.push(span);
        continue;
      }
      const step = (span.endMs - span.startMs) / parts;
      for (let i = 0; i < parts; i++) {
        out.push({ ...span, startMs: Math.round(span.startMs + i * step), endMs: Math.round(span.startMs + (i + 1) * step) });
      }
    }
  }
  return out.sort((a, b) => a.startMs - b.startMs || a.channel - b.channel);
}

const sameSpeaker = (a: object, b: object) =>
  (a as { speaker?: unknown }).speaker === (b as { speaker?: unknown }).speaker;
