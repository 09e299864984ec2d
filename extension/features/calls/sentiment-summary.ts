import type { SentimentPoint } from '@sufler/shared';
import { NEUTRAL_BAND } from './format';

export type SentimentTrend = 'rising' | 'falling' | 'steady';

export interface SentimentSummary {
  count: number;
  mean: number;
  lowest: SentimentPoint;
  highest: SentimentPoint;
  /** From the first third of the call to the last; null with fewer than 3 points. */
  trend: SentimentTrend | null;
}

const mean = (points: readonly SentimentPoint[]) => points.reduce((sum, point) => sum + point.score, 0) / points.length;

/**
 * What the chart shows, in numbers a sentence can carry: the mean, the lowest and highest moment, and
 * whether the client ended warmer or colder than they began (the last third's mean against the first's).
 */
export function summarizeSentiment(points: readonly SentimentPoint[]): SentimentSummary | null {
  if (points.length === 0) return null;
  const sorted = [...points].sort((a, b) => a.startMs - b.startMs);
  let lowest = sorted[0]!;
  let highest = sorted[0]!;
  for (const point of sorted) {
    if (point.score < lowest.score) lowest = point;
    if (point.score > highest.score) highest = point;
  }
  let trend: SentimentTrend | null = null;
  if (sorted.length >= 3) {
    const third = Math.max(1, Math.floor(sorted.length / 3));
    const change = mean(sorted.slice(-third)) - mean(sorted.slice(0, third));
    trend = change >= NEUTRAL_BAND ? 'rising' : change <= -NEUTRAL_BAND ? 'falling' : 'steady';
  }
  return { count: sorted.length, mean: mean(sorted), lowest, highest, trend };
}

const STEPS_S = [10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

/** Time-axis ticks (ms) at a round step, at most `max` of them, from 0 up to `durationMs`. */
export function timeTicks(durationMs: number, max = 5): number[] {
  if (durationMs <= 0) return [0];
  const stepMs = (STEPS_S.find((step) => durationMs / (step * 1000) <= max) ?? STEPS_S.at(-1)!) * 1000;
  const ticks: number[] = [];
  for (let at = 0; at <= durationMs; at += stepMs) ticks.push(at);
  return ticks;
}
