import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { keptSecret } from './kept-secret';

/** 32 bytes written as 64 hex digits, or as base64 (standard or URL-safe, padding optional); else undefined. */
export function decodeEncryptionKey(text: string): Buffer | undefined {
  const value = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return undefined;
  const key = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64');
  return key.length === 32 ? key : undefined;
}

/**
 * The key that encrypts sensitive columns. Deployed setups pass `SUFLER_ENCRYPTION_KEY` (env.ts
 * requires it with DATABASE_URL); the embedded default generates one into its data directory (back it
 * up with the data: without it the notes cannot be read); an in-memory database gets a random one.
 */
export function resolveEncryptionKey(configured: Buffer | undefined, dataDir: string | undefined): Buffer {
  if (configured) return configured;
  if (!dataDir) return randomBytes(32);
  const file = 'encryption-key';
  const key = decodeEncryptionKey(keptSecret(dataDir, file, () => randomBytes(32).toString('base64')));
  if (!key) throw new Error(`${join(resolve(dataDir), file)} does not hold a 32-byte key (base64 or hex)`);
  return key;
}
