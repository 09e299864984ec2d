import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  isTRPCClientError,
  splitLink,
  wsLink,
  type TRPCClient,
  type TRPCLink,
} from '@trpc/client';
import { observable, type Unsubscribable } from '@trpc/server/observable';
import type { AppRouter } from '@sufler/api';
import { MAX_BATCH_CALLS, type TokenPair } from '@sufler/shared';
import { apiConnection, socketClosed, watchSocket, type ConnectionMonitor } from './api-client-connection';

export type ApiClient = TRPCClient<AppRouter>;

/** How the client reads and updates the session's tokens; the auth store implements it. */
export interface SessionBridge {
  getTokens(): TokenPair | null;
  /** A refresh succeeded: the new pair replaces the old one (the old refresh token is spent). */
  onRefreshed(tokens: TokenPair): void;
  /** The refresh token was refused: the session is over and the user must log in again. */
  onExpired(): void;
}

export interface ApiClientOptions {
  apiUrl: string;
  session: SessionBridge;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Told the WebSocket's state (open, lost and retried); defaults to the page's `apiConnection`. */
  connection?: ConnectionMonitor;
}

/**
 * How long the WebSocket waits before each new try after losing the API: soon, and never more than 3 s,
 * so a restarted API is found quickly (tRPC's default backs off to 30 s).
 */
export const reconnectDelayMs = (attempt: number) => (attempt === 0 ? 0 : Math.min(1000 * attempt, 3000));

export function isUnauthorized(error: unknown): boolean {
  return isTRPCClientError(error) && (error.data as { code?: string } | undefined)?.code === 'UNAUTHORIZED';
}

/**
 * One tRPC client for the extension pages. Queries and mutations go over batched HTTP with
 * `Authorization: Bearer`; subscriptions over a WebSocket, whose token travels in connectionParams
 * because browsers cannot set headers on a WebSocket (see api/src/trpc/context.ts).
 * An access token that has expired is refreshed once, transparently, and the call retried.
 */
export function createApiClient({ apiUrl, session, fetch: fetchImpl, connection = apiConnection }: ApiClientOptions): {
  client: ApiClient;
  close: () => void;
} {
  const base = apiUrl.replace(/\/+$/, '');
  const httpUrl = `${base}/trpc`;
  const refresh = createRefresher({ httpUrl, session, fetchImpl });

  // Lazy: the socket opens on the first subscription, not when the panel loads.
  const wsClient = createWSClient({
    url: httpUrl.replace(/^http/, 'ws'),
    lazy: { enabled: true, closeMs: 30_000 },
    connectionParams: () => ({ token: session.getTokens()?.accessToken ?? '' }),
    // A running subscription survives a lost socket: tRPC sends it again on the next one (the observe
    // request id makes that safe, see api analysis.service).
    retryDelayMs: reconnectDelayMs,
    // With no subscription running, a lost socket is neither retried nor reported by tRPC: check the API now.
    onClose: () => socketClosed(connection),
  });
  const unwatch = watchSocket(connection, wsClient);

  const client = createTRPCClient<AppRouter>({
    links: [
      refreshOnUnauthorizedLink(refresh),
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({
          url: httpUrl,
          // The API refuses larger batches whole; the link splits a burst of calls into batches that fit.
          maxItems: MAX_BATCH_CALLS,
          fetch: fetchImpl,
          headers: () => {
            const token = session.getTokens()?.accessToken;
            return token ? { Authorization: `Bearer ${token}` } : {};
          },
        }),
      }),
    ],
  });
  return {
    client,
    close: () => {
      unwatch();
      void wsClient.close();
    },
  };
}

/**
 * Calls `auth.refresh` with its own bare client (no auth header, no retry link, so it cannot loop).
 * Concurrent callers share one request: refresh tokens are single-use, and two refreshes racing with the
 * same token would see the second one refused and log the user out.
 */
function createRefresher({
  httpUrl,
  session,
  fetchImpl,
}: {
  httpUrl: string;
  session: SessionBridge;
  fetchImpl?: typeof fetch;
}): () => Promise<boolean> {
  const bare = createTRPCClient<AppRouter>({ links: [httpLink({ url: httpUrl, fetch: fetchImpl })] });
  let pending: Promise<boolean> | null = null;
  return () => {
    pending ??= (async () => {
      const refreshToken = session.getTokens()?.refreshToken;
      if (!refreshToken) return false;
      try {
        session.onRefreshed(await bare.auth.refresh.mutate({ refreshToken }));
        return true;
      } catch (error) {
        // Only a refused token ends the session; a network failure leaves it for the next attempt.
        if (isUnauthorized(error)) session.onExpired();
        return false;
      }
    })().finally(() => {
      pending = null;
    });
    return pending;
  };
}

/** Calls whose UNAUTHORIZED means the credentials themselves were refused: retrying them cannot help. */
const NO_REFRESH = new Set(['auth.login', 'auth.refresh', 'auth.logout']);

/** Retries a query or mutation once after a successful refresh. */
function refreshOnUnauthorizedLink(refresh: () => Promise<boolean>): TRPCLink<AppRouter> {
  return () =>
    ({ op, next }) =>
      observable((observer) => {
        let subscription: Unsubscribable | undefined;
        let stopped = false;
        const attempt = (retried: boolean) => {
          subscription = next(op).subscribe({
            next: (value) => observer.next(value),
            complete: () => observer.complete(),
            error: (error) => {
              const eligible = !retried && op.type !== 'subscription' && !NO_REFRESH.has(op.path);
              if (!eligible || !isUnauthorized(error)) return observer.error(error);
              void refresh().then((ok) => {
                if (stopped) return;
                if (ok) attempt(true);
                else observer.error(error);
              });
            },
          });
        };
        attempt(false);
        return () => {
          stopped = true;
          subscription?.unsubscribe();
        };
      });
}
