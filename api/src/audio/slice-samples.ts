/**
 * The samples between `startMs` and `endMs` (clamped to the recording; empty when the range is), as a
 * view on the same memory: cutting a 60-minute channel into segments copies nothing.
 */
export function sliceSamples(samples: Int16Array, sampleRate: number, startMs: number, endMs: number): Int16Array {
  const start = Math.min(samples.length, Math.max(0, Math.floor((startMs / 1000) * sampleRate)));
  const end = Math.min(samples.length, Math.max(start, Math.ceil((endMs / 1000) * sampleRate)));
  return samples.subarray(start, end);
}
