/**
 * Ports of call evaluation that other modules share (live meetings cut speech the same way).
 * Adapters live in `api/src/adapters/`; modules depend on these types only.
 */

/**
 * Voice activity, one frame at a time: the probability (0…1) that a frame of 16 kHz mono PCM holds speech.
 * Stateful (a model keeps context across frames): one classifier per channel or side, frames in order.
 */
export interface SpeechClassifier {
  readonly name: SpeechClassifierName;
  /** Samples per frame the classifier takes (Silero: 512 at 16 kHz; the energy detector: 320). */
  readonly frameSamples: number;
  classify(frame: Int16Array): Promise<number>;
  /** Forgets the context (a new stream). */
  reset(): void;
}

export type SpeechClassifierName = 'silero' | 'energy';

/** Makes a fresh classifier per stream; `name` says which one this factory makes. */
export interface SpeechClassifierFactory {
  readonly name: SpeechClassifierName;
  create(): Promise<SpeechClassifier>;
}
