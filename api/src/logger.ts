import { pino, type Logger } from 'pino';
import type { Env } from './env';

export type { Logger };

/**
 * Structured JSON logs; secrets and tokens are redacted wherever they appear in a logged object.
 * CLI commands whose stdout is their output (e.g. `analyze --json`) log to stderr.
 */
export function createLogger(env: Pick<Env, 'LOG_LEVEL'>, to: 'stdout' | 'stderr' = 'stdout'): Logger {
  return pino({
    level: env.LOG_LEVEL,
    base: { service: 'sufler-api' },
    redact: {
      paths: ['password', '*.password', 'refreshToken', '*.refreshToken', 'accessToken', '*.accessToken', 'req.headers.authorization'],
      censor: '[redacted]',
    },
  }, pino.destination(to === 'stderr' ? 2 : 1));
}
