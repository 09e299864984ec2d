import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { Role } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appRouter } from '../src/router';
import type { Access } from '../src/trpc/init';
import { createTestApp, type TestApp } from './harness';

/**
 * Who may call what. A procedure missing here (or here but not in the router) fails the test,
 * so nothing ships without an explicit rule.
 */
const EXPECTED: Record<string, Access> = {
  'auth.login': 'public',
  'auth.refresh': 'public',
  'auth.logout': 'public',
  'auth.me': 'authenticated',
  'clients.create': 'authenticated',
  'clients.list': 'authenticated',
  'clients.get': 'authenticated',
  'clients.history': 'authenticated',
  'clients.update': 'authenticated',
  'clients.archive': 'authenticated',
  'clients.unarchive': 'authenticated',
  'clients.erase': ['manager', 'admin'],
  'sessions.start': 'authenticated',
  'sessions.end': 'authenticated',
  'sessions.list': 'authenticated',
  'sessions.get': 'authenticated',
  'feedback.rate': 'authenticated',
  'analysis.observe': 'authenticated',
  'analysis.regenerate': 'authenticated',
  'analysis.strategy': 'authenticated',
  'chat.send': 'authenticated',
  'knowledge.search': 'authenticated',
  'calls.list': 'authenticated',
  'calls.get': 'authenticated',
  'calls.progress': 'authenticated',
  'calls.rerun': 'authenticated',
  'calls.updateSegment': 'authenticated',
  'calls.mergeSegments': 'authenticated',
  'calls.splitSegment': 'authenticated',
  'calls.revisions': 'authenticated',
  'calls.recompute': 'authenticated',
  'calls.overrideCriterion': 'authenticated',
  'calls.setScorecard': 'authenticated',
  'calls.setConsultantChannel': 'authenticated',
  'calls.delete': 'authenticated',
  'calls.dashboard': 'authenticated',
  'scorecards.list': 'authenticated',
  'scorecards.get': 'authenticated',
  'scorecards.save': ['admin'],
  'users.list': ['manager', 'admin'],
  'live.notice': 'authenticated',
  'live.saveNotice': ['admin'],
  'live.start': 'authenticated',
  'live.stop': 'authenticated',
  'live.get': 'authenticated',
  'live.active': 'authenticated',
  'live.follow': 'authenticated',
  'system.pingJob': ['admin'],
};

type AnyProcedure = { _def: { meta?: { access?: Access }; type: string } };
const procedures = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
const CALLERS = ['anonymous', 'consultant', 'manager', 'admin'] as const;
type CallerKind = (typeof CALLERS)[number];

function allowed(access: Access, who: CallerKind): boolean {
  if (access === 'public') return true;
  if (who === 'anonymous') return false;
  return access === 'authenticated' || access.includes(who as Role);
}

test('every procedure declares who may call it, and matches the expected matrix', () => {
  const declared = Object.fromEntries(Object.entries(procedures).map(([path, p]) => [path, p._def.meta?.access]));
  expect(declared).toEqual(EXPECTED);
});

describe('authorization matrix: every procedure × every caller', () => {
  let t: TestApp;
  const tokens = {} as Record<CallerKind, string | null>;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    tokens.anonymous = null;
    for (const role of ['consultant', 'manager', 'admin'] as const) tokens[role] = (await t.as(role)).token;
  });
  afterAll(() => t?.close());

  const cases = Object.keys(EXPECTED).flatMap((path) => CALLERS.map((who) => [path, who] as const));

  test.each(cases)('%s as %s', async (path, who) => {
    const caller = t.withToken(tokens[who]) as unknown as Record<string, Record<string, (input: unknown) => Promise<unknown>>>;
    const [ns, name] = path.split('.') as [string, string];
    // An input that passes no schema: a caller who gets past authorization meets BAD_REQUEST,
    // or NOT_FOUND/CONFLICT/UNAUTHORIZED from the procedure itself; never the auth errors below.
    const probe = procedures[path]!._def.type === 'subscription' ? undefined : { id: randomUUID(), bogus: true };
    let error: unknown;
    try {
      const result = await caller[ns]![name]!(probe);
      if (result && typeof result === 'object' && Symbol.asyncIterator in result) {
        const iterator = (result as AsyncIterable<unknown>)[Symbol.asyncIterator]();
        await iterator.next();
        await iterator.return?.();
      }
    } catch (e) {
      error = e;
    }
    const code = error instanceof TRPCError ? error.code : undefined;
    if (allowed(EXPECTED[path]!, who)) {
      expect(code === 'FORBIDDEN' || (code === 'UNAUTHORIZED' && EXPECTED[path] !== 'public')).toBe(false);
    } else {
      expect(code).toBe(who === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
    }
  });
});
