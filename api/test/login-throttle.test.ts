import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createAuthThrottles } from '../src/modules/auth/auth-throttles';
import { createAuthService } from '../src/modules/auth/auth.service';
import { verifyPassword } from '../src/modules/auth/password';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';
import { createTestApp, DATABASES, PASSWORD, type TestApp } from './harness';

const createCaller = createCallerFactory(appRouter);
const WRONG = 'not the password';
const WINDOW_S = 600;

describe.each(DATABASES)('login throttle on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t?.close());

  /** The app's routers with an auth service on a clock the test moves, counting password checks. */
  function throttledApp() {
    let clock = Date.now();
    let verifications = 0;
    const now = () => clock;
    const auth = createAuthService({
      accessTokens: t.app.deps.accessTokens,
      refreshTtlSeconds: 3600,
      now,
      throttles: createAuthThrottles({ maxPerAccount: 3, maxPerAddress: 5, windowSeconds: WINDOW_S }, now),
      verifyPassword: (hash, password) => {
        verifications++;
        return verifyPassword(hash, password);
      },
    });
    const deps = { ...t.app.deps, auth };
    return {
      from: (clientAddress: string | null) => createCaller({ deps, accessToken: null, clientAddress }).auth,
      advance: (seconds: number) => (clock += seconds * 1000),
      verifications: () => verifications,
    };
  }

  const refused = (retryAfterSeconds: number, what = 'logins') => ({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many failed ${what}: try again in ${Math.ceil(retryAfterSeconds / 60)} min`,
    cause: expect.objectContaining({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds }),
  });

  const auditSince = async (id: number) =>
    t.em().getConnection().execute<{ entity: string; entity_id: string | null; outcome: string; detail: Record<string, unknown> | null }[]>(
      'select entity, entity_id, outcome, detail from audit_log where id > ? order by id',
      [id],
    );
  const lastAuditId = async () =>
    Number((await t.em().getConnection().execute<{ id: string }[]>('select coalesce(max(id), 0) as id from audit_log'))[0]!.id);

  test('after N wrong passwords the next login is refused, right password or not, without checking it', async () => {
    const { user } = await t.as('consultant', 'zgadywany@salon.pl');
    const app = throttledApp();
    const auth = app.from('203.0.113.1');
    for (let i = 0; i < 3; i++) {
      await expect(auth.login({ email: 'zgadywany@salon.pl', password: WRONG })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    const checked = app.verifications();
    const start = await lastAuditId();
    await expect(auth.login({ email: 'Zgadywany@Salon.pl', password: PASSWORD })).rejects.toMatchObject(refused(WINDOW_S));
    // From another address too: the account is what is locked.
    app.advance(240);
    await expect(app.from('198.51.100.9').login({ email: 'zgadywany@salon.pl', password: PASSWORD })).rejects.toMatchObject(refused(WINDOW_S - 240));
    expect(app.verifications()).toBe(checked);
    // The lockout is audited once, naming the account; the refusals after it are not.
    expect(await auditSince(start)).toEqual([
      { entity: 'user', entity_id: user.id, outcome: 'failure', detail: { reason: 'throttled', scope: 'account', retryAfterSeconds: WINDOW_S } },
    ]);

    app.advance(WINDOW_S - 240);
    const pair = await auth.login({ email: 'zgadywany@salon.pl', password: PASSWORD });
    expect(pair.user.id).toBe(user.id);
  });

  test('another account from the same address works until the address has its limit', async () => {
    await t.as('consultant', 'sasiad-a@salon.pl');
    await t.as('consultant', 'sasiad-b@salon.pl');
    const app = throttledApp();
    const office = app.from('203.0.113.2');
    for (let i = 0; i < 3; i++) await expect(office.login({ email: 'sasiad-a@salon.pl', password: WRONG })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(office.login({ email: 'sasiad-a@salon.pl', password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await office.login({ email: 'sasiad-b@salon.pl', password: PASSWORD });

    for (let i = 0; i < 2; i++) await expect(office.login({ email: 'sasiad-b@salon.pl', password: WRONG })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Five failures from this address: now nobody logs in from it, but B still can from elsewhere.
    await expect(office.login({ email: 'sasiad-b@salon.pl', password: PASSWORD })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    await app.from('198.51.100.3').login({ email: 'sasiad-b@salon.pl', password: PASSWORD });
  });

  test('a successful login clears the account counter', async () => {
    await t.as('consultant', 'literowka@salon.pl');
    const app = throttledApp();
    for (const address of ['203.0.113.3', '203.0.113.4']) {
      const auth = app.from(address);
      for (let i = 0; i < 2; i++) await expect(auth.login({ email: 'literowka@salon.pl', password: WRONG })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await auth.login({ email: 'literowka@salon.pl', password: PASSWORD });
    }
  });

  test('failed refreshes count per address', async () => {
    await t.as('consultant', 'odswiez@salon.pl');
    const app = throttledApp();
    const pair = await app.from('203.0.113.5').login({ email: 'odswiez@salon.pl', password: PASSWORD });
    const start = await lastAuditId();
    const attacker = app.from('203.0.113.6');
    for (let i = 0; i < 5; i++) {
      await expect(attacker.refresh({ refreshToken: `guessed-refresh-token-${i}` })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    }
    await expect(attacker.refresh({ refreshToken: pair.refreshToken })).rejects.toMatchObject(refused(WINDOW_S, 'session refreshes'));
    await expect(attacker.refresh({ refreshToken: pair.refreshToken })).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(await auditSince(start)).toEqual([
      { entity: 'refresh_token', entity_id: null, outcome: 'failure', detail: { reason: 'throttled', scope: 'address', retryAfterSeconds: WINDOW_S } },
    ]);
    // The token was never looked at: its owner refreshes with it from their own address.
    await app.from('203.0.113.5').refresh({ refreshToken: pair.refreshToken });
  });

  test('a guessing run writes a bounded number of audit rows', async () => {
    const app = throttledApp();
    const attacker = app.from('203.0.113.7');
    const start = await lastAuditId();
    for (let i = 0; i < 20; i++) {
      await expect(attacker.login({ email: `ofiara-${i}@salon.pl`, password: WRONG })).rejects.toMatchObject({
        code: i < 5 ? 'UNAUTHORIZED' : 'TOO_MANY_REQUESTS',
      });
    }
    const rows = await auditSince(start);
    // The first three failures of the address, then its lockout once.
    expect(rows.map((r) => r.outcome)).toEqual(['denied', 'denied', 'denied', 'failure']);
    expect(rows[3]).toMatchObject({ entity_id: null, detail: { reason: 'throttled', scope: 'address' } });
  });
});
