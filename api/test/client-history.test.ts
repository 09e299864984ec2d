import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DATABASES, type TestApp } from './harness';

describe.each(DATABASES)('clients.history on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t?.close());

  const addInteractions = (sessionId: string, kinds: string[]) =>
    t
      .em()
      .getConnection()
      .execute(
        `insert into interaction (id, session_id, at, kind, input) values ${kinds.map(() => "(gen_random_uuid(), ?, now(), ?, 'x')").join(', ')}`,
        kinds.flatMap((kind) => [sessionId, kind]),
      );

  test('sessions newest first with their observation counts, and the running key facts and summary', async () => {
    const { caller } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Jan Kowalski', contact: { company: 'Kowalski sp. z o.o.' } });
    const first = await caller.sessions.start({ clientId: client.id });
    await addInteractions(first.id, ['note', 'selection', 'chat', 'transcript']);
    await t
      .em()
      .getConnection()
      .execute(`update client_session set key_facts = '{"budget":"120 tys. zł"}' where id = ?`, [first.id]);
    await caller.sessions.end({ id: first.id, summary: 'Rodzina, szuka SUV-a.' });
    // The second session starts with the first one's facts and summary; nothing has been said in it yet.
    const second = await caller.sessions.start({ clientId: client.id });
    await addInteractions(second.id, ['chat']);

    const history = await caller.clients.history({ id: client.id });
    expect(history.client).toMatchObject({ id: client.id, name: 'Jan Kowalski', archived: false });
    expect(history.sessions.map((s) => [s.id, s.observationCount, s.endedAt === null])).toEqual([
      [second.id, 0, true],
      [first.id, 3, false],
    ]);
    expect(history.keyFacts).toEqual({ budget: '120 tys. zł' });
    expect(history.summary).toBe('Rodzina, szuka SUV-a.');
  });

  test('a client with no sessions has an empty file; an archived client keeps theirs', async () => {
    const { caller } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Ewa Nowak' });
    expect(await caller.clients.history({ id: client.id })).toMatchObject({ sessions: [], keyFacts: {}, summary: null });
    const session = await caller.sessions.start({ clientId: client.id });
    await caller.clients.archive({ id: client.id });
    const history = await caller.clients.history({ id: client.id });
    expect(history.client.archived).toBe(true);
    expect(history.sessions.map((s) => s.id)).toEqual([session.id]);
  });

  test("consultants see their own clients' files only; managers see the team's", async () => {
    const owner = await t.as('consultant');
    const colleague = await t.as('consultant');
    const manager = await t.as('manager');
    const client = await owner.caller.clients.create({ name: 'Adam Zieliński' });
    await owner.caller.sessions.start({ clientId: client.id });

    await expect(colleague.caller.clients.history({ id: client.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await manager.caller.clients.history({ id: client.id })).sessions).toHaveLength(1);
    // The refused look is on the audit trail, as for every other client read.
    const denied = await t
      .em()
      .getConnection()
      .execute<{ n: string | number }[]>(
        `select count(*) as n from audit_log where entity_id = ? and outcome = 'denied' and actor_id = ?`,
        [client.id, colleague.user.id],
      );
    expect(Number(denied[0]!.n)).toBe(1);
  });
});
