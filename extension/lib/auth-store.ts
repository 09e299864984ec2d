import { isTRPCClientError } from '@trpc/client';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LoginInput, RefreshInput, TokenPair, User } from '@sufler/shared';
import type { SessionBridge } from './api-client';
import type { TokenStorage } from './token-storage';

export type AuthStatus = 'anonymous' | 'logging-in' | 'authenticated';

/** What the UI branches on; the text for each lives in i18n under `login.error.<code>`. */
export type AuthErrorCode = 'invalid-credentials' | 'throttled' | 'unreachable' | 'session-expired' | 'unknown';

/** The part of the tRPC client the session needs; the real client fits it, tests pass a small fake. */
export interface AuthClient {
  auth: {
    login: { mutate(input: LoginInput): Promise<TokenPair> };
    me: { query(): Promise<User> };
    logout: { mutate(input: RefreshInput): Promise<unknown> };
  };
}

export interface AuthState {
  status: AuthStatus;
  /** False until the stored session has been looked at, so the panel does not flash the login form. */
  restored: boolean;
  tokens: TokenPair | null;
  user: User | null;
  error: AuthErrorCode | null;
  /** With `throttled`: the seconds the API said to wait before the next login (null if it did not say). */
  retryAfterSeconds: number | null;
  restore(): Promise<void>;
  login(input: LoginInput): Promise<void>;
  logout(): Promise<void>;
}

export type AuthStore = StoreApi<AuthState>;

/**
 * Maps what the tRPC client throws to a code. A TRPCClientError without `data` never got an answer from the
 * server (refused connection, DNS, CORS): that is "unreachable", not "wrong password".
 */
export function authErrorCode(error: unknown): AuthErrorCode {
  if (isTRPCClientError(error)) {
    const code = (error.data as { code?: string } | undefined)?.code;
    if (code === 'UNAUTHORIZED') return 'invalid-credentials';
    if (code === 'TOO_MANY_REQUESTS') return 'throttled';
    if (code === undefined) return 'unreachable';
    return 'unknown';
  }
  if (error instanceof TypeError) return 'unreachable';
  return 'unknown';
}

/** The wait a throttled login was told (`data.retryAfterSeconds`), if any. */
function retryAfter(error: unknown): number | null {
  const seconds = isTRPCClientError(error) ? (error.data as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds : undefined;
  return typeof seconds === 'number' && seconds > 0 ? seconds : null;
}

/**
 * The session: tokens, the user, and where the login flow stands. `client` is a getter because the API
 * client itself reads the tokens from this store (see `sessionBridge`).
 */
export function createAuthStore({ client, storage }: { client: () => AuthClient; storage: TokenStorage }): AuthStore {
  const store = createStore<AuthState>()((set, get) => {
    const signOut = async (error: AuthErrorCode | null) => {
      set({ status: 'anonymous', tokens: null, user: null, error });
      await storage.save(null);
    };

    /** `auth.me` is the source of truth for the user; the copy inside the token pair may be stale. */
    const loadUser = async () => {
      try {
        const user = await client().auth.me.query();
        if (get().tokens) set({ user });
      } catch (error) {
        // The refresh link already tried a refresh; UNAUTHORIZED here means the session is over.
        // Unreachable keeps the stored session: the panel works again when the API comes back.
        if (authErrorCode(error) === 'invalid-credentials' && get().tokens) await signOut('session-expired');
      }
    };

    return {
      status: 'anonymous',
      restored: false,
      tokens: null,
      user: null,
      error: null,
      retryAfterSeconds: null,

      async restore() {
        const tokens = await storage.load();
        if (!tokens) {
          set({ restored: true });
          return;
        }
        set({ status: 'authenticated', tokens, user: tokens.user, restored: true, error: null });
        await loadUser();
      },

      async login(input) {
        if (get().status === 'logging-in') return;
        set({ status: 'logging-in', error: null, retryAfterSeconds: null });
        try {
          const tokens = await client().auth.login.mutate(input);
          set({ status: 'authenticated', tokens, user: tokens.user });
          await storage.save(tokens);
        } catch (error) {
          set({ status: 'anonymous', tokens: null, user: null, error: authErrorCode(error), retryAfterSeconds: retryAfter(error) });
          return;
        }
        await loadUser();
      },

      async logout() {
        const refreshToken = get().tokens?.refreshToken;
        await signOut(null);
        // Best effort: revoking on the server matters, but the local session ends either way.
        if (refreshToken) await client().auth.logout.mutate({ refreshToken }).catch(() => undefined);
      },
    };
  });
  return store;
}

/** Connects the API client's token handling to the store, so a refresh updates storage and the UI. */
export function sessionBridge(store: AuthStore, storage: TokenStorage): SessionBridge {
  return {
    getTokens: () => store.getState().tokens,
    onRefreshed: (tokens) => {
      store.setState({ tokens, user: store.getState().user ?? tokens.user });
      void storage.save(tokens);
    },
    onExpired: () => {
      store.setState({ status: 'anonymous', tokens: null, user: null, error: 'session-expired' });
      void storage.save(null);
    },
  };
}
