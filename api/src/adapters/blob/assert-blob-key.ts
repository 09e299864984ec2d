import { BlobError } from '../../modules/calls/ports';

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
