import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * A secret the embedded default generates once and keeps in its data directory, readable only by its
 * owner (the JWT signing key, the encryption key): read if there, else created with `generate`.
 */
export function keptSecret(dataDir: string, file: string, generate: () => string): string {
  const dir = resolve(dataDir);
  const path = join(dir, file);
  try {
    return readFileSync(path, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true });
  const secret = generate();
  writeFileSync(path, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
