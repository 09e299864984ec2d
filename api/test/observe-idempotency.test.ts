import { randomUUID } from 'node:crypto';
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AnalysisEvent } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppRouter } from '../src/index';
import { InteractionEntity } from '../src/modules/sessions/interaction.entity';
import { startServer, type RunningServer } from '../src/server';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

const NOTE = 'Klient pyta o rabat i mówi, że w innym salonie dostał lepszą ofertę.';

describe.each(DATABASES)('observe with a client request id (%s)', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t?.close());

  async function newSession() {
    const me = await t.as('consultant');
    const client = await me.caller.clients.create({ name: 'Anna Nowak' });
    const session = await me.caller.sessions.start({ clientId: client.id });
    const observe = (input: { text: string; requestId?: string }) =>
      me.caller.analysis.observe({ sessionId: session.id, ...input }).then((it) => collect(it as AsyncIterable<AnalysisEvent>));
    return { ...me, session, observe };
  }
  const rowsOf = (sessionId: string) => t.em().find(InteractionEntity, { session: sessionId });

  test('a resend of an analysed observation is not stored again: same interaction, the stored analysis replayed', async () => {
    const { session, observe } = await newSession();
    const requestId = randomUUID();
    const first = await observe({ text: NOTE, requestId });
    const again = await observe({ text: NOTE, requestId });

    const accepted = (events: AnalysisEvent[]) => events.find((e) => e.type === 'accepted')!;
    expect(accepted(again)).toEqual(accepted(first));
    expect(again.map((e) => e.type)).toEqual(['accepted', 'done']);
    expect(again.at(-1)).toEqual(first.at(-1));
    const rows = await rowsOf(session.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ requestId, input: NOTE });
  });

  test('another request id, or none, is another observation', async () => {
    const { session, observe } = await newSession();
    await observe({ text: NOTE, requestId: randomUUID() });
    await observe({ text: NOTE, requestId: randomUUID() });
    await observe({ text: NOTE });
    await observe({ text: NOTE });
    expect(await rowsOf(session.id)).toHaveLength(4);
  });

  test('a stored observation whose analysis never finished is analysed on the resend, once', async () => {
    const { session, observe } = await newSession();
    const requestId = randomUUID();
    // What a stream broken right after `accepted` leaves behind: the observation, no analysis.
    const em = t.em();
    const stored = em.create(InteractionEntity, { session: session.id, kind: 'note', input: NOTE, response: null, requestId });
    await em.flush();

    const events = await observe({ text: NOTE, requestId });
    expect(events[0]).toEqual({ type: 'accepted', interactionId: stored.id });
    expect(events.map((e) => e.type)).toContain('scores');
    expect(events.at(-1)).toMatchObject({ type: 'done', interactionId: stored.id });
    const rows = await rowsOf(session.id);
    expect(rows).toHaveLength(1);
    expect((rows[0]!.response as { analysis?: unknown }).analysis).toBeTruthy();
  });

  test('two sends racing with one request id store one observation and both get its id', async () => {
    const { session, observe } = await newSession();
    const requestId = randomUUID();
    const [a, b] = await Promise.all([observe({ text: NOTE, requestId }), observe({ text: NOTE, requestId })]);
    expect(a[0]).toEqual(b[0]);
    expect(a.at(-1)).toMatchObject({ type: 'done' });
    expect(b.at(-1)).toMatchObject({ type: 'done' });
    expect(await rowsOf(session.id)).toHaveLength(1);
  });

  test('the same request id in two sessions is two observations; a bad id is refused', async () => {
    const one = await newSession();
    const two = await newSession();
    const requestId = randomUUID();
    await one.observe({ text: NOTE, requestId });
    await two.observe({ text: NOTE, requestId });
    expect(await rowsOf(one.session.id)).toHaveLength(1);
    expect(await rowsOf(two.session.id)).toHaveLength(1);
    await expect(one.observe({ text: NOTE, requestId: 'not-a-uuid' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

/**
 * What tRPC 11's wsLink does with a running subscription when its socket drops: it keeps it, and once a
 * new socket opens it sends the same request again (same input, a new wire id). With a request id the API
 * answers that second run with the same interaction, so the drop costs nothing and stores nothing twice.
 */
describe('the WebSocket client resubscribing after a dropped socket', () => {
  let t: TestApp;
  let server: RunningServer;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    server = await startServer(t.app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  test('resends the running observe on the new socket; the API stores one observation', async () => {
    const me = await t.as('consultant');
    const client = await me.caller.clients.create({ name: 'Jan Kowalski' });
    const session = await me.caller.sessions.start({ clientId: client.id });

    const sockets: WebSocket[] = [];
    class TrackedWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
    }
    const wsClient = createWSClient({
      url: server.url.replace('http', 'ws') + '/trpc',
      WebSocket: TrackedWebSocket,
      connectionParams: () => ({ token: me.token }),
      retryDelayMs: () => 50,
    });
    const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    try {
      const requestId = randomUUID();
      const events: AnalysisEvent[] = [];
      const states: string[] = [];
      await new Promise<void>((resolve, reject) => {
        trpc.analysis.observe.subscribe(
          { sessionId: session.id, text: NOTE, requestId },
          {
            onData(event) {
              events.push(event);
              // Drop the socket right after the observation was stored, before its analysis arrives.
              if (event.type === 'accepted' && sockets.length === 1) sockets[0]!.close();
              if (event.type === 'done') resolve();
            },
            onConnectionStateChange: (state) => states.push(state.state),
            onError: reject,
            onComplete: () => reject(new Error('completed without done')),
          },
        );
      });
      expect(sockets.length).toBeGreaterThanOrEqual(2);
      const accepted = events.filter((e) => e.type === 'accepted');
      expect(accepted.length).toBeGreaterThanOrEqual(2);
      expect(new Set(accepted.map((e) => e.interactionId)).size).toBe(1);
      expect(states).toContain('connecting');
      const rows = await t.em().find(InteractionEntity, { session: session.id });
      expect(rows).toHaveLength(1);
      expect(rows[0]!.id).toBe(accepted[0]!.interactionId);
    } finally {
      await wsClient.close();
    }
  });

  test('the API stopped and started again on the same port: an observation sent meanwhile waits and is stored once', async () => {
    const me = await t.as('consultant');
    const client = await me.caller.clients.create({ name: 'Ewa Wiśniewska' });
    const session = await me.caller.sessions.start({ clientId: client.id });
    const port = Number(new URL(server.url).port);
    const states: { state: string; error: boolean }[] = [];
    const wsClient = createWSClient({ url: server.url.replace('http', 'ws') + '/trpc', connectionParams: () => ({ token: me.token }), retryDelayMs: () => 50 });
    wsClient.connectionState.subscribe({ next: (s) => states.push({ state: s.state, error: s.error !== null }) });
    const trpc = createTRPCClient<AppRouter>({ links: [wsLink({ client: wsClient })] });
    const observe = (requestId: string, events: AnalysisEvent[]) =>
      new Promise<void>((resolve, reject) => {
        trpc.analysis.observe.subscribe(
          { sessionId: session.id, text: NOTE, requestId },
          { onData: (event) => (events.push(event), event.type === 'done' && resolve()), onError: reject },
        );
      });
    try {
      await observe(randomUUID(), []);
      await server.close();
      const during: AnalysisEvent[] = [];
      const sent = observe(randomUUID(), during);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(during).toEqual([]);
      expect(states.at(-1)).toEqual({ state: 'connecting', error: true });

      server = await startServer(t.app, { host: '127.0.0.1', port });
      await sent;
      expect(during.filter((e) => e.type === 'accepted')).toHaveLength(1);
      expect(states.at(-1)).toEqual({ state: 'pending', error: false });
      expect(await t.em().find(InteractionEntity, { session: session.id })).toHaveLength(2);
    } finally {
      await wsClient.close();
    }
  });
});
