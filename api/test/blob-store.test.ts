import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { CHUNK_BYTES, HEADER_BYTES, TAG_BYTES } from '../src/adapters/blob/blob-cipher';
import { createFsBlobStore } from '../src/adapters/blob/fs-blob-store';
import { BlobError, type BlobStore } from '../src/modules/calls/ports';

let dir: string;
let key: Buffer;
let store: BlobStore;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sufler-blobs-'));
  key = randomBytes(32);
  store = createFsBlobStore({ dir, key });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fileOf = (blobKey: string) => join(dir, ...blobKey.split('/')) + '+blob';
const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (error instanceof BlobError ? error.code : String(error)));

describe('round trip', () => {
  test.each<[string, number]>([
    ['empty', 0],
    ['a few bytes', 5],
    ['exactly one chunk', CHUNK_BYTES],
    ['one chunk and a byte', CHUNK_BYTES + 1],
    ['several chunks', 3 * CHUNK_BYTES + 12_345],
  ])('%s', async (_name, size) => {
    const data = randomBytes(size);
    await store.put('calls/abc/audio', data);
    const back = await store.get('calls/abc/audio');
    expect(back?.equals(data)).toBe(true);
    const onDisk = await readFile(fileOf('calls/abc/audio'));
    expect(onDisk.subarray(0, 8).toString('latin1')).toBe('SUFLERB1');
    expect(onDisk.length).toBe(HEADER_BYTES + size + Math.max(1, Math.ceil(size / CHUNK_BYTES)) * TAG_BYTES);
  });

  test('what is on disk is not the plaintext, files are 0600 and folders 0700', async () => {
    const text = Buffer.from('Dzień dobry, tu Marek z salonu. '.repeat(100));
    await store.put('calls/abc/transcript.txt', text);
    const onDisk = await readFile(fileOf('calls/abc/transcript.txt'));
    expect(onDisk.includes(Buffer.from('Marek'))).toBe(false);
    expect((await stat(fileOf('calls/abc/transcript.txt'))).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, 'calls', 'abc'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dir, 'calls'))).mode & 0o777).toBe(0o700);
  });

  test('the same data twice is encrypted differently (a fresh salt per blob)', async () => {
    const data = Buffer.from('the same recording');
    await store.put('a', data);
    await store.put('b', data);
    expect((await readFile(fileOf('a'))).equals(await readFile(fileOf('b')))).toBe(false);
  });

  test('a missing blob is null; put replaces', async () => {
    expect(await store.get('calls/none')).toBeNull();
    await store.put('k', Buffer.from('one'));
    await store.put('k', Buffer.from('two'));
    expect((await store.get('k'))?.toString()).toBe('two');
  });

  test('a key and a "folder" of the same name live side by side', async () => {
    await store.put('calls/1', Buffer.from('file'));
    await store.put('calls/1/audio', Buffer.from('inside'));
    expect((await store.get('calls/1'))?.toString()).toBe('file');
    expect((await store.get('calls/1/audio'))?.toString()).toBe('inside');
  });

  test('200 MB works, written in chunks', async () => {
    const size = 200 * 1000 * 1000;
    const data = Buffer.alloc(size, randomBytes(4099));
    await store.put('calls/big/audio', data);
    expect((await stat(fileOf('calls/big/audio'))).size).toBe(HEADER_BYTES + size + Math.ceil(size / CHUNK_BYTES) * TAG_BYTES);
    const back = await store.get('calls/big/audio');
    expect(back?.length).toBe(size);
    expect(back!.equals(data)).toBe(true);
  }, 120_000);
});

