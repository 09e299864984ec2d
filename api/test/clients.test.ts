import type { AnalysisEvent } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DATABASES, type TestApp } from './harness';

type Caller = Awaited<ReturnType<TestApp['as']>>;

describe.each(DATABASES)('clients on %s', (database) => {
  let t: TestApp;
  let anna: Caller; // consultant
  let piotr: Caller; // another consultant
  let boss: Caller; // manager

  beforeAll(async () => {
    t = await createTestApp(database);
    anna = await t.as('consultant');
    piotr = await t.as('consultant');
    boss = await t.as('manager');
  });
  afterAll(() => t?.close());

  const auditRows = (action: string, entityId: string) =>
    t.app.deps.orm.em
      .getConnection()
      .execute<{ actor_id: string; outcome: string }[]>(
        'select actor_id, outcome from audit_log where action = ? and entity_id = ? order by id',
        [action, entityId],
      );

  test('create, get and update a client, each audited', async () => {
    const created = await anna.caller.clients.create({
      name: 'Łukasz Żółkiewski',
      contact: { email: 'Lukasz@Firma.pl', phone: '+48 600 100 200', company: 'Żółw Sp. z o.o.' },
    });
    expect(created).toMatchObject({ name: 'Łukasz Żółkiewski', ownerId: anna.user.id, archived: false });
    expect(created.contact.email).toBe('lukasz@firma.pl');

    expect(await anna.caller.clients.get({ id: created.id })).toEqual(created);
    const updated = await anna.caller.clients.update({ id: created.id, name: 'Łukasz Żółkiewski-Nowak' });
    expect(updated.name).toBe('Łukasz Żółkiewski-Nowak');
    expect(updated.contact.phone).toBe('+48 600 100 200');

    expect((await auditRows('create', created.id))[0]).toMatchObject({ actor_id: anna.user.id, outcome: 'success' });
    expect(await auditRows('read', created.id)).toHaveLength(1);
    expect(await auditRows('update', created.id)).toHaveLength(1);
  });

  test('search matches name, contact and company without diacritics, and pages', async () => {
    for (const name of ['Małgorzata Wiśniewska', 'Marek Wiśniewski', 'Zenon Kowalski']) {
      await piotr.caller.clients.create({ name, contact: { company: name.startsWith('Z') ? 'Flota Ślężańska' : undefined } });
    }
    const byName = await piotr.caller.clients.list({ search: 'wisniew' });
    expect(byName.items.map((c) => c.name).sort()).toEqual(['Marek Wiśniewski', 'Małgorzata Wiśniewska']);
    expect(byName.total).toBe(2);

    expect((await piotr.caller.clients.list({ search: 'ŚLĘŻ' })).items.map((c) => c.name)).toEqual(['Zenon Kowalski']);
    expect((await piotr.caller.clients.list({ search: '100%_' })).total).toBe(0); // LIKE wildcards are literal

    const page1 = await piotr.caller.clients.list({ limit: 2, offset: 0 });
    const page2 = await piotr.caller.clients.list({ limit: 2, offset: 2 });
    expect(page1.total).toBe(3);
    expect(page1.items).toHaveLength(2);
    expect(page2.items).toHaveLength(1);
    expect(new Set([...page1.items, ...page2.items].map((c) => c.id)).size).toBe(3);
  });

  test('consultants see only their own clients; managers see the team', async () => {
    const annas = await anna.caller.clients.list({});
    expect(annas.items.every((c) => c.ownerId === anna.user.id)).toBe(true);
    const [piotrsClient] = (await piotr.caller.clients.list({})).items;

    await expect(anna.caller.clients.get({ id: piotrsClient!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(anna.caller.clients.update({ id: piotrsClient!.id, name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await auditRows('read', piotrsClient!.id)).toContainEqual({ actor_id: anna.user.id, outcome: 'denied' });

    const all = await boss.caller.clients.list({ limit: 100 });
    expect(new Set(all.items.map((c) => c.ownerId))).toEqual(new Set([anna.user.id, piotr.user.id]));
    expect(await boss.caller.clients.get({ id: piotrsClient!.id })).toMatchObject({ id: piotrsClient!.id });
  });

  test('archive hides a client from the default list; unarchive brings it back', async () => {
    const client = await anna.caller.clients.create({ name: 'Archiwalny Klient' });
    await anna.caller.clients.archive({ id: client.id });
    expect((await anna.caller.clients.list({ search: 'archiwalny' })).total).toBe(0);
    expect((await anna.caller.clients.list({ search: 'archiwalny', archived: 'only' })).items[0]?.archived).toBe(true);
    await expect(anna.caller.sessions.start({ clientId: client.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await anna.caller.clients.unarchive({ id: client.id });
    expect((await anna.caller.clients.list({ search: 'archiwalny' })).total).toBe(1);
    expect(await auditRows('archive', client.id)).toHaveLength(1);
    expect(await auditRows('unarchive', client.id)).toHaveLength(1);
  });

  test('erase removes the client and everything of it, and is audited', async () => {
    const client = await anna.caller.clients.create({ name: 'Do Usunięcia', contact: { email: 'usun@example.com' } });
    const session = await anna.caller.sessions.start({ clientId: client.id });
    const conn = t.em().getConnection();
    let done: Extract<AnalysisEvent, { type: 'done' }> | undefined;
    for await (const event of (await anna.caller.analysis.observe({ sessionId: session.id, text: 'Klient pyta o leasing, usunąć po rozmowie' })) as AsyncIterable<AnalysisEvent>) {
      if (event.type === 'done') done = event;
    }
    const interaction = { id: done!.interactionId };
    await anna.caller.feedback.rate({ interactionId: interaction.id, suggestionId: done!.analysis.suggestions[0]!.id, rating: 1 });

    await expect(anna.caller.clients.erase({ id: client.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await boss.caller.clients.erase({ id: client.id })).toEqual({ erased: true });

    const left = await conn.execute<{ n: string }[]>(
      `select (select count(*) from client where id = ?)
            + (select count(*) from client_session where client_id = ?)
            + (select count(*) from interaction where session_id = ?)
            + (select count(*) from feedback where interaction_id = ?) as n`,
      [client.id, client.id, session.id, interaction.id],
    );
    expect(Number(left[0]!.n)).toBe(0);
    const leaked = await conn.execute<{ n: string }[]>(
      `select count(*) as n from audit_log where detail::text ilike '%usun%'`,
    );
    expect(Number(leaked[0]!.n)).toBe(0); // the audit trail keeps ids, never the erased data
    expect(await auditRows('erase', client.id)).toEqual([{ actor_id: boss.user.id, outcome: 'success' }]);
    await expect(boss.caller.clients.get({ id: client.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
