import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The signing key for access tokens. Deployed setups pass `SUFLER_JWT_SECRET` (env.ts requires it
 * with DATABASE_URL); the embedded default keeps a generated one beside its database, readable only
 * by its owner, so a restart does not log everybody out.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string | undefined): string {
  if (configured) return configured;
  if (!dataDir) return randomBytes(48).toString('base64url'); // in-memory database: nothing to keep
  const dir = resolve(dataDir);
  const path = join(dir, 'jwt-secret');
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
