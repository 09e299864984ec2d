import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from '../src/index';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../src/server';
import { createTestApp, DATABASES, PASSWORD, type TestApp } from './harness';
import { connect } from './ws-client';
import type { AnalysisEvent } from '@sufler/shared';

describe.each(DATABASES)('HTTP and WebSocket server on %s', (database) => {
  let t: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    t = await createTestApp(database);
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  const client = (token?: string) => connect(server, token);

  test('/health reports the database, the queue and rules mode when no model answers', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      database: { ok: true, kind: database },
      queue: { ok: true },
      model: { ok: false, mode: 'rules' },
    });
  });

  test('login over HTTP, then batched calls with the bearer token', async () => {
    await t.as('consultant', 'http@salon.pl');
    const anon = client();
    const pair = await anon.trpc.auth.login.mutate({ email: 'http@salon.pl', password: PASSWORD });
    const authed = client(pair.accessToken);
    const [me, created] = await Promise.all([
      authed.trpc.auth.me.query(),
      authed.trpc.clients.create.mutate({ name: 'Klient przez HTTP' }),
    ]);
    expect(me.email).toBe('http@salon.pl');
    expect(created.ownerId).toBe(me.id);
  });

  test('errors carry the tRPC code, our code and the field issues, never internals', async () => {
    const { token } = await t.as('consultant');
    const error = await client(token).trpc.clients.create.mutate({ name: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCClientError);
    const data = (error as TRPCClientError<AppRouter>).data;
    expect(data).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, appCode: 'INVALID' });
    expect(data?.issues?.[0]?.path).toEqual(['name']);

    const anon = await client().trpc.clients.list.query({}).catch((e: unknown) => e);
    expect((anon as TRPCClientError<AppRouter>).data).toMatchObject({ code: 'UNAUTHORIZED', httpStatus: 401 });
  });

  test('a request body over 1 MB is refused before it reaches a procedure', async () => {
    const { token } = await t.as('consultant');
    const before = await t.counts();
    const res = await fetch(`${server.url}/trpc/clients.create`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await t.counts()).toEqual(before);
  });

  test('a batch of more than MAX_BATCH_CALLS calls is refused whole, before any runs', async () => {
    const before = await t.counts();
    const calls = 50;
    const body = Object.fromEntries(Array.from({ length: calls }, (_, i) => [i, { email: `zgaduj-${i}@salon.pl`, password: 'wrong password' }]));
    const started = Date.now();
    const res = await fetch(`${server.url}/trpc/${Array(calls).fill('auth.login').join(',')}?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('Batch call exceeds maximum size');
    expect(Date.now() - started).toBeLessThan(1000); // 50 argon2 checks would take seconds
    expect(await t.counts()).toEqual(before);
  });

  test('a throttled login over HTTP is a 429 saying when to try again', async () => {
    await t.as('consultant', 'zamek@salon.pl');
    const login = () =>
      fetch(`${server.url}/trpc/auth.login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'zamek@salon.pl', password: 'wrong password' }),
      });
    for (let i = 0; i < 5; i++) expect((await login()).status).toBe(401);
    const res = await login();
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({
      error: {
        message: 'Too many failed logins: try again in 15 min',
        data: { code: 'TOO_MANY_REQUESTS', appCode: 'TOO_MANY_REQUESTS', retryAfterSeconds: 900 },
      },
    });
  });

  test('a subscription over WebSocket runs a job through the queue (admin only)', async () => {
    const admin = await t.as('admin');
    const ws = client(admin.token);
    const states: string[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.trpc.system.pingJob.subscribe(undefined, {
        onData: (event) => {
          states.push(event.state);
          if (event.state === 'completed') {
            expect(event.output).toMatchObject({ pong: true });
            resolve();
          }
        },
        onError: reject,
      });
    });
    expect(states.at(-1)).toBe('completed');
    ws.close();

    const consultant = await t.as('consultant');
    const denied = client(consultant.token);
    const error = await new Promise<unknown>((resolve) => {
      denied.trpc.system.pingJob.subscribe(undefined, { onData: () => resolve('no error'), onError: resolve });
    });
    expect((error as TRPCClientError<AppRouter>).data?.code).toBe('FORBIDDEN');
    denied.close();
  });

  const NOTE = 'Dwoje dzieci, pytali o isofix i bezpieczeństwo; budżet do 250 tys. zł.';
  test('analysis.observe streams its stage events one by one over the WebSocket, and stores the observation', async () => {
    const { token, caller } = await t.as('consultant');
    const customer = await caller.clients.create({ name: 'Klient przez WebSocket' });
    const session = await caller.sessions.start({ clientId: customer.id });
    const { trpc, close } = client(token);
    try {
      const events = await new Promise<AnalysisEvent[]>((resolve, reject) => {
        const received: AnalysisEvent[] = [];
        const sub = trpc.analysis.observe.subscribe(
          { sessionId: session.id, text: NOTE },
          {
            onData: (event) => {
              received.push(event as AnalysisEvent);
              if (event.type === 'done') {
                sub.unsubscribe();
                resolve(received);
              }
            },
            onError: reject,
          },
        );
      });
      expect(events.map((e) => e.type)).toEqual(['accepted', 'signals', 'archetypes', 'scores', 'suggestion', 'suggestion', 'suggestion', 'suggestion', 'done']);
      const stored = await caller.sessions.get({ id: session.id });
      expect(stored.interactions.map((i) => i.input)).toEqual([NOTE]);
    } finally {
      close();
    }
  });
});

test('closing the server stops it taking connections', async () => {
  const t = await createTestApp('pglite');
  const server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
  expect((await fetch(`${server.url}/health`)).status).toBe(200);
  await server.close();
  await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  await t.close();
});
