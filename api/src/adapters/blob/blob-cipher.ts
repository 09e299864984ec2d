import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * The at-rest format of a blob, version 1:
 *
 *   "SUFLERB1" | chunk size (u32 BE) | salt (16 random bytes)        = the 28-byte header
 *   then per chunk of at most `chunk size` plaintext bytes: ciphertext | 16-byte GCM tag
 *
 * Each blob gets its own AES-256-GCM key, derived with HKDF-SHA256 from the store key and the blob's
 * fresh salt, so nonces never repeat under a key however many blobs there are. The nonce is the chunk
 * number plus a last-chunk flag and the header is authenticated with every chunk (the STREAM
 * construction): reordered, dropped, appended or truncated chunks fail authentication, as does a wrong
 * store key. Chunks keep memory flat: a 200 MB recording is never copied whole. A later scheme gets
 * another magic ("SUFLERB2") and readers pick by it.
 */
export const MAGIC = Buffer.from('SUFLERB1', 'ascii');
export const HEADER_BYTES = 28;
export const TAG_BYTES = 16;
export const CHUNK_BYTES = 1024 * 1024;
const HKDF_INFO = Buffer.from('sufler blob v1', 'ascii');

export type BlobHeader = { header: Buffer; chunkBytes: number; key: Buffer };

export function newHeader(storeKey: Uint8Array): BlobHeader {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(CHUNK_BYTES, 8);
  const salt = randomBytes(16);
  salt.copy(header, 12);
  return { header, chunkBytes: CHUNK_BYTES, key: deriveKey(storeKey, salt) };
}

/** null when `header` is not version 1 or names an implausible chunk size. */
export function readHeader(storeKey: Uint8Array, header: Buffer): BlobHeader | null {
  if (header.length !== HEADER_BYTES || !header.subarray(0, 8).equals(MAGIC)) return null;
  const chunkBytes = header.readUInt32BE(8);
  if (chunkBytes < 1024 || chunkBytes > 64 * 1024 * 1024) return null;
  return { header, chunkBytes, key: deriveKey(storeKey, header.subarray(12, 28)) };
}

function deriveKey(storeKey: Uint8Array, salt: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', storeKey, salt, HKDF_INFO, 32));
}

function nonce(index: number, last: boolean): Buffer {
  const iv = Buffer.alloc(12);
  iv.writeBigUInt64BE(BigInt(index), 0);
  iv[11] = last ? 1 : 0;
  return iv;
}

/** Ciphertext and tag of chunk `index`. */
export function sealChunk(blob: BlobHeader, index: number, last: boolean, plain: Uint8Array): [Buffer, Buffer] {
  const cipher = createCipheriv('aes-256-gcm', blob.key, nonce(index, last));
  cipher.setAAD(blob.header);
  const sealed = cipher.update(plain);
  cipher.final();
  return [sealed, cipher.getAuthTag()];
}

/** The plaintext of chunk `index` (ciphertext then tag in `sealed`); throws when authentication fails. */
export function openChunk(blob: BlobHeader, index: number, last: boolean, sealed: Uint8Array): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', blob.key, nonce(index, last));
  decipher.setAAD(blob.header);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
  const plain = decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES));
  decipher.final();
  return plain;
}
