import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAccessTokens } from '../src/modules/auth/tokens';
import { createTestApp, DATABASES, PASSWORD, type TestApp } from './harness';

describe.each(DATABASES)('auth on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t?.close());

  test('login returns tokens that work; me tells who is logged in', async () => {
    const { user } = await t.as('manager', 'kierownik@salon.pl');
    const pair = await t.anonymous().auth.login({ email: ' Kierownik@Salon.PL ', password: PASSWORD });
    expect(pair.user).toEqual(user);
    expect(pair.accessTokenExpiresAt).toBeGreaterThan(Date.now());
    expect(await t.withToken(pair.accessToken).auth.me()).toEqual(user);
  });

  test.each([
    ['a wrong password', 'kierownik@salon.pl', 'wrong password!!'],
    ['an unknown e-mail', 'nikt@salon.pl', PASSWORD],
  ])('login with %s is refused with one message, and audited', async (_case, email, password) => {
    const before = await t.counts();
    await expect(t.anonymous().auth.login({ email, password })).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: 'Wrong e-mail or password',
    });
    const after = await t.counts();
    expect(after).toEqual({ ...before, audit_log: before.audit_log! + 1 });
  });

  test('refresh rotates the token; replaying a spent one revokes the whole login', async () => {
    await t.as('consultant', 'rotacja@salon.pl');
    const first = await t.anonymous().auth.login({ email: 'rotacja@salon.pl', password: PASSWORD });
    const second = await t.anonymous().auth.refresh({ refreshToken: first.refreshToken });
    expect(second.refreshToken).not.toBe(first.refreshToken);

    await expect(t.anonymous().auth.refresh({ refreshToken: first.refreshToken })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // the thief replayed the old token: the legitimate newer one is dead too
    await expect(t.anonymous().auth.refresh({ refreshToken: second.refreshToken })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  test('two concurrent refreshes with one token: exactly one wins', async () => {
    await t.as('consultant', 'wyscig@salon.pl');
    const pair = await t.anonymous().auth.login({ email: 'wyscig@salon.pl', password: PASSWORD });
    const results = await Promise.allSettled([
      t.anonymous().auth.refresh({ refreshToken: pair.refreshToken }),
      t.anonymous().auth.refresh({ refreshToken: pair.refreshToken }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  test('logout revokes the refresh token', async () => {
    await t.as('consultant', 'wyloguj@salon.pl');
    const pair = await t.anonymous().auth.login({ email: 'wyloguj@salon.pl', password: PASSWORD });
    expect(await t.anonymous().auth.logout({ refreshToken: pair.refreshToken })).toEqual({ ok: true });
    await expect(t.anonymous().auth.refresh({ refreshToken: pair.refreshToken })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  test('a deactivated user can neither use a token nor log in', async () => {
    const { user, token } = await t.as('consultant', 'odszedl@salon.pl');
    await t.em().getConnection().execute('update app_user set active = false where id = ?', [user.id]);
    await expect(t.withToken(token).auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(t.anonymous().auth.login({ email: 'odszedl@salon.pl', password: PASSWORD })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  describe('tokens that must not work', () => {
    const secret = new TextEncoder().encode('test-secret-that-is-long-enough-0123456789');
    const forged: [string, (userId: string) => Promise<string>][] = [
      ['alg none', async (sub) => new UnsecuredJWT({ role: 'admin' }).setSubject(sub).setIssuer('sufler').setAudience('sufler-api').setExpirationTime('1h').encode()],
      ['signed with another key', async (sub) => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer('sufler').setAudience('sufler-api').setExpirationTime('1h').sign(new TextEncoder().encode('x'.repeat(48)))],
      ['expired', async (sub) => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(sub).setIssuer('sufler').setAudience('sufler-api').setIssuedAt(1_700_000_000).setExpirationTime(1_700_000_900).sign(secret)],
      ['for an unknown user', async () => new SignJWT({ role: 'admin' }).setProtectedHeader({ alg: 'HS256' }).setSubject(crypto.randomUUID()).setIssuer('sufler').setAudience('sufler-api').setExpirationTime('1h').sign(secret)],
      ['tampered with', async (sub) => {
        const token = (await createAccessTokens({ secret: 'test-secret-that-is-long-enough-0123456789', ttlSeconds: 60 }).sign({ userId: sub, role: 'consultant' })).token;
        const [header, , signature] = token.split('.');
        const payload = Buffer.from(JSON.stringify({ sub, role: 'admin', iss: 'sufler', aud: 'sufler-api', exp: 9_999_999_999 })).toString('base64url');
        return `${header}.${payload}.${signature}`;
      }],
    ];
    test.each(forged)('%s → UNAUTHORIZED, nothing written', async (_name, forge) => {
      const { user } = await t.as('consultant');
      const before = await t.counts();
      const caller = t.withToken(await forge(user.id));
      await expect(caller.auth.me()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(caller.clients.create({ name: 'Nie powinien powstać' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      expect(await t.counts()).toEqual(before);
    });
  });
});

test('an empty database gets its first admin from SUFLER_ADMIN_EMAIL / SUFLER_ADMIN_PASSWORD', async () => {
  const t = await createTestApp('pglite', { SUFLER_ADMIN_EMAIL: 'Szef@Salon.pl', SUFLER_ADMIN_PASSWORD: 'first admin password' });
  try {
    const pair = await t.anonymous().auth.login({ email: 'szef@salon.pl', password: 'first admin password' });
    expect(pair.user).toMatchObject({ email: 'szef@salon.pl', role: 'admin', active: true });
  } finally {
    await t.close();
  }
});
