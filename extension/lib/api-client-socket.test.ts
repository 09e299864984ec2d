import { initTRPC } from '@trpc/server';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer } from 'ws';
import { createApiClient } from './api-client';
import { connectionStatus, createConnectionMonitor, pollHealth } from './api-client-connection';
import { llmHealth, tokenPair } from './test-fixtures';

/**
 * A real tRPC WebSocket server (not the Sufler API: one subscription under the name the cockpit uses) and the
 * real client, to see what the lazy client reports when the server goes away with no subscription running.
 */
async function socketServer() {
  const t = initTRPC.create();
  const router = t.router({
    analysis: t.router({
      observe: t.procedure.subscription(async function* () {
        yield 'done';
      }),
    }),
  });
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  applyWSSHandler({ wss, router });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    /** Like a SIGKILL: every socket dropped at once, no close frame. */
    kill: async () => {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

const stops: Array<() => void> = [];
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
});

describe('the WebSocket client and a dead API', () => {
  test('a socket lost while no subscription runs marks it idle and checks the API at once: the panel shows "lost"', async () => {
    const server = await socketServer();
    const connection = createConnectionMonitor();
    const tokens = tokenPair('1');
    const { client, close } = createApiClient({
      apiUrl: server.url,
      connection,
      session: { getTokens: () => tokens, onRefreshed: () => undefined, onExpired: () => undefined },
    });
    stops.push(close);
    let up = true;
    let checks = 0;
    // A slow poll: only the socket's close can make the check happen within this test.
    stops.push(
      pollHealth(connection, () => {
        checks += 1;
        return up ? Promise.resolve(llmHealth) : Promise.reject(new TypeError('Failed to fetch'));
      }, { okMs: 600_000 }),
    );
    await expect.poll(() => checks).toBe(1);

    // One subscription runs to its end; the lazy socket stays open (closeMs 30 s) with nothing on it.
    await new Promise<void>((resolve, reject) => {
      const subscription = client.analysis.observe.subscribe(undefined as never, {
        onComplete: () => resolve(),
        onError: reject,
        onData: () => undefined,
      });
      stops.push(() => subscription.unsubscribe());
    });
    expect(connection.getState().socket).toBe('open');

    up = false;
    await server.kill();
    await expect.poll(() => connectionStatus(connection.getState())).toBe('lost');
    expect(connection.getState()).toMatchObject({ socket: 'idle', healthError: 'Failed to fetch' });
    expect(checks).toBe(2);
  });
});
