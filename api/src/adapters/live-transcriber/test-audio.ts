/** Utterances for the live-transcriber tests: 16 kHz mono PCM as the live module cuts it. */

/** A tone loud enough to pass the silence floor (about -24 dBFS at the default amplitude). */
export function speechLike(durationMs: number, amplitude = 3000): Int16Array {
  return Int16Array.from({ length: Math.round(durationMs * 16) }, (_, i) => Math.round(amplitude * Math.sin((2 * Math.PI * 220 * i) / 16_000)));
}

/** Room noise far under -50 dBFS. */
export function nearSilence(durationMs: number): Int16Array {
  return Int16Array.from({ length: Math.round(durationMs * 16) }, (_, i) => (i % 3) - 1);
}
