import { randomBytes } from 'node:crypto';
import { keptSecret } from '../../db/kept-secret';

/**
 * The signing key for access tokens. Deployed setups pass `SUFLER_JWT_SECRET` (env.ts requires it
 * with DATABASE_URL); the embedded default keeps a generated one beside its database, readable only
 * by its owner, so a restart does not log everybody out.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string | undefined): string {
  const generate = () => randomBytes(48).toString('base64url');
  if (configured) return configured;
  if (!dataDir) return generate(); // in-memory database: nothing to keep
  return keptSecret(dataDir, 'jwt-secret', generate);
}
