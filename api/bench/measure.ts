const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Prints p50 and p95 of a list of milliseconds under a label. */
export function report(label: string, times: number[]): void {
  const sorted = [...times].sort((a, b) => a - b);
  console.log(
    `${label.padEnd(52)} p50 ${percentile(sorted, 50).toFixed(2).padStart(8)} ms   p95 ${percentile(sorted, 95).toFixed(2).padStart(8)} ms   (n=${times.length})`,
  );
}

/** Runs `fn` `runs` times one after another and reports the durations. */
export async function measure(label: string, runs: number, fn: (i: number) => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  report(label, times);
}
