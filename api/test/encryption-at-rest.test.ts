import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { AnalysisEvent } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EncryptionError } from '../src/db/encrypted-type';
import { migrate, openDatabase } from '../src/db/orm';
import { ClientEntity } from '../src/modules/clients/client.entity';
import { InteractionEntity } from '../src/modules/sessions/interaction.entity';
import { SessionEntity } from '../src/modules/sessions/session.entity';
import { UserEntity } from '../src/modules/users/user.entity';
import { freshPostgres } from './fresh-postgres';
import { collect, createTestApp, DATABASES, type TestApp } from './harness';

// Notes over 800 characters together: with SUFLER_SUMMARY_TOKENS=200 the summary job runs.
const NOTES = [
  'Pan Marek z żoną, mają dwoje dzieci (3 i 7 lat). Pytali o bezpieczeństwo, mocowania isofix i bagażnik na wózek. ' +
    'Budżet do 250 tys. zł, obecne auto Skoda Octavia z 2016 chcą oddać w rozliczeniu. Żona prowadzi codziennie do przedszkola.',
  'Teraz pyta głównie o przyspieszenie 0-100, moc i wrażenia z jazdy; chciałby przejechać się w weekend na tor. ' +
    'Porównuje z Teslą Model Y Performance i pyta, czy jest wersja z napędem na cztery koła oraz jak szybko ładuje się zimą.',
  'Mówi, że za drogo, w innym salonie dostał większy rabat na BMW i4. Zastanowi się do końca miesiąca, ' +
    'ale jeśli dołożymy opony zimowe i przegląd na trzy lata, to jest gotów podpisać umowę jeszcze w tym tygodniu.',
  'Wrócił z żoną po jeździe próbnej. Żonie spodobał się bagażnik i cisza w kabinie, pyta o leasing konsumencki ' +
    'na cztery lata z wykupem oraz o to, czy wallbox w garażu da się zamontować przed odbiorem auta w marcu.',
];

/** Pieces of text (with spaces, so no base64 can contain them by chance) that must not be stored in clear. */
function phrases(...texts: string[]): string[] {
  return texts.flatMap((t) => t.split(/[\n.;]/)).map((p) => p.trim()).filter((p) => p.length >= 12 && p.includes(' '));
}

