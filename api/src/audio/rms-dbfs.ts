/**
 * Loudness of 16-bit PCM as RMS in dBFS (0 is a full-scale square wave; -Infinity is digital silence).
 * Room noise and a muted microphone sit below about -50 dBFS, quiet speech well above it.
 */
export function rmsDbfs(samples: Int16Array): number {
  if (samples.length === 0) return -Infinity;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  const rms = Math.sqrt(sum / samples.length);
  return rms === 0 ? -Infinity : 20 * Math.log10(rms / 32768);
}

/** The default floor below which an utterance is judged silence and never sent. */
export const DEFAULT_MIN_RMS_DB = -50;
