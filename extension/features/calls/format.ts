import type { TranscriptSegment } from '@sufler/shared';
import type { Language } from '../../lib/settings';

/** A time on the recording as m:ss (or h:mm:ss from an hour on), the way players show it. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${String(minutes).padStart(2, '0')}:${seconds}`;
}

/** A sentiment −1…1 with its sign always shown (a bare "0,30" reads as neither good nor bad). */
export function formatSentiment(value: number, lang: Language): string {
  const text = Math.abs(value).toLocaleString(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  if (Math.abs(value) < 0.005) return text;
  return `${value > 0 ? '+' : '−'}${text}`;
}

export type SentimentTone = 'positive' | 'neutral' | 'negative';

/** Below this distance from 0 a mean is called neutral: the analyzer's noise on plain speech. */
export const NEUTRAL_BAND = 0.15;

export function sentimentTone(value: number): SentimentTone {
  if (value >= NEUTRAL_BAND) return 'positive';
  if (value <= -NEUTRAL_BAND) return 'negative';
  return 'neutral';
}

export function formatScore(value: number, lang: Language): string {
  return Math.round(value).toLocaleString(lang);
}

export function formatDate(iso: string, lang: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The segment being played at `ms`, if any (segments are in time order and do not overlap much). */
export function segmentAt(segments: readonly TranscriptSegment[], ms: number): TranscriptSegment | null {
  return segments.find((segment) => ms >= segment.startMs && ms < segment.endMs) ?? null;
}

/**
 * Where a split at the caret falls in time: the player's position when it is inside the segment (the
 * reviewer paused where the speaker changed), otherwise the same share of the segment's time as the caret
 * has of its text. Null when the caret is at either end (nothing to split off).
 */
export function splitPoint(
  segment: Pick<TranscriptSegment, 'startMs' | 'endMs' | 'text'>,
  caret: number,
  playerMs: number | null,
): { atChar: number; atMs: number } | null {
  const length = segment.text.length;
  if (caret <= 0 || caret >= length) return null;
  if (playerMs !== null && playerMs > segment.startMs && playerMs < segment.endMs)
    return { atChar: caret, atMs: Math.round(playerMs) };
  const span = segment.endMs - segment.startMs;
  const atMs = segment.startMs + Math.round((span * caret) / length);
  // Strictly inside, so both halves keep some time.
  return { atChar: caret, atMs: Math.min(segment.endMs - 1, Math.max(segment.startMs + 1, atMs)) };
}