describe('tampering and keys', () => {
  const data = randomBytes(2 * CHUNK_BYTES + 1000);
  const sealed = CHUNK_BYTES + TAG_BYTES;

  test.each<[string, (file: Buffer) => Buffer]>([
    ['a flipped bit in the first chunk', (f) => flip(f, HEADER_BYTES + 10)],
    ['a flipped bit in the last chunk', (f) => flip(f, f.length - 30)],
    ['a flipped bit in a tag', (f) => flip(f, HEADER_BYTES + sealed - 1)],
    ['a changed salt', (f) => flip(f, 20)],
    ['a changed chunk size', (f) => flip(f, 10)],
    ['the last chunk cut off at a chunk boundary', (f) => f.subarray(0, HEADER_BYTES + 2 * sealed)],
    ['the last bytes cut off', (f) => f.subarray(0, f.length - 5)],
    ['bytes appended', (f) => Buffer.concat([f, Buffer.alloc(40)])],
    ['two chunks swapped', (f) => Buffer.concat([f.subarray(0, HEADER_BYTES), f.subarray(HEADER_BYTES + sealed, HEADER_BYTES + 2 * sealed), f.subarray(HEADER_BYTES, HEADER_BYTES + sealed), f.subarray(HEADER_BYTES + 2 * sealed)])],
  ])('%s fails authentication', async (_name, tamper) => {
    await store.put('x', data);
    await writeFile(fileOf('x'), tamper(await readFile(fileOf('x'))));
    await expect(store.get('x')).rejects.toMatchObject({ code: 'AUTH_FAILED', message: expect.stringMatching(/altered|another SUFLER_ENCRYPTION_KEY/) });
  });

  test('another key cannot read it', async () => {
    await store.put('x', data);
    expect(await code(createFsBlobStore({ dir, key: randomBytes(32) }).get('x'))).toBe('AUTH_FAILED');
    expect((await createFsBlobStore({ dir, key }).get('x'))?.equals(data)).toBe(true);
  });

  test('another format or a cut header is refused as unknown', async () => {
    await store.put('x', data);
    const file = await readFile(fileOf('x'));
    await writeFile(fileOf('x'), Buffer.concat([Buffer.from('SUFLERB2'), file.subarray(8)]));
    expect(await code(store.get('x'))).toBe('UNKNOWN_FORMAT');
    await truncate(fileOf('x'), 12);
    expect(await code(store.get('x'))).toBe('UNKNOWN_FORMAT');
  });

  test('the store key must be 32 bytes', () => {
    expect(() => createFsBlobStore({ dir, key: randomBytes(16) })).toThrow(/32 bytes/);
  });
});

const flip = (file: Buffer, at: number) => {
  const copy = Buffer.from(file);
  copy[at]! ^= 0x01;
  return copy;
};

describe('keys', () => {
  test.each([
    '', '/calls/1', '../x', 'calls/../x', 'calls/..', 'a..b', 'Calls/1', 'a//b', 'a/', '.hidden', 'a/.x', 'a b', 'a\\b',
    'nagranie-ą', 'a+blob', 'x'.repeat(513),
  ])('%j is refused everywhere', async (bad) => {
    expect(await code(store.put(bad, Buffer.from('x')))).toBe('INVALID_KEY');
    expect(await code(store.get(bad))).toBe('INVALID_KEY');
    if (bad !== 'a/') expect(await code(store.deletePrefix(bad))).toBe('INVALID_KEY');
    expect(await readdir(dir)).toEqual([]);
  });

  test.each(['a', '0', 'calls/6f1c/audio.wav', 'calls/x_y/z-1.2'])('%j is a key', async (good) => {
    await store.put(good, Buffer.from(good));
    expect((await store.get(good))?.toString()).toBe(good);
  });
});

describe('deletePrefix', () => {
  test('removes by string prefix, counts, and leaves the rest', async () => {
    for (const k of ['calls/1/audio', 'calls/1/transcript', 'calls/12/audio', 'calls/2/audio', 'calls/2/x/y', 'calls1', 'other'])
      await store.put(k, Buffer.from(k));
    expect(await store.deletePrefix('calls/1/')).toBe(2);
    expect(await store.get('calls/1/audio')).toBeNull();
    expect((await store.get('calls/12/audio'))?.toString()).toBe('calls/12/audio');
    expect(await store.deletePrefix('calls/1')).toBe(1);
    expect(await store.deletePrefix('calls/2')).toBe(2);
    expect(await store.deletePrefix('nothing/here/')).toBe(0);
    expect((await store.get('calls1'))?.toString()).toBe('calls1');
    expect((await store.get('other'))?.toString()).toBe('other');
    // Emptied folders go too.
    expect((await readdir(dir)).sort()).toEqual(['calls1+blob', 'other+blob']);
    expect(await store.deletePrefix('c')).toBe(1);
    expect((await readdir(dir)).sort()).toEqual(['other+blob']);
  });
});

test('concurrent puts of one key leave one whole blob and no temporary files', async () => {
  const versions = Array.from({ length: 8 }, () => randomBytes(CHUNK_BYTES + 4321));
  await Promise.all(versions.map((v) => store.put('calls/race/audio', v)));
  const back = await store.get('calls/race/audio');
  expect(versions.some((v) => v.equals(back!))).toBe(true);
  expect(await readdir(join(dir, 'calls', 'race'))).toEqual(['audio+blob']);
});
