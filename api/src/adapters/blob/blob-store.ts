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

/** Lower-case path segments, each starting with a letter or digit: no `..`, no leading `/`, no empty segment. */
const SEGMENT = /^[a-z0-9][a-z0-9_.-]*$/;
const MAX_KEY_LENGTH = 512;

/** Throws INVALID_KEY unless `key` is a well-formed blob key (`^[a-z0-9][a-z0-9/_.-]*$`, segment by segment). */
export function assertBlobKey(key: string): void {
  if (key.length > MAX_KEY_LENGTH || !key.split('/').every((segment) => SEGMENT.test(segment) && !segment.includes('..'))) {
    throw new BlobError('INVALID_KEY', `Invalid blob key ${JSON.stringify(key.slice(0, 80))}: use lower-case letters, digits and _ . - in segments separated by /`);
  }
}

/** A prefix is a key, or a key with a trailing `/` (everything in that "folder"). */
export function assertBlobPrefix(prefix: string): void {
  assertBlobKey(prefix.endsWith('/') ? prefix.slice(0, -1) : prefix);
}
