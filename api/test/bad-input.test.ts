import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DATABASES, type TestApp } from './harness';

type Call = (caller: Awaited<ReturnType<TestApp['as']>>['caller']) => Promise<unknown>;

describe.each(DATABASES)('bad input on %s', (database) => {
  let t: TestApp;
  let consultant: Awaited<ReturnType<TestApp['as']>>;
  let clientId: string;
  beforeAll(async () => {
    t = await createTestApp(database);
    consultant = await t.as('consultant');
    clientId = (await consultant.caller.clients.create({ name: 'Istniejący Klient' })).id;
  });
  afterAll(() => t?.close());

  const malformed: [string, Call][] = [
    ['an empty name', (c) => c.clients.create({ name: '   ' })],
    ['a 201-character name', (c) => c.clients.create({ name: 'x'.repeat(201) })],
    ['a 1 MB name', (c) => c.clients.create({ name: 'x'.repeat(1_000_000) })],
    ['a malformed e-mail', (c) => c.clients.create({ name: 'Jan', contact: { email: 'jan@' } })],
    ['letters in a phone number', (c) => c.clients.create({ name: 'Jan', contact: { phone: 'zadzwoń później' } })],
    ['a name of the wrong type', (c) => c.clients.create({ name: 42 as unknown as string })],
    ['a non-UUID id', (c) => c.clients.get({ id: "1' or '1'='1" })],
    ['a page size of 10 000', (c) => c.clients.list({ limit: 10_000 })],
    ['a negative offset', (c) => c.clients.list({ offset: -1 })],
    ['an unknown archived filter', (c) => c.clients.list({ archived: 'maybe' as 'only' })],
    ['a rating of 5', (c) => c.feedback.rate({ interactionId: randomUUID(), suggestionId: 's', rating: 5 as 1 })],
    ['a 2001-character comment', (c) => c.feedback.rate({ interactionId: randomUUID(), suggestionId: 's', rating: 1, comment: 'x'.repeat(2001) })],
    ['a summary over 20 000 characters', (c) => c.sessions.end({ id: randomUUID(), summary: 'x'.repeat(20_001) })],
  ];
  test.each(malformed)('%s → BAD_REQUEST with issues, nothing written', async (_case, call) => {
    const before = await t.counts();
    const error = await call(consultant.caller).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    expect(await t.counts()).toEqual(before);
  });

  const unknownIds: [string, Call][] = [
    ['get a client', (c) => c.clients.get({ id: randomUUID() })],
    ['update a client', (c) => c.clients.update({ id: randomUUID(), name: 'Nowa nazwa' })],
    ['archive a client', (c) => c.clients.archive({ id: randomUUID() })],
    ['read a client file', (c) => c.clients.history({ id: randomUUID() })],
    ['start a session for a client', (c) => c.sessions.start({ clientId: randomUUID() })],
    ['end a session', (c) => c.sessions.end({ id: randomUUID() })],
    ['read a session', (c) => c.sessions.get({ id: randomUUID() })],
    ['rate an interaction', (c) => c.feedback.rate({ interactionId: randomUUID(), suggestionId: 's', rating: 1 })],
  ];
  test.each(unknownIds)('%s that does not exist → NOT_FOUND, nothing written', async (_case, call) => {
    const before = await t.counts();
    await expect(call(consultant.caller)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.counts()).toEqual(before);
  });

  test('a creating a user with an e-mail already taken → CONFLICT', async () => {
    const { createUser } = await import('../src/modules/users/user.service');
    const before = await t.counts();
    await expect(
      createUser(t.em(), { email: consultant.user.email, role: 'admin', password: 'long enough password' }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.counts()).toEqual(before);
  });

  test('the existing client is untouched by all of the above', async () => {
    expect(await consultant.caller.clients.get({ id: clientId })).toMatchObject({ name: 'Istniejący Klient', archived: false });
  });
});
