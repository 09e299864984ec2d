import { TRPCClientError } from '@trpc/client';
import type { TokenPair, User } from '@sufler/shared';
import type { AuthClient } from './auth-store';
import type { Health } from './health';

/** Shapes for component and store tests; errors are built the way the tRPC client builds them from the wire. */
export const user: User = { id: '0192f1d2-7a3b-7c4d-8e5f-a1b2c3d4e5f6', email: 'anna@firma.pl', role: 'consultant', active: true };

/** `/health` of an API on the embedded database with no model reachable (rules mode), as the tests run it. */
export const rulesModeHealth: Health = { status: 'degraded', database: { ok: true, kind: 'pglite' }, model: { ok: false, mode: 'rules' } };

/** `/health` of an API with everything up (a model answering). */
export const llmHealth: Health = { status: 'ok', database: { ok: true, kind: 'pglite' }, model: { ok: true, mode: 'llm' } };

export function tokenPair(suffix = 'a', over: Partial<TokenPair> = {}): TokenPair {
  return {
    accessToken: `access-${suffix}`,
    accessTokenExpiresAt: 1_000,
    refreshToken: `refresh-${suffix}`.padEnd(43, 'x'),
    refreshTokenExpiresAt: 2_000,
    user,
    ...over,
  };
}

/** An error response from the server, as TRPCClientError carries it (`data.code` set). */
export function serverError(
  code: 'UNAUTHORIZED' | 'TOO_MANY_REQUESTS' | 'INTERNAL_SERVER_ERROR',
  message: string = code,
  data: Record<string, unknown> = {},
): TRPCClientError<never> {
  const httpStatus = { UNAUTHORIZED: 401, TOO_MANY_REQUESTS: 429, INTERNAL_SERVER_ERROR: 500 }[code];
  return new TRPCClientError(message, {
    result: { error: { code: -32001, message, data: { code, httpStatus, ...data } } },
  } as never);
}

/** No answer at all: what httpLink throws when fetch rejects (refused connection, DNS, CORS). */
export function networkError(): TRPCClientError<never> {
  return TRPCClientError.from(new TypeError('Failed to fetch')) as TRPCClientError<never>;
}

type Call = { path: string; input?: unknown };

/** A hand-written client with the AuthClient shape; each call is recorded and answered by `respond`. */
export function fakeAuthClient(respond: Partial<Record<'login' | 'me' | 'logout', (input: unknown) => Promise<unknown>>>) {
  const calls: Call[] = [];
  const call = <T>(path: 'login' | 'me' | 'logout', input?: unknown) => {
    calls.push({ path: `auth.${path}`, input });
    const handler = respond[path];
    return (handler ? handler(input) : Promise.reject(new Error(`unexpected auth.${path}`))) as Promise<T>;
  };
  const client: AuthClient = {
    auth: {
      login: { mutate: (input) => call('login', input) },
      me: { query: () => call('me') },
      logout: { mutate: (input) => call('logout', input) },
    },
  };
  return { client, calls };
}
