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
