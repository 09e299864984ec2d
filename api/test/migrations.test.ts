import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate } from '../src/db/orm';
import { createTestApp, DATABASES, type TestApp } from './harness';

describe.each(DATABASES)('migrations on %s', (database) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(database);
  });
  afterAll(() => t?.close());

  test('leave the schema exactly as the entities describe it', async () => {
    expect(await t.app.deps.orm.schema.getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  test('are applied once: a second run applies nothing', async () => {
    expect(await migrate(t.app.db)).toEqual([]);
    const rows = await t.app.deps.orm.em.getConnection().execute<{ name: string }[]>('select name from mikro_orm_migrations');
    expect(rows.map((r) => r.name)).toEqual(['Migration20261122000000Foundation', 'Migration20261123000000Brain', 'Migration20261124000000EncryptionAtRest', 'Migration20261201000000ObserveRequestId', 'Migration20261202000000Calls', 'Migration20261207120000Live', 'Migration20261208000000AnalysisState']);
  });

  test('concurrent migrators (replicas starting together) do not collide', async () => {
    const results = await Promise.all([migrate(t.app.db), migrate(t.app.db), migrate(t.app.db)]);
    expect(results).toEqual([[], [], []]);
  });

  test('the job queue runs on the same database', async () => {
    const rows = await t.app.deps.orm.em
      .getConnection()
      .execute<{ n: string }[]>(`select count(*) as n from information_schema.tables where table_schema = 'pgboss'`);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });
});
