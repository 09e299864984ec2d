/** Steps a time axis may use, in seconds: round numbers a person reads off a clock. */
const STEPS_S = [5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600];

/** Tick positions (ms) from 0 to `durationMs` with the smallest round step that gives at most `maxTicks` intervals. */
export function timeTicks(durationMs: number, maxTicks = 8): number[] {
  if (durationMs <= 0) return [0];
  const stepS = STEPS_S.find((s) => durationMs / (s * 1000) <= maxTicks) ?? Math.ceil(durationMs / 1000 / maxTicks / 3600) * 3600;
  const ticks: number[] = [];
  for (let at = 0; at <= durationMs; at += stepS * 1000) ticks.push(at);
  return ticks;
}
