import type { Speaker } from '@sufler/shared';

export type PromptSegment = { speaker: Speaker | null; startMs: number; text: string };

/**
 * The most transcript one prompt carries. An hour of talk is ~50k characters, more than a small
 * local model reads well (and gpt-oss:20b's default context holds); scorecard criteria are mostly
 * about the opening (greeting, needs analysis) and the close (next step, summary), so a long call
 * keeps its beginning and its end and drops the middle, saying so in the transcript.
 */
export const MAX_TRANSCRIPT_CHARS = 24_000;
/** One runaway segment (a reviewer pasted a page) must not fill the prompt alone. */
const MAX_LINE_CHARS = 1_200;

/** "mm:ss" from milliseconds; minutes go past 59 for long calls ("75:03"). */
export function clock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** One segment on one line: its text cannot start a line of its own, so it cannot pose as another segment. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The transcript as numbered lines, "[index] mm:ss SPEAKER: text" (index = position in
 * `segments`), capped at `maxChars`: the first and last halves are kept, the middle is replaced
 * by a line saying how many segments were left out. `omitted` is that count.
 */
export function transcriptLines(
  segments: readonly PromptSegment[],
  maxChars = MAX_TRANSCRIPT_CHARS,
): { text: string; omitted: number } {
  const lines = segments.map(
    (s, i) => `[${i}] ${clock(s.startMs)} ${s.speaker ?? 'UNKNOWN'}: ${oneLine(s.text, MAX_LINE_CHARS)}`,
  );
  const total = lines.reduce((sum, line) => sum + line.length + 1, 0);
  if (total <= maxChars) return { text: lines.join('\n'), omitted: 0 };
  const half = maxChars / 2;
  let head = 0;
  for (let used = 0; head < lines.length && used + lines[head]!.length + 1 <= half; head++) used += lines[head]!.length + 1;
  let tail = lines.length;
  for (let used = 0; tail > head && used + lines[tail - 1]!.length + 1 <= half; tail--) used += lines[tail - 1]!.length + 1;
  const omitted = tail - head;
  const gap = `[… ${omitted} segments (${clock(segments[head]!.startMs)}–${clock(segments[tail - 1]!.startMs)}) left out to fit the prompt …]`;
  return { text: [...lines.slice(0, head), gap, ...lines.slice(tail)].join('\n'), omitted };
}
