/**
 * Ports of call evaluation that other modules share (live meetings record into the same blob store, cut
 * speech the same way, send utterances to the same transcriber and encode their audio with the same codec).
 * Adapters live in `api/src/adapters/` and implement these; modules depend on this file only, never on an
 * adapter (a lint rule in eslint.config.js). The typed errors that modules branch on (`instanceof`, `code`)
 * are part of the port and live here too.
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

/**
 * Where recordings (and other large binary data) are kept, by key. Implementations encrypt at rest;
 * the filesystem one is the default (`createFsBlobStore`), an S3-style one can follow behind this port.
 */
export type BlobStore = {
  /** Stores `data` under `key`, replacing what was there; readers see the old or the new blob, never a mix. */
  put(key: string, data: Uint8Array): Promise<void>;
  /** The blob, or null when there is none under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes every blob whose key starts with `prefix` (a string prefix, as in S3); returns how many. */
  deletePrefix(prefix: string): Promise<number>;
};

export type BlobErrorCode = 'INVALID_KEY' | 'AUTH_FAILED' | 'UNKNOWN_FORMAT';

export class BlobError extends Error {
  constructor(
    readonly code: BlobErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BlobError';
  }
}

/**
 * How a call to a speech service (transcription, diarization) can fail, shared by their typed
 * errors so the pipeline branches on one set of codes and retries only what is `transient`.
 */
export const SERVICE_FAILURE_CODES = [
  /** Nothing answered at the address (refused, DNS, TLS, a dropped connection). */
  'unreachable',
  /** No complete answer within the configured time (or HTTP 408). */
  'timeout',
  /** HTTP 429: a quota or rate limit; `retryAfterMs` says when when the server did. */
  'rate_limited',
  /** HTTP 4xx: the request itself is wrong (bad file, model, key); sending it again will not help. */
  'rejected',
  /** HTTP 5xx: the server failed or is overloaded. */
  'server_error',
  /** HTTP 2xx whose body is not the expected JSON. */
  'bad_response',
  /** The caller's AbortSignal fired. */
  'aborted',
] as const;
export type ServiceFailureCode = (typeof SERVICE_FAILURE_CODES)[number];

const TRANSIENT = new Set<ServiceFailureCode>(['unreachable', 'timeout', 'rate_limited', 'server_error']);

/** Worth retrying later: network trouble, time-outs, rate limits and server errors. */
export const isTransient = (code: ServiceFailureCode) => TRANSIENT.has(code);

export type ServiceFailure = {
  code: ServiceFailureCode;
  message: string;
  /** The HTTP status, when the server answered. */
  status?: number;
  /** From `Retry-After`, when the server sent one. */
  retryAfterMs?: number;
  cause?: unknown;
};

/** The typed error both speech adapters throw; subclasses only name it. */
export abstract class SpeechServiceError extends Error {
  readonly code: ServiceFailureCode;
  readonly transient: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(failure: ServiceFailure) {
    super(failure.message, failure.cause === undefined ? undefined : { cause: failure.cause });
    this.code = failure.code;
    this.transient = isTransient(failure.code);
    this.status = failure.status;
    this.retryAfterMs = failure.retryAfterMs;
  }
}

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

/**
 * The AudioCodec port: reading recordings of any container browsers and phones make, and writing the
 * lossless file a live meeting becomes. Works on files (some containers need seeking). The ffmpeg
 * adapter (`createFfmpegAudioCodec`) finds its binary on first use; a missing one rejects any method
 * with AudioError FFMPEG_MISSING.
 */
export type AudioCodec = {
  /** What a recording holds, from its headers. Throws `AudioError`: EMPTY_FILE, UNDECODABLE, UNSUPPORTED_TYPE. */
  probe(filePath: string, signal?: AbortSignal): Promise<AudioProbe>;
  /**
   * 16-bit PCM per channel. Throws `AudioError` (EMPTY_FILE, UNDECODABLE, UNSUPPORTED_TYPE, TOO_LONG); an
   * aborted `signal` rejects with the signal's reason.
   */
  decode(filePath: string, options?: DecodeOptions): Promise<DecodedAudio>;
  /** Encodes interleaved s16le PCM in `rawPath` as FLAC in `outPath`; throws `AudioError` UNDECODABLE when it cannot. */
  encodeFlac(rawPath: string, outPath: string, format: { sampleRate: number; channels: number }): Promise<void>;
};

export type AudioProbe = {
  durationMs: number;
  channels: number;
  sampleRate: number;
  /** ffmpeg's codec name, e.g. pcm_s16le, pcm_mulaw, mp3, opus, aac, flac. */
  codec: string;
  /** True when ffmpeg guessed the duration from the bitrate (a header without one); decoding gives the exact one. */
  durationEstimated: boolean;
};

export type DecodedAudio = {
  sampleRate: number;
  durationMs: number;
  /** One array for mono, two (left, right) for stereo; of more channels only the first two are kept. */
  channels: Int16Array[];
};

export type DecodeOptions = {
  /** Output rate in Hz (default 16 000, what speech recognisers expect). */
  sampleRate?: number;
  signal?: AbortSignal;
  /** 0…1, called as the decoded audio grows (at most about a hundred times) and with 1 at the end. */
  onProgress?: (fraction: number) => void;
  /** Longer audio is refused with TOO_LONG, checked against the header and again while decoding. */
  maxDurationMs?: number;
};

export type AudioErrorCode = 'FFMPEG_MISSING' | 'EMPTY_FILE' | 'UNSUPPORTED_TYPE' | 'UNDECODABLE' | 'TOO_LONG';

/** Why a recording could not be read; `code` matches the upload error codes the UI branches on. */
export class AudioError extends Error {
  constructor(
    readonly code: AudioErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AudioError';
  }
}