describe.each(DATABASES)('encryption at rest on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database, { SUFLER_SUMMARY_TOKENS: '200' });
  });
  afterAll(() => t?.close());
  const sql = <T>(query: string, params: unknown[] = []) => t.app.deps.orm.em.getConnection().execute<T[]>(query, params);

  test('notes, analyses, summaries, key facts and strategies are stored encrypted, and read back in clear', async () => {
    const { caller } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Marek Zieliński' });
    const session = await caller.sessions.start({ clientId: client.id });
    for (const text of NOTES) {
      const events = await collect((await caller.analysis.observe({ sessionId: session.id, text })) as AsyncIterable<AnalysisEvent>);
      expect(events.at(-1)?.type).toBe('done');
    }
    let stored = await caller.sessions.get({ id: session.id });
    for (let i = 0; i < 100 && !stored.summary; i++) {
      await sleep(100);
      stored = await caller.sessions.get({ id: session.id }); // the summary job writes with a native update
    }

    const strategy = await caller.analysis.strategy({ sessionId: session.id });
    expect((await caller.analysis.strategy({ sessionId: session.id })).cached).toBe(true);

    expect(stored.interactions.map((i) => i.input)).toEqual(NOTES);
    expect(stored.interactions.every((i) => (i.response as { analysis?: unknown }).analysis)).toBe(true);
    expect(stored.summary).toContain('dwoje dzieci');
    expect(stored.keyFacts).toMatchObject({ budget: expect.stringContaining('250') });

    const interactions = await sql<{ input: string; response: string; row: string }>(
      'select input, response, i::text as row from interaction i where session_id = ?',
      [session.id],
    );
    const [row] = await sql<{ summary: string; key_facts: string; strategy_cache: string; analysis_state: string; row: string }>(
      'select summary, key_facts, strategy_cache, analysis_state, s::text as row from client_session s where id = ?',
      [session.id],
    );
    expect(interactions).toHaveLength(NOTES.length);
    for (const value of [...interactions.flatMap((i) => [i.input, i.response]), row!.summary, row!.key_facts, row!.strategy_cache, row!.analysis_state]) {
      expect(value).toMatch(/^v1:[A-Za-z0-9+/]{16}:[A-Za-z0-9+/]{22}==:/);
    }
    const secrets = phrases(...NOTES, stored.summary!, ...Object.values(stored.keyFacts), strategy.strategy.summary.text);
    expect(secrets.length).toBeGreaterThan(10);
    const everything = [...interactions.map((i) => i.row), row!.row].join('\n');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('Marek z żoną');
  });

  test('a new session carries the encrypted summary and key facts over', async () => {
    const { caller } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Anna Nowak' });
    const first = await caller.sessions.start({ clientId: client.id });
    await collect((await caller.analysis.observe({ sessionId: first.id, text: NOTES[0]! })) as AsyncIterable<AnalysisEvent>);
    await caller.sessions.end({ id: first.id, summary: 'Rodzina z dwojgiem dzieci, budżet 250 tys. zł.' });
    const next = await caller.sessions.start({ clientId: client.id });
    expect(next.summary).toBe('Rodzina z dwojgiem dzieci, budżet 250 tys. zł.');
    expect(next.keyFacts).toEqual((await caller.sessions.get({ id: first.id })).keyFacts);
    const [row] = await sql<{ summary: string }>('select summary from client_session where id = ?', [next.id]);
    expect(row!.summary).toMatch(/^v1:/);
  });

  test('rows written before encryption still read, stay as they are when unchanged, and are encrypted when next written', async () => {
    const { caller } = await t.as('consultant');
    const client = await caller.clients.create({ name: 'Jan Kowalski' });
    const session = await caller.sessions.start({ clientId: client.id });
    // What the previous release left: plain text and PostgreSQL's rendering of jsonb as text.
    await sql(`update client_session set summary = ?, key_facts = ? where id = ?`, ['Stare podsumowanie bez szyfru.', '{"budget": "do 200 tys. zł"}', session.id]);
    await sql(`insert into interaction (id, session_id, at, kind, input, response) values (?, ?, now(), 'chat', ?, ?)`, [
      randomUUID(),
      session.id,
      'Stara notatka bez szyfru',
      '{"answer": "Stara odpowiedź"}',
    ]);

    const legacy = await caller.sessions.get({ id: session.id });
    expect(legacy).toMatchObject({ summary: 'Stare podsumowanie bez szyfru.', keyFacts: { budget: 'do 200 tys. zł' } });
    expect(legacy.interactions[0]).toMatchObject({ input: 'Stara notatka bez szyfru', response: { answer: 'Stara odpowiedź' } });

    // Loading and flushing unchanged rows writes nothing (ciphertexts differ each time; plaintexts do not).
    const em = t.em();
    await em.findOneOrFail(SessionEntity, { id: session.id });
    em.getUnitOfWork().computeChangeSets();
    expect(em.getUnitOfWork().getChangeSets()).toEqual([]);

    await caller.sessions.end({ id: session.id, summary: 'Nowe podsumowanie.' });
    const [row] = await sql<{ summary: string; key_facts: string }>('select summary, key_facts from client_session where id = ?', [session.id]);
    expect(row!.summary).toMatch(/^v1:/);
    expect(row!.key_facts).toBe('{"budget": "do 200 tys. zł"}');
    expect((await caller.sessions.get({ id: session.id })).summary).toBe('Nowe podsumowanie.');
  });
});

