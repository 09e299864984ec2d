import { randomBytes } from 'node:crypto';
import { loadEnv, type Env } from '../src/env';

/**
 * The environment every bench app starts from: silent, a fresh encryption key, rules mode (nothing
 * listens on the discard port) unless `vars` names a model server, and PostgreSQL when given its URL.
 */
export function benchEnv(vars: Record<string, string> = {}, postgresUrl?: string): Env {
  return loadEnv({
    SUFLER_JWT_SECRET: 'bench-secret-bench-secret-bench-secret!!',
    SUFLER_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    OLLAMA_URL: 'http://127.0.0.1:9',
    ...(postgresUrl && { DATABASE_URL: postgresUrl }),
    ...vars,
  });
}
