/**
 * Resamples 16-bit mono PCM by linear interpolation: enough for speech going to a recogniser (the
 * Realtime API wants 24 kHz, the live module cuts 16 kHz), and what speaches itself does the other way
 * (`np.interp` in `speaches/audio.py`). Output length is `round(n × to / from)`; sample i of the output
 * sits at `i × from / to` of the input, the last input sample held past the end.
 */
export function resampleLinear(samples: Int16Array, fromRate: number, toRate: number): Int16Array {
  if (!(fromRate > 0 && toRate > 0)) throw new RangeError(`sample rates must be positive (${fromRate} → ${toRate})`);
  if (fromRate === toRate) return samples.slice();
  const length = Math.round((samples.length * toRate) / fromRate);
  const out = new Int16Array(length);
  const last = samples.length - 1;
  const step = fromRate / toRate;
  for (let i = 0; i < length; i++) {
    const at = i * step;
    const left = Math.min(Math.floor(at), last);
    const right = Math.min(left + 1, last);
    const fraction = at - left;
    out[i] = Math.round(samples[left]! + (samples[right]! - samples[left]!) * fraction);
  }
  return out;
}
