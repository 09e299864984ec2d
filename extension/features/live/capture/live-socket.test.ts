import { afterEach, describe, expect, test } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { createSendBuffer, decodeLiveFrame, LiveClientMessageSchema } from '@sufler/shared';
import { createLiveSocket, liveSocketUrl, type LiveSocketStatus } from './live-socket';

/**
 * A small /live endpoint speaking the real protocol (shared/src/schemas/live.ts): it checks the hello, keeps
 * the frames it got in order (its "durable" copy), acks them, and after `end` answers `ended`. It can be
 * killed and started again on the same port with the same store, as a restarted API would.
 */
function startFakeLive(port = 0, store: { seqs: number[]; tokens: string[]; ends: number } = { seqs: [], tokens: [], ends: 0 }) {
  const server = new WebSocketServer({ port, host: '127.0.0.1' });
  const sockets = new Set<ServerSocket>();
  let refuseToken: string | null = null;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let helloed = false;
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        const message = LiveClientMessageSchema.parse(JSON.parse(data.toString()));
        if (message.type === 'hello') {
          store.tokens.push(message.token);
          if (message.token === refuseToken) {
            socket.send(JSON.stringify({ type: 'error', code: 'UNAUTHENTICATED', message: 'expired', fatal: true }));
            socket.close();
            return;
          }
          if (message.liveSessionId === '00000000-0000-4000-8000-00000000dead') {
            socket.send(JSON.stringify({ type: 'error', code: 'NOT_FOUND', message: 'no such live session', fatal: true }));
            socket.close();
            return;
          }
          helloed = true;
          socket.send(JSON.stringify({ type: 'ready', nextSeq: store.seqs.length, transcription: 'off' }));
        } else {
          store.ends += 1;
          socket.send(JSON.stringify({ type: 'ended', callId: '00000000-0000-4000-8000-0000000000ca', error: null }));
        }
        return;
      }
      if (!helloed) throw new Error('frame before hello');
      const frame = decodeLiveFrame(new Uint8Array(data as Buffer));
      // A frame out of order (a gap or a repeat) is what the resend must never produce.
      if (frame.seq !== store.seqs.length) throw new Error(`expected seq ${store.seqs.length}, got ${frame.seq}`);
      store.seqs.push(frame.seq);
      socket.send(JSON.stringify({ type: 'ack', seq: frame.seq }));
    });
  });
  const address = new Promise<number>((resolve) => server.on('listening', () => resolve((server.address() as { port: number }).port)));
  return {
    store,
    port: address,
    refuse(token: string) {
      refuseToken = token;
    },
    /** Drops every connection abruptly, as a crashed server or a lost network would. */
    dropAll() {
      for (const socket of sockets) socket.terminate();
    },
    async close() {
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const LIVE_ID = '00000000-0000-4000-8000-000000000001';
const samples = (n: number) => Int16Array.from({ length: n * 2 }, (_, i) => i % 100);
const until = async (check: () => boolean, what: string, ms = 5000) => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function connect(port: number, overrides: Partial<Parameters<typeof createLiveSocket>[0]> = {}) {
  let n = 0;
  const tokens: string[] = [];
  const statuses: LiveSocketStatus[] = [];
  const buffer = createSendBuffer({ maxMs: 120_000 });
  const socket = createLiveSocket({
    url: liveSocketUrl(`http://127.0.0.1:${port}`),
    liveSessionId: LIVE_ID,
    getToken: async () => {
      const token = `token-${++n}`;
      tokens.push(token);
      return token;
    },
    buffer,
    reconnectDelayMs: () => 50,
    helloTimeoutMs: 1000,
    onStatus: (status) => statuses.push(status),
    ...overrides,
  });
  cleanups.push(() => socket.close());
  return { socket, buffer, tokens, statuses };
}

describe('createLiveSocket', () => {
  test('liveSocketUrl puts /live on the API origin with ws(s)', () => {
    expect(liveSocketUrl('http://localhost:3000/')).toBe('ws://localhost:3000/live');
    expect(liveSocketUrl('https://sufler.example.com')).toBe('wss://sufler.example.com/live');
  });

  test('hello with the token, frames in order, acks empty the buffer, end → ended', async () => {
    const server = startFakeLive();
    cleanups.push(() => server.close());
    const { socket, buffer, statuses } = connect(await server.port);
    for (let i = 0; i < 5; i++) socket.send(samples(2560), 160);
    await until(() => server.store.seqs.length === 5 && buffer.unackedMs === 0, 'five frames acked');
    expect(server.store.tokens).toEqual(['token-1']);
    expect(server.store.seqs).toEqual([0, 1, 2, 3, 4]);
    expect(await socket.end()).toEqual({ callId: '00000000-0000-4000-8000-0000000000ca', error: null });
    expect(server.store.ends).toBe(1);
    expect(statuses).toEqual(['open', 'closed']);
  });

  test('buffers while the server is down, reconnects with a fresh token and resends from ready.nextSeq', async () => {
    const first = startFakeLive();
    const port = await first.port;
    const { socket, buffer, tokens, statuses } = connect(port);
    for (let i = 0; i < 3; i++) socket.send(samples(2560), 160);
    await until(() => first.store.seqs.length === 3, 'three frames stored');
    const store = first.store;
    await first.close(); // the API restarts: connections drop
    await until(() => socket.status === 'reconnecting', 'reconnecting');

    // Recording goes on while it is away: these only go into the buffer.
    for (let i = 0; i < 4; i++) socket.send(samples(2560), 160);
    expect(buffer.unackedMs).toBeGreaterThanOrEqual(4 * 160);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a few failed attempts

    const second = startFakeLive(port, store); // same durable store: the same live session resumes
    cleanups.push(() => second.close());
    await until(() => store.seqs.length === 7 && buffer.unackedMs === 0, 'the buffered frames resent and acked');
    expect(store.seqs).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Every connection asked for its own token.
    expect(tokens.length).toBeGreaterThanOrEqual(2);
    expect(new Set(store.tokens).size).toBe(store.tokens.length);
    expect(statuses).toContain('reconnecting');
    expect(socket.status).toBe('open');
    expect((await socket.end()).callId).not.toBeNull();
  });

  test('frames sent but not acknowledged before a drop go again (from ready.nextSeq, not from the last ack)', async () => {
    const server = startFakeLive();
    cleanups.push(() => server.close());
    const { socket, buffer } = connect(await server.port);
    socket.send(samples(2560), 160);
    await until(() => buffer.unackedMs === 0, 'first ack');
    server.dropAll();
    socket.send(samples(2560), 160);
    socket.send(samples(100), 6.25);
    await until(() => server.store.seqs.length === 3 && buffer.unackedMs === 0, 'resent after the drop');
    expect(server.store.seqs).toEqual([0, 1, 2]);
  });

  test('an expired token is refused, the next connection gets a fresh one', async () => {
    const server = startFakeLive();
    cleanups.push(() => server.close());
    server.refuse('token-1');
    const { socket, buffer } = connect(await server.port);
    socket.send(samples(2560), 160);
    await until(() => server.store.seqs.length === 1 && buffer.unackedMs === 0, 'frame stored on the second try');
    expect(server.store.tokens.slice(0, 2)).toEqual(['token-1', 'token-2']);
  });

  test('a fatal refusal (unknown live session) ends the socket without retrying', async () => {
    const server = startFakeLive();
    cleanups.push(() => server.close());
    const fatal: string[] = [];
    const { socket } = connect(await server.port, {
      liveSessionId: '00000000-0000-4000-8000-00000000dead',
      onFatal: ({ code }) => fatal.push(code),
    });
    await until(() => socket.status === 'closed', 'closed');
    expect(fatal).toEqual(['NOT_FOUND']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.store.tokens).toHaveLength(1);
    expect(await socket.end()).toEqual({ callId: null, error: 'closed' });
  });

  test('Stop while offline gives up after the end timeout and says so', async () => {
    const server = startFakeLive();
    const port = await server.port;
    await server.close();
    const { socket } = connect(port, { endTimeoutMs: 300 });
    socket.send(samples(2560), 160);
    expect(await socket.end()).toEqual({ callId: null, error: 'timeout' });
    expect(socket.status).toBe('closed');
  });

  test('Stop during an outage: end goes out after the resend once the server is back', async () => {
    const first = startFakeLive();
    const port = await first.port;
    const { socket } = connect(port);
    socket.send(samples(2560), 160);
    await until(() => first.store.seqs.length === 1, 'stored');
    const store = first.store;
    await first.close();
    await until(() => socket.status === 'reconnecting', 'reconnecting');
    socket.send(samples(2560), 160);
    const ended = socket.end();
    const second = startFakeLive(port, store);
    cleanups.push(() => second.close());
    expect((await ended).error).toBeNull();
    expect(store.seqs).toEqual([0, 1]);
    expect(store.ends).toBe(1);
  });
});
