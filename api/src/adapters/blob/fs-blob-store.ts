import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, readdir, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { CHUNK_BYTES, HEADER_BYTES, TAG_BYTES, newHeader, openChunk, readHeader, sealChunk } from './blob-cipher';
import { BlobError, type BlobStore } from '../../modules/calls/ports';
import { assertBlobKey, assertBlobPrefix } from './assert-blob-key';

/**
 * Blobs live in files named after their key plus this suffix. `+` cannot occur in a key, so the file of
 * key `a` never collides with the folder of key `a/b`, and the dot-prefixed temporary files of writes in
 * progress are never taken for blobs.
 */
const SUFFIX = '+blob';

/**
 * The filesystem blob store: one AES-256-GCM encrypted file per blob under `dir` (see blob-cipher.ts for
 * the format), written atomically (a temporary file in the same folder, fsync, rename), files 0600 and
 * folders 0700. `key` is the 32-byte store key (SUFLER_ENCRYPTION_KEY, from which each blob's own key is
 * derived).
 */
export function createFsBlobStore(options: { dir: string; key: Uint8Array }): BlobStore {
  if (options.key.length !== 32) throw new Error(`The blob store key must be 32 bytes, not ${options.key.length}`);
  const root = resolve(options.dir);
  const storeKey = Buffer.from(options.key);
  const pathOf = (key: string) => join(root, ...key.split('/')) + SUFFIX;

  return {
    async put(key, data) {
      assertBlobKey(key);
      const path = pathOf(key);
      const folder = dirname(path);
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const temporary = join(folder, `.${basename(path)}.${randomUUID()}.tmp`);
      const file = await open(temporary, 'wx', 0o600);
      try {
        await writeSealed(file, storeKey, data);
        await file.sync();
        await file.close();
        await rename(temporary, path);
      } catch (error) {
        await file.close().catch(() => {});
        await unlink(temporary).catch(() => {});
        throw error;
      }
      await syncFolder(folder);
    },

    async get(key) {
      assertBlobKey(key);
      let file: FileHandle;
      try {
        file = await open(pathOf(key), 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      try {
        return await readSealed(file, storeKey, key);
      } finally {
        await file.close();
      }
    },

    async deletePrefix(prefix) {
      assertBlobPrefix(prefix);
      const cut = prefix.lastIndexOf('/');
      const folder = join(root, ...prefix.slice(0, cut + 1).split('/').filter(Boolean));
      const start = prefix.slice(cut + 1);
      let entries;
      try {
        entries = await readdir(folder, { withFileTypes: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
        throw error;
      }
      let deleted = 0;
      for (const entry of entries) {
        if (!entry.name.startsWith(start)) continue;
        const path = join(folder, entry.name);
        if (entry.isFile() && entry.name.endsWith(SUFFIX)) {
          await unlink(path).catch(ignoreMissing);
          deleted++;
        } else if (entry.isDirectory()) {
          deleted += await countBlobs(path);
          await rm(path, { recursive: true, force: true });
        }
      }
      await pruneEmptyFolders(folder, root);
      return deleted;
    },
  };
}

async function writeSealed(file: FileHandle, storeKey: Buffer, data: Uint8Array): Promise<void> {
  const blob = newHeader(storeKey);
  await writeAll(file, [blob.header]);
  const chunks = Math.max(1, Math.ceil(data.length / CHUNK_BYTES));
  for (let index = 0; index < chunks; index++) {
    const plain = data.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
    await writeAll(file, sealChunk(blob, index, index === chunks - 1, plain));
  }
}

/** writev may in principle write less than asked (a full disk): go on until all is written, or fail. */
async function writeAll(file: FileHandle, buffers: Buffer[]): Promise<void> {
  let rest = Buffer.concat(buffers);
  while (rest.length > 0) {
    const { bytesWritten } = await file.write(rest);
    if (bytesWritten === 0) throw new Error('The blob store could not write (is the disk full?)');
    rest = rest.subarray(bytesWritten);
  }
}

async function readSealed(file: FileHandle, storeKey: Buffer, key: string): Promise<Buffer> {
  const { size } = await file.stat();
  const header = Buffer.alloc(HEADER_BYTES);
  const { bytesRead } = await file.read(header, 0, HEADER_BYTES, 0);
  const blob = bytesRead === HEADER_BYTES ? readHeader(storeKey, header) : null;
  if (!blob) throw new BlobError('UNKNOWN_FORMAT', `Blob ${key} is not in a format this version reads (expected the SUFLERB1 header).`);
  const sealedChunk = blob.chunkBytes + TAG_BYTES;
  const body = size - HEADER_BYTES;
  const chunks = Math.max(1, Math.ceil(body / sealedChunk));
  const lastBytes = body - (chunks - 1) * sealedChunk;
  if (lastBytes < TAG_BYTES) throw authFailed(key);
  const plain = Buffer.allocUnsafe(body - chunks * TAG_BYTES);
  const buffer = Buffer.allocUnsafe(Math.min(sealedChunk, body));
  for (let index = 0; index < chunks; index++) {
    const length = index === chunks - 1 ? lastBytes : sealedChunk;
    const sealed = buffer.subarray(0, length);
    const read = await file.read(sealed, 0, length, HEADER_BYTES + index * sealedChunk);
    if (read.bytesRead !== length) throw authFailed(key);
    try {
      openChunk(blob, index, index === chunks - 1, sealed).copy(plain, index * blob.chunkBytes);
    } catch {
      throw authFailed(key);
    }
  }
  return plain;
}

const authFailed = (key: string) =>
  new BlobError('AUTH_FAILED', `Blob ${key} cannot be decrypted: it was altered or truncated, or written under another SUFLER_ENCRYPTION_KEY.`);

const ignoreMissing = (error: NodeJS.ErrnoException) => {
  if (error.code !== 'ENOENT') throw error;
};

async function countBlobs(folder: string): Promise<number> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(SUFFIX)).length;
}

/** Empty folders left by a deletion go too, up to (not including) the store's root. */
async function pruneEmptyFolders(folder: string, root: string): Promise<void> {
  for (let current = folder; current.startsWith(root + sep); current = dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return;
    }
  }
}

/** fsync of the folder makes the rename itself durable; not every platform can open a folder. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open folders; the rename is still atomic there.
  }
}
