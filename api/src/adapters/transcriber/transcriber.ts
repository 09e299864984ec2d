import { SpeechServiceError, type ServiceFailure, type ServiceFailureCode } from './service-failure';

/**
 * The Transcriber port: speech to text for one stretch of audio. The call pipeline sends each
 * speech segment separately (silence is never sent) and shifts the times by the segment's start.
 */
export type Transcriber = {
  transcribe(input: TranscribeInput, signal?: AbortSignal): Promise<Transcription>;
};

export type TranscribeInput = {
  /** A WAV file (the pipeline sends 16 kHz mono PCM). */
  audio: Uint8Array;
  /** Servers read the format from its extension, so end it in `.wav`. */
  filename: string;
  /** ISO 639-1; default: the adapter's (TRANSCRIBE_LANGUAGE). */
  language?: string;
  /** Context for the model, e.g. the previous segment's text or names it should spell right. */
  prompt?: string;
};

/** Times are integer milliseconds from the start of the audio sent. */
export type Transcription = {
  text: string;
  /** As the server names it (OpenAI says `polish`, some servers `pl`); null when it did not say. */
  language: string | null;
  durationMs: number;
  segments: TranscriptionSegment[];
};

export type TranscriptionSegment = { startMs: number; endMs: number; text: string };

export type TranscriberErrorCode = ServiceFailureCode;

/** Why a transcription failed; `transient` says whether the pipeline should retry it later. */
export class TranscriberError extends SpeechServiceError {
  constructor(failure: ServiceFailure) {
    super(failure);
    this.name = 'TranscriberError';
  }
}