describe.each(DATABASES)('the migration to encrypted columns on %s', (database) => {
  test('keeps the JSON of a database from the previous release readable, and writes nothing until a value changes', async () => {
    const postgres = database === 'postgresql' ? await freshPostgres(process.env.DATABASE_URL!) : undefined;
    const db = await openDatabase(postgres ? { kind: 'postgresql', url: postgres.url, encryptionKey: randomBytes(32) } : { kind: 'pglite' });
    try {
      await db.orm.migrator.up({ to: 'Migration20261123000000Brain' });
      const [user, client, session, interaction] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
      await db.orm.em.getConnection().execute(
        `insert into app_user (id, email, password_hash, role, created_at, updated_at) values ('${user}', 'old@example.com', 'x', 'consultant', now(), now());
         insert into client (id, name, search_text, owner_id, created_at, updated_at) values ('${client}', 'Jan', 'jan', '${user}', now(), now());
         insert into client_session (id, client_id, user_id, started_at, summary, key_facts, strategy_cache)
           values ('${session}', '${client}', '${user}', now(), 'Stare podsumowanie.', '{"budget": "do 200 tys. zł"}', '{"key": "1", "value": {"text": "Stara strategia"}}');
         insert into interaction (id, session_id, at, kind, input, response)
           values ('${interaction}', '${session}', now(), 'note', 'Stara notatka.', '{"analysis": {"language": "pl"}, "trace": null}');`,
      );
      // Later migrations follow it; this one must run first, on the old rows.
      expect((await migrate(db))[0]).toBe('Migration20261124000000EncryptionAtRest');

      const em = db.orm.em.fork();
      expect(await em.findOneOrFail(SessionEntity, { id: session })).toMatchObject({
        summary: 'Stare podsumowanie.',
        keyFacts: { budget: 'do 200 tys. zł' },
        strategyCache: { key: '1', value: { text: 'Stara strategia' } },
      });
      expect(await em.findOneOrFail(InteractionEntity, { id: interaction })).toMatchObject({
        input: 'Stara notatka.',
        response: { analysis: { language: 'pl' }, trace: null },
      });
      em.getUnitOfWork().computeChangeSets();
      expect(em.getUnitOfWork().getChangeSets()).toEqual([]);
    } finally {
      await db.close();
      await postgres?.drop();
    }
  });
});

describe('the embedded key', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'sufler-'));
  });

  async function writeSession(db: Awaited<ReturnType<typeof openDatabase>>, summary: string): Promise<string> {
    const em = db.orm.em.fork();
    const user = em.create(UserEntity, { email: `${randomUUID()}@example.com`, role: 'consultant', passwordHash: 'x' });
    const client = em.create(ClientEntity, { name: 'Klient', searchText: 'klient', owner: user });
    const session = em.create(SessionEntity, { client, user, summary, keyFacts: { budget: 'do 250 tys. zł' } });
    await em.flush();
    return session.id;
  }

  test('is generated once into the data directory, kept private, and reused; another key cannot read the data', async () => {
    const first = await openDatabase({ kind: 'pglite', dataDir });
    await migrate(first);
    const id = await writeSession(first, 'Podsumowanie z pierwszego uruchomienia.');
    await first.close();
    expect(statSync(join(dataDir, 'encryption-key')).mode & 0o077).toBe(0);

    const again = await openDatabase({ kind: 'pglite', dataDir });
    const session = await again.orm.em.fork().findOneOrFail(SessionEntity, { id });
    expect(session).toMatchObject({ summary: 'Podsumowanie z pierwszego uruchomienia.', keyFacts: { budget: 'do 250 tys. zł' } });
    await again.close();

    const other = await openDatabase({ kind: 'pglite', dataDir, encryptionKey: randomBytes(32) });
    try {
      const error = await other.orm.em.fork().findOne(SessionEntity, { id }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EncryptionError);
      expect((error as EncryptionError).message).toMatch(/client_session\.(summary|key_facts).*SUFLER_ENCRYPTION_KEY/);
    } finally {
      await other.close();
    }
  });

  test('two databases open in one process keep their own keys', async () => {
    const [a, b] = await Promise.all([openDatabase({ kind: 'pglite' }), openDatabase({ kind: 'pglite' })]);
    try {
      await Promise.all([migrate(a), migrate(b)]);
      const ids = await Promise.all([writeSession(a, 'Sesja A.'), writeSession(b, 'Sesja B.')]);
      expect((await a.orm.em.fork().findOneOrFail(SessionEntity, { id: ids[0] })).summary).toBe('Sesja A.');
      expect((await b.orm.em.fork().findOneOrFail(SessionEntity, { id: ids[1] })).summary).toBe('Sesja B.');
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
