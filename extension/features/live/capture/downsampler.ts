/**
 * Streaming resampler from the AudioContext's native rate (48 kHz, 44.1 kHz, …) down to the live rate
 * (16 kHz), with a Kaiser-windowed sinc low-pass as the anti-alias filter.
 *
 * Rational polyphase: output sample n sits at input time n·M/L (L/M = outRate/inRate reduced), so the phase
 * is an exact integer and the output count never drifts, whatever the chunk sizes (a 2-hour meeting at
 * 44.1 kHz gives exactly the samples 16 kHz asks for). 48 kHz needs one phase; 44.1 kHz needs 160.
 *
 * The pass band is flat to ~6.5 kHz; the stop band (≥ 70 dB down) starts at 7.5 kHz, below the new Nyquist
 * (8 kHz), so nothing folds back into speech.
 */

export interface Downsampler {
  /** Feeds input samples; returns the output samples that are complete (the filter looks ahead `delay` samples). */
  push(input: Float32Array): Float32Array;
  /** Feeds silence for the look-ahead so the last input samples come out too; the stream ends there. */
  flush(): Float32Array;
  /** How many output samples the stream has produced so far. */
  readonly produced: number;
}

export interface DownsamplerOptions {
  inputRate: number;
  outputRate?: number;
  /** −6 dB point in Hz (default: outputRate × 7/16, 7 kHz for 16 kHz). */
  cutoffHz?: number;
  /** Width of the transition band in Hz (default: outputRate / 16, 1 kHz for 16 kHz). */
  transitionHz?: number;
  /** Stop-band attenuation in dB (default 70). */
  attenuationDb?: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Zeroth-order modified Bessel function of the first kind (series), for the Kaiser window. */
function besselI0(x: number): number {
  let sum = 1;
  let term = 1;
  const q = (x * x) / 4;
  for (let k = 1; k < 50; k++) {
    term *= q / (k * k);
    sum += term;
    if (term < sum * 1e-12) break;
  }
  return sum;
}

export function createDownsampler({
  inputRate,
  outputRate = 16_000,
  cutoffHz = (outputRate * 7) / 16,
  transitionHz = outputRate / 16,
  attenuationDb = 70,
}: DownsamplerOptions): Downsampler {
  if (!Number.isInteger(inputRate) || !Number.isInteger(outputRate) || inputRate < outputRate || outputRate <= 0) {
    throw new Error(`cannot downsample ${inputRate} Hz to ${outputRate} Hz`);
  }
  const divisor = gcd(inputRate, outputRate);
  const up = outputRate / divisor; // L: phases
  const down = inputRate / divisor; // M
  if (up > 4096) throw new Error(`unsupported rate ratio ${inputRate}/${outputRate}`);

  // Kaiser design (Oppenheim & Schafer): taps = (A − 8) / (2.285 · Δω).
  const deltaOmega = (2 * Math.PI * transitionHz) / inputRate;
  const half = Math.ceil((attenuationDb - 8) / (2.285 * deltaOmega) / 2); // H: taps on each side
  const taps = 2 * half;
  const beta = attenuationDb > 50 ? 0.1102 * (attenuationDb - 8.7) : 0.5842 * (attenuationDb - 21) ** 0.4 + 0.07886 * (attenuationDb - 21);
  const fc = cutoffHz / inputRate; // cycles per input sample
  const i0Beta = besselI0(beta);
  const impulse = (tau: number) => {
    const r = tau / half;
    if (Math.abs(r) >= 1) return 0;
    const x = 2 * fc * tau;
    const sinc = x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
    return 2 * fc * sinc * (besselI0(beta * Math.sqrt(1 - r * r)) / i0Beta);
  };

  // table[p·taps + m] weighs input k = ip − H + 1 + m for output at ip + p/L: h(p/L + H − 1 − m).
  const table = new Float32Array(up * taps);
  for (let p = 0; p < up; p++) {
    let sum = 0;
    for (let m = 0; m < taps; m++) sum += impulse(p / up + half - 1 - m);
    // Each phase sums to exactly 1: unit gain at DC, no phase-dependent ripple.
    for (let m = 0; m < taps; m++) table[p * taps + m] = impulse(p / up + half - 1 - m) / sum;
  }

  // Input history; `base` is the global index of buf[0]. Indices below 0 are silence.
  let buf = new Float32Array(Math.max(4096, taps * 2));
  let length = half; // H zeros before the first sample
  let base = -half;
  let n = 0; // next output index
  let inputCount = 0;
  let finished = false;

  const append = (input: Float32Array) => {
    if (length + input.length > buf.length) {
      const grown = new Float32Array(Math.max(buf.length * 2, length + input.length));
      grown.set(buf.subarray(0, length));
      buf = grown;
    }
    buf.set(input, length);
    length += input.length;
  };

  const drain = (): Float32Array => {
    const out: number[] = [];
    for (;;) {
      const position = n * down;
      const ip = Math.floor(position / up);
      const phase = position - ip * up;
      if (ip + half >= base + length) break;
      const start = ip - half + 1 - base;
      const offset = phase * taps;
      let acc = 0;
      for (let m = 0; m < taps; m++) acc += buf[start + m]! * table[offset + m]!;
      out.push(acc);
      n++;
    }
    // Drop what no future output needs.
    const keepFrom = Math.floor((n * down) / up) - half + 1 - base;
    if (keepFrom > 0) {
      buf.copyWithin(0, keepFrom, length);
      length -= keepFrom;
      base += keepFrom;
    }
    return Float32Array.from(out);
  };

  return {
    push(input) {
      if (finished) throw new Error('downsampler already flushed');
      inputCount += input.length;
      append(input);
      return drain();
    },
    flush() {
      if (finished) return new Float32Array(0);
      finished = true;
      // Exactly the outputs whose time lies inside the input: ceil(inputCount · L / M).
      const total = Math.ceil((inputCount * up) / down);
      append(new Float32Array(half + 1));
      const before = n;
      const tail = drain().subarray(0, Math.max(0, total - before));
      n = before + tail.length;
      return tail;
    },
    get produced() {
      return n;
    },
  };
}
