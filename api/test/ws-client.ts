import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { AppRouter } from '../src/index';
import type { RunningServer } from '../src/server';

/**
 * A tRPC client as the extension makes one: subscriptions over the WebSocket (token in the
 * connection params, since browsers cannot set headers there), everything else batched over HTTP.
 */
export function connect(server: RunningServer, token?: string) {
  const wsClient = createWSClient({
    url: server.url.replace('http', 'ws') + '/trpc',
    connectionParams: () => (token ? { token } : {}),
    lazy: { enabled: true, closeMs: 0 },
  });
  const trpc = createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        true: wsLink({ client: wsClient }),
        false: httpBatchLink({ url: `${server.url}/trpc`, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) }),
      }),
    ],
  });
  return { trpc, close: () => wsClient.close() };
}
