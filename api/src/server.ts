import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { applyWSSHandler } from '@trpc/server/adapters/ws';
import express from 'express';
import { MAX_BATCH_CALLS } from '@sufler/shared';
import { WebSocketServer } from 'ws';
import type { App } from './app';
import { appRouter } from './router';
import { createContextFactory } from './trpc/context';
import { callsHttp } from './modules/calls/calls-http';
import { webCockpit } from './web-cockpit';
import { handleLiveSocket, LIVE_MAX_MESSAGE_BYTES } from './modules/live/live-socket';

export class PortInUseError extends Error {
  constructor(host: string, port: number) {
    super(`Port ${port} on ${host} is already in use (another Sufler?). Stop that process or set PORT to a free port.`);
    this.name = 'PortInUseError';
  }
}

export type RunningServer = { server: Server; url: string; close: () => Promise<void> };

const MAX_BODY = '1mb';

export type ServerOptions = {
  host: string;
  port: number;
  /** The built web cockpit to serve at `/` (see web-cockpit.ts); without it `/` is the API's JSON 404. */
  webDir?: string;
};

/**
 * One port: `/trpc` for HTTP (batched queries and mutations) and WebSocket (subscriptions),
 * `/health` for probes, and the web cockpit at `/`. Bearer tokens, no cookies, so CORS can be open to any
 * origin (the extension calls from its own chrome-extension:// origin).
 */
export async function startServer(app: App, options: ServerOptions): Promise<RunningServer> {
  const { logger } = app.deps;
  // X-Forwarded-For is believed only for SUFLER_TRUST_PROXY hops (Express's own `trust proxy` stays off:
  // the address is read by one rule, the same for HTTP and the WebSocket upgrade).
  const createContext = createContextFactory(app.deps, { trustedProxies: app.trustedProxies });
  const onError = ({ error, path }: { error: { code: string; message: string; cause?: unknown }; path?: string }) => {
    if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error.cause ?? error, path }, 'procedure failed');
  };

  const web = express();
  web.disable('x-powered-by');
  web.use((req, res, next) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Headers', 'authorization, content-type, trpc-accept');
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.method === 'OPTIONS') return void res.sendStatus(204);
    next();
  });
  web.get('/health', async (_req, res) => {
    const health = await app.health();
    res.status(health.status === 'down' ? 503 : 200).json(health);
  });
  web.use('/trpc', express.json({ limit: MAX_BODY }), createExpressMiddleware({ router: appRouter, createContext, onError, maxBatchSize: MAX_BATCH_CALLS }));
  web.use('/api/calls', callsHttp(app.deps, { maxBytes: app.maxUploadBytes }));
  if (options.webDir) web.use(webCockpit(options.webDir));
  web.use((_req, res) => void res.status(404).json({ error: 'Not found' }));

  const server = createServer(web);
  // Two WebSocket endpoints on one port: tRPC's subscriptions at /trpc, live meeting audio at /live.
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  const liveWss = new WebSocketServer({ noServer: true, maxPayload: LIVE_MAX_MESSAGE_BYTES });
  liveWss.on('connection', (socket) => handleLiveSocket(socket, app.deps, app.deps.live));
  liveWss.on('error', (error) => logger.debug({ err: error }, 'live websocket server error'));
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const target = path === '/trpc' ? wss : path === '/live' ? liveWss : null;
    if (!target) return void socket.destroy();
    target.handleUpgrade(req, socket, head, (client) => target.emit('connection', client, req));
  });
  // The HTTP server reports its own errors (EADDRINUSE…) through `listen` below; the WebSocket
  // server re-emits them, and an unheard 'error' event would crash the process.
  wss.on('error', (error) => logger.debug({ err: error }, 'websocket server error'));
  const wsHandler = applyWSSHandler({ wss, router: appRouter, createContext, onError, maxBatchSize: MAX_BATCH_CALLS, keepAlive: { enabled: true, pingMs: 30_000, pongWaitMs: 5_000 } });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      wsHandler.broadcastReconnectNotification();
      wss.close();
      liveWss.close();
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(options.host, options.port)
          : error,
      );
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;

  return {
    server,
    url,
    /** Stops taking connections, lets requests in flight finish (10 s at most), tells WebSocket clients to reconnect. */
    close: async () => {
      wsHandler.broadcastReconnectNotification();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 10_000).unref();
      for (const client of [...wss.clients, ...liveWss.clients]) client.close(1001, 'server shutting down');
      wss.close();
      liveWss.close();
      await closed;
      clearTimeout(force);
    },
  };
}
