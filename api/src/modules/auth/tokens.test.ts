import { randomUUID } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, test } from 'vitest';
import { createAccessTokens, hashRefreshToken, newRefreshToken } from './tokens';

const secret = 'a'.repeat(40);
const userId = randomUUID();

describe('access tokens', () => {
  test('a signed token verifies to its claims', async () => {
    const tokens = createAccessTokens({ secret, ttlSeconds: 60 });
    const { token } = await tokens.sign({ userId, role: 'manager' });
    await expect(tokens.verify(token)).resolves.toEqual({ userId, role: 'manager' });
  });

  test('an expired token is refused as expired', async () => {
    let clock = Date.now();
    const tokens = createAccessTokens({ secret, ttlSeconds: 60, now: () => clock });
    const { token } = await tokens.sign({ userId, role: 'admin' });
    clock += 61_000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED', message: 'Access token expired' });
  });

  const forgeries: [string, () => Promise<string>][] = [
    ['alg none', async () => new UnsecuredJWT({ role: 'admin' }).setSubject(userId).setIssuer('sufler').setAudience('sufler-api').setExpirationTime('1h').encode()],
    ['another key', async () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('sufler').setAudience('sufler-api').setExpirationTime('1h').sign(new TextEncoder().encode('b'.repeat(40)))],
    ['another audience', async () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('sufler').setAudience('other').setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['an unknown role', async () => new SignJWT({ role: 'root' }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId).setIssuer('sufler').setAudience('sufler-api').setExpirationTime('1h').sign(new TextEncoder().encode(secret))],
    ['garbage', async () => 'not.a.jwt'],
  ];
  test.each(forgeries)('a token with %s is refused', async (_name, forge) => {
    const tokens = createAccessTokens({ secret, ttlSeconds: 60 });
    await expect(tokens.verify(await forge())).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('refresh tokens', () => {
  test('are random, long, and stored only as a hash', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43);
    expect(a.hash).toBe(hashRefreshToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });
});
