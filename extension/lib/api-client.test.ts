import { initTRPC, TRPCError } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, test } from 'vitest';
import type { TokenPair } from '@sufler/shared';
import { createApiClient, type SessionBridge } from './api-client';
import { tokenPair, user } from './test-fixtures';

/**
 * A stand-in server with the same procedure paths, speaking tRPC's real HTTP protocol through the fetch
 * adapter. It is not the Sufler API: only the token rules the client relies on (401 on a stale access token,
 * single-use refresh tokens) are modelled.
 */
function tokenServer() {
  const t = initTRPC.context<{ token: string | null }>().create();
  let valid = 'access-1';
  let refreshable = tokenPair('1').refreshToken;
  const log: string[] = [];
  const authed = t.procedure.use(({ ctx, next }) => {
    if (ctx.token !== valid) throw new TRPCError({ code: 'UNAUTHORIZED' });
    return next();
  });
  const router = t.router({
    auth: t.router({
      refresh: t.procedure
        .input((raw) => raw as { refreshToken: string })
        .mutation(({ input }) => {
          log.push('refresh');
          if (input.refreshToken !== refreshable) throw new TRPCError({ code: 'UNAUTHORIZED' });
          const next = tokenPair('2');
          valid = next.accessToken;
          refreshable = next.refreshToken;
          return next;
        }),
      me: authed.query(({ ctx }) => {
        log.push(`me:${ctx.token}`);
        return user;
      }),
    }),
  });
  const fetchImpl = ((input: RequestInfo | URL, init?: RequestInit) =>
    fetchRequestHandler({
      endpoint: '/trpc',
      req: new Request(input, init),
      router,
      createContext: ({ req }) => ({ token: req.headers.get('authorization')?.replace(/^Bearer /, '') ?? null }),
    })) as typeof fetch;
  return {
    fetchImpl,
    log,
    expireAccessToken: () => (valid = 'something-newer'),
    revokeRefreshToken: () => (refreshable = 'revoked'),
  };
}

function bridge(initial: TokenPair) {
  const events: string[] = [];
  let tokens: TokenPair | null = initial;
  const session: SessionBridge = {
    getTokens: () => tokens,
    onRefreshed: (next) => {
      tokens = next;
      events.push(`refreshed:${next.accessToken}`);
    },
    onExpired: () => {
      tokens = null;
      events.push('expired');
    },
  };
  return { session, events };
}

describe('api client', () => {
  test('sends the access token as a Bearer header', async () => {
    const server = tokenServer();
    const { client, close } = createApiClient({ apiUrl: 'http://api.test/', session: bridge(tokenPair('1')).session, fetch: server.fetchImpl });
    await expect(client.auth.me.query()).resolves.toEqual(user);
    expect(server.log).toEqual(['me:access-1']);
    close();
  });

  test('on UNAUTHORIZED refreshes once, hands the new pair to the session and retries', async () => {
    const server = tokenServer();
    server.expireAccessToken();
    const { session, events } = bridge(tokenPair('1'));
    const { client, close } = createApiClient({ apiUrl: 'http://api.test', session, fetch: server.fetchImpl });
    await expect(client.auth.me.query()).resolves.toEqual(user);
    expect(events).toEqual(['refreshed:access-2']);
    expect(server.log).toEqual(['refresh', 'me:access-2']);
    close();
  });

  test('concurrent calls that fail together share one refresh (refresh tokens are single-use)', async () => {
    const server = tokenServer();
    server.expireAccessToken();
    const { session, events } = bridge(tokenPair('1'));
    const { client, close } = createApiClient({ apiUrl: 'http://api.test', session, fetch: server.fetchImpl });
    await expect(Promise.all([client.auth.me.query(), client.auth.me.query()])).resolves.toEqual([user, user]);
    expect(events).toEqual(['refreshed:access-2']);
    expect(server.log.filter((entry) => entry === 'refresh')).toHaveLength(1);
    close();
  });

  test('a refused refresh token ends the session and surfaces the original error, without looping', async () => {
    const server = tokenServer();
    server.expireAccessToken();
    server.revokeRefreshToken();
    const { session, events } = bridge(tokenPair('1'));
    const { client, close } = createApiClient({ apiUrl: 'http://api.test', session, fetch: server.fetchImpl });
    await expect(client.auth.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
    expect(events).toEqual(['expired']);
    expect(server.log).toEqual(['refresh']);
    close();
  });
});
