import type { AnalysisEvent } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DATABASES, type TestApp } from './harness';

describe.each(DATABASES)('sessions and feedback on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t?.close());

  test('a session is started, listed, read with its interactions and ended', async () => {
    const { caller, user } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Jan Kowalski' });
    const session = await caller.sessions.start({ clientId: client.id });
    expect(session).toMatchObject({ clientId: client.id, userId: user.id, endedAt: null, keyFacts: {} });

    const conn = t.em().getConnection();
    await conn.execute(
      `insert into interaction (id, session_id, at, kind, input) values (gen_random_uuid(), ?, now(), 'note', ?), (gen_random_uuid(), ?, now() + interval '1 second', 'chat', ?)`,
      [session.id, 'Ma dwoje dzieci', session.id, 'Co dalej?'],
    );
    const full = await caller.sessions.get({ id: session.id });
    expect(full.interactions.map((i) => [i.kind, i.input])).toEqual([
      ['note', 'Ma dwoje dzieci'],
      ['chat', 'Co dalej?'],
    ]);

    const ended = await caller.sessions.end({ id: session.id, summary: 'Rodzina, interesuje się SUV-em.' });
    expect(ended.endedAt).toBeInstanceOf(Date);
    expect(ended.summary).toBe('Rodzina, interesuje się SUV-em.');
    await expect(caller.sessions.end({ id: session.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await caller.sessions.list({ clientId: client.id })).map((s) => s.id)).toEqual([session.id]);
  });

  test('a new session carries over the key facts of the previous one', async () => {
    const { caller } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Ewa Nowak' });
    const first = await caller.sessions.start({ clientId: client.id });
    await t
      .em()
      .getConnection()
      .execute(`update client_session set key_facts = '{"budżet":"200 tys. zł","rodzina":"2 dzieci"}' where id = ?`, [first.id]);
    await caller.sessions.end({ id: first.id });
    const second = await caller.sessions.start({ clientId: client.id });
    expect(second.keyFacts).toEqual({ budżet: '200 tys. zł', rodzina: '2 dzieci' });
  });

  test("another consultant can neither read nor rate a colleague's session", async () => {
    const owner = await t.as('consultant');
    const other = await t.as('consultant');
    const client = await owner.caller.clients.create({ name: 'Adam Zieliński' });
    const session = await owner.caller.sessions.start({ clientId: client.id });
    const [interaction] = await t
      .em()
      .getConnection()
      .execute<{ id: string }[]>(`insert into interaction (id, session_id, at, kind, input) values (gen_random_uuid(), ?, now(), 'note', 'x') returning id`, [session.id]);

    await expect(other.caller.sessions.get({ id: session.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.caller.sessions.list({ clientId: client.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(other.caller.sessions.start({ clientId: client.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      other.caller.feedback.rate({ interactionId: interaction!.id, suggestionId: 's1', rating: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  test('rating a shown suggestion stores it; rating again replaces the verdict; unknown suggestions are refused', async () => {
    const { caller, user } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Olga Wójcik' });
    const session = await caller.sessions.start({ clientId: client.id });
    let done: Extract<AnalysisEvent, { type: 'done' }> | undefined;
    for await (const event of (await caller.analysis.observe({ sessionId: session.id, text: 'Dwoje dzieci, pyta o isofix.' })) as AsyncIterable<AnalysisEvent>) {
      if (event.type === 'done') done = event;
    }
    const interactionId = done!.interactionId;
    const [shown, alsoShown] = done!.analysis.suggestions.map((s) => s.id);

    const first = await caller.feedback.rate({ interactionId, suggestionId: shown!, rating: 1 });
    expect(first).toMatchObject({ rating: 1, comment: null, userId: user.id });
    const second = await caller.feedback.rate({ interactionId, suggestionId: shown!, rating: -1, comment: 'Za wcześnie na to pytanie' });
    expect(second).toMatchObject({ id: first.id, rating: -1, comment: 'Za wcześnie na to pytanie' });
    await caller.feedback.rate({ interactionId, suggestionId: alsoShown!, rating: 1 });

    // After "regenerate", the earlier moves can still be rated, and so can the new ones.
    const { suggestions } = await caller.analysis.regenerate({ interactionId });
    await caller.feedback.rate({ interactionId, suggestionId: suggestions[0]!.id, rating: 1 });
    await caller.feedback.rate({ interactionId, suggestionId: shown!, rating: 1 });

    const before = await t.counts();
    await expect(caller.feedback.rate({ interactionId, suggestionId: 'pb:never:shown:0', rating: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.counts()).toEqual(before);
    const rows = await t.em().getConnection().execute<{ suggestion_id: string; rating: number }[]>(
      'select suggestion_id, rating from feedback where interaction_id = ? order by suggestion_id',
      [interactionId],
    );
    expect(rows).toEqual(
      [
        { suggestion_id: shown, rating: 1 },
        { suggestion_id: alsoShown, rating: 1 },
        { suggestion_id: suggestions[0]!.id, rating: 1 },
      ].sort((a, b) => (a.suggestion_id! < b.suggestion_id! ? -1 : 1)),
    );
  });
});
