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
    [{ DATABASE_URL: 'postgres://localhost/db' }, 'SUFLER_ENCRYPTION_KEY'],
    [{ DATABASE_URL: 'postgres://localhost/db', SUFLER_JWT_SECRET: 'x'.repeat(32) }, 'SUFLER_ENCRYPTION_KEY'],
    [{ SUFLER_ENCRYPTION_KEY: 'correct horse battery staple' }, 'SUFLER_ENCRYPTION_KEY'],
    [{ SUFLER_ENCRYPTION_KEY: Buffer.alloc(16, 1).toString('base64') }, 'SUFLER_ENCRYPTION_KEY'],
    [{ SUFLER_ENCRYPTION_KEY: Buffer.alloc(48, 1).toString('base64') }, 'SUFLER_ENCRYPTION_KEY'],
    [{ SUFLER_ENCRYPTION_KEY: 'ab'.repeat(31) }, 'SUFLER_ENCRYPTION_KEY'],
    [{ SUFLER_ENCRYPTION_KEY: 'zz'.repeat(32) }, 'SUFLER_ENCRYPTION_KEY'],
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

  const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 250));
  test.each([
    ['base64 (openssl rand -base64 32)', key.toString('base64')],
    ['base64 without padding', key.toString('base64').replace(/=$/, '')],
    ['base64url', key.toString('base64url')],
    ['64 hex digits', key.toString('hex')],
    ['64 hex digits, upper case, with a newline', `${key.toString('hex').toUpperCase()}\n`],
  ])('SUFLER_ENCRYPTION_KEY as %s gives the 32-byte key', (_, value) => {
    expect(loadEnv({ SUFLER_ENCRYPTION_KEY: value }).SUFLER_ENCRYPTION_KEY).toEqual(key);
  });

  test('a bad SUFLER_ENCRYPTION_KEY is not echoed in the error', () => {
    const value = Buffer.alloc(31, 9).toString('base64');
    expect(() => loadEnv({ SUFLER_ENCRYPTION_KEY: value })).toThrow(/SUFLER_ENCRYPTION_KEY: must be 32 bytes/);
    expect(() => loadEnv({ SUFLER_ENCRYPTION_KEY: value })).not.toThrow(value);
  });

  test('PostgreSQL runs with both shared keys set', () => {
    const env = loadEnv({ DATABASE_URL: 'postgres://localhost/db', SUFLER_JWT_SECRET: 'x'.repeat(32), SUFLER_ENCRYPTION_KEY: key.toString('hex') });
    expect(env.SUFLER_ENCRYPTION_KEY).toEqual(key);
  });

  test('empty strings count as unset', () => {
    expect(loadEnv({ DATABASE_URL: '', PORT: '' }).PORT).toBe(8787);
  });
});
