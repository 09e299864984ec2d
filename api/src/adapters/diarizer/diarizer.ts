import { SpeechServiceError, type ServiceFailure, type ServiceFailureCode } from '../transcriber/service-failure';

/**
 * The Diarizer port: who spoke when, in a mono recording (stereo calls are split by channel
 * instead). Speakers are the service's own anonymous labels; the roles stage maps them to
 * CLIENT / CONSULTANT.
 */
export type Diarizer = {
  diarize(input: DiarizeInput, signal?: AbortSignal): Promise<DiarizedTurn[]>;
};

export type DiarizeInput = {
  /** A WAV file (the pipeline sends 16 kHz mono PCM). */
  audio: Uint8Array;
  filename: string;
  /** How many speakers to find, when known (a phone call: 2); the service guesses otherwise. */
  speakers?: number;
};

/** Integer milliseconds from the start of the audio; sorted by start; turns may overlap. */
export type DiarizedTurn = { startMs: number; endMs: number; speaker: string };

export type DiarizerErrorCode = ServiceFailureCode;

/** Why diarization failed; `transient` says whether the pipeline should retry it later. */
export class DiarizerError extends SpeechServiceError {
  constructor(failure: ServiceFailure) {
    super(failure);
    this.name = 'DiarizerError';
  }
}
