import { describe, expect, test } from 'vitest';
import { EnvError, loadEnv } from './env';

describe('loadEnv', () => {
  test('defaults start the embedded product with nothing set', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ PORT: 8787, SUFLER_DATA_DIR: './.sufler-data' });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x@y/z', SUFLER_JWT_SECRET: 'x'.repeat(32) }, 'DATABASE_URL'],
    [{ SUFLER_JWT_SECRET: 'short' }, 'SUFLER_JWT_SECRET'],
    [{ DATABASE_URL: 'postgres://localhost/db' }, 'SUFLER_JWT_SECRET'],
    [{ SUFLER_ADMIN_EMAIL: 'boss@example.com' }, 'SUFLER_ADMIN_EMAIL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ OLLAMA_URL: 'not a url' }, 'OLLAMA_URL'],
  ])('%o is rejected naming %s', (vars, variable) => {
    let error: unknown;
    try {
      loadEnv(vars);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvError);
    expect((error as EnvError).issues.map((i) => i.variable)).toContain(variable);
    expect((error as EnvError).message).toContain(variable);
  });

  test('empty strings count as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(8787);
  });
});
