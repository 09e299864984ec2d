import { describe, expect, test } from 'vitest';
import { authErrorCode, createAuthStore, sessionBridge, type AuthClient, type AuthStatus } from './auth-store';
import { memoryTokenStorage } from './token-storage';
import { fakeAuthClient, networkError, serverError, tokenPair, user } from './test-fixtures';

function setup(client: AuthClient, stored = memoryTokenStorage()) {
  const store = createAuthStore({ client: () => client, storage: stored });
  const statuses: AuthStatus[] = [];
  store.subscribe((state, previous) => {
    if (state.status !== previous.status) statuses.push(state.status);
  });
  return { store, stored, statuses };
}

describe('authErrorCode', () => {
  test.each([
    ['server said UNAUTHORIZED', serverError('UNAUTHORIZED'), 'invalid-credentials'],
    ['server error', serverError('INTERNAL_SERVER_ERROR'), 'unknown'],
    ['server said TOO_MANY_REQUESTS', serverError('TOO_MANY_REQUESTS'), 'throttled'],
    ['no answer', networkError(), 'unreachable'],
    ['raw fetch failure', new TypeError('Failed to fetch'), 'unreachable'],
    ['anything else', new Error('boom'), 'unknown'],
  ])('%s', (_name, error, code) => {
    expect(authErrorCode(error)).toBe(code);
  });
});

describe('auth store', () => {
  test('login: anonymous → logging-in → authenticated, tokens persisted, user from auth.me', async () => {
    const fromMe = { ...user, email: 'anna.nowak@firma.pl' };
    const { client, calls } = fakeAuthClient({
      login: async () => tokenPair('a'),
      me: async () => fromMe,
    });
    const { store, stored, statuses } = setup(client);

    await store.getState().login({ email: 'anna@firma.pl', password: 'secret' });

    expect(statuses).toEqual(['logging-in', 'authenticated']);
    expect(calls.map((c) => c.path)).toEqual(['auth.login', 'auth.me']);
    expect(calls[0]!.input).toEqual({ email: 'anna@firma.pl', password: 'secret' });
    expect(store.getState()).toMatchObject({ status: 'authenticated', user: fromMe, error: null });
    expect(stored.current).toEqual(tokenPair('a'));
  });

  test('a throttled login keeps the wait the API gave; the next attempt clears it', async () => {
    const { client } = fakeAuthClient({ login: () => Promise.reject(serverError('TOO_MANY_REQUESTS', 'wait', { retryAfterSeconds: 240 })) });
    const { store } = setup(client);
    await store.getState().login({ email: 'anna@firma.pl', password: 'wrong' });
    expect(store.getState()).toMatchObject({ status: 'anonymous', error: 'throttled', retryAfterSeconds: 240 });
    const again = store.getState().login({ email: 'anna@firma.pl', password: 'wrong' });
    expect(store.getState()).toMatchObject({ status: 'logging-in', error: null, retryAfterSeconds: null });
    await again;
  });

  test.each([
    ['wrong credentials', serverError('UNAUTHORIZED'), 'invalid-credentials'],
    ['API unreachable', networkError(), 'unreachable'],
  ] as const)('login failure (%s) goes back to anonymous with code %s', async (_name, error, code) => {
    const { client } = fakeAuthClient({ login: () => Promise.reject(error) });
    const { store, stored, statuses } = setup(client);

    await store.getState().login({ email: 'anna@firma.pl', password: 'wrong' });

    expect(statuses).toEqual(['logging-in', 'anonymous']);
    expect(store.getState()).toMatchObject({ status: 'anonymous', tokens: null, error: code });
    expect(stored.current).toBeNull();
  });

  test('a new attempt clears the previous error', async () => {
    let attempt = 0;
    const { client } = fakeAuthClient({
      login: () => (attempt++ === 0 ? Promise.reject(serverError('UNAUTHORIZED')) : Promise.resolve(tokenPair())),
      me: async () => user,
    });
    const { store } = setup(client);
    await store.getState().login({ email: 'a@b.pl', password: 'x' });
    const second = store.getState().login({ email: 'a@b.pl', password: 'y' });
    expect(store.getState()).toMatchObject({ status: 'logging-in', error: null });
    await second;
    expect(store.getState().status).toBe('authenticated');
  });

  test('restore: nothing stored stays anonymous; a stored session is resumed and the user reloaded', async () => {
    const empty = setup(fakeAuthClient({}).client);
    await empty.store.getState().restore();
    expect(empty.store.getState()).toMatchObject({ status: 'anonymous', restored: true });

    const { client, calls } = fakeAuthClient({ me: async () => user });
    const { store } = setup(client, memoryTokenStorage(tokenPair('old')));
    await store.getState().restore();
    expect(store.getState()).toMatchObject({ status: 'authenticated', restored: true, user, tokens: tokenPair('old') });
    expect(calls.map((c) => c.path)).toEqual(['auth.me']);
  });

  test('restore: a refused session ends with session-expired; an unreachable API keeps it', async () => {
    const refused = setup(fakeAuthClient({ me: () => Promise.reject(serverError('UNAUTHORIZED')) }).client, memoryTokenStorage(tokenPair()));
    await refused.store.getState().restore();
    expect(refused.store.getState()).toMatchObject({ status: 'anonymous', error: 'session-expired' });
    expect(refused.stored.current).toBeNull();

    const offline = setup(fakeAuthClient({ me: () => Promise.reject(networkError()) }).client, memoryTokenStorage(tokenPair()));
    await offline.store.getState().restore();
    expect(offline.store.getState()).toMatchObject({ status: 'authenticated', user, error: null });
  });

  test('logout clears the session even when the server cannot be told', async () => {
    const { client, calls } = fakeAuthClient({ me: async () => user, logout: () => Promise.reject(networkError()) });
    const { store, stored } = setup(client, memoryTokenStorage(tokenPair('s')));
    await store.getState().restore();
    await store.getState().logout();
    expect(store.getState()).toMatchObject({ status: 'anonymous', tokens: null, user: null, error: null });
    expect(stored.current).toBeNull();
    expect(calls.at(-1)).toEqual({ path: 'auth.logout', input: { refreshToken: tokenPair('s').refreshToken } });
  });

  test('the session bridge stores refreshed tokens and ends an expired session', async () => {
    const { client } = fakeAuthClient({ me: async () => user });
    const { store, stored } = setup(client, memoryTokenStorage(tokenPair('1')));
    await store.getState().restore();
    const bridge = sessionBridge(store, stored);

    bridge.onRefreshed(tokenPair('2'));
    expect(bridge.getTokens()).toEqual(tokenPair('2'));
    await Promise.resolve();
    expect(stored.current).toEqual(tokenPair('2'));

    bridge.onExpired();
    expect(store.getState()).toMatchObject({ status: 'anonymous', error: 'session-expired', tokens: null });
  });
});
