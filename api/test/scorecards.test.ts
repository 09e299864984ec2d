import { BUILT_IN_SCORECARDS } from '@sufler/shared';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestApp, DATABASES, type TestApp } from './harness';

const SALES = BUILT_IN_SCORECARDS.find((c) => c.key === 'SALES')!;
const edited = (weight: number) => ({ ...SALES, criteria: SALES.criteria.map((c, i) => (i === 0 ? { ...c, weight } : c)) });

describe.each(DATABASES)('scorecard templates on %s', (database) => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  beforeAll(async () => {
    t = await createTestApp(database);
    admin = await t.as('admin');
  });
  afterAll(() => t?.close());

  test('the four built-in templates are there, version 1', async () => {
    const cards = await admin.caller.scorecards.list();
    expect(cards.map((c) => [c.key, c.version, c.builtIn])).toEqual([
      ['COLLECTIONS', 1, true],
      ['RETENTION', 1, true],
      ['SALES', 1, true],
      ['SERVICE', 1, true],
    ]);
  });

  test('a save is the next version; a save based on an older version is a CONFLICT and stores nothing', async () => {
    const v2 = await admin.caller.scorecards.save({ ...edited(12), basedOnVersion: 1 });
    expect(v2).toMatchObject({ key: 'SALES', version: 2, builtIn: true });
    expect(v2.criteria[0]!.weight).toBe(12);
    await expect(admin.caller.scorecards.save({ ...edited(30), basedOnVersion: 1 })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await admin.caller.scorecards.get({ key: 'SALES' })).version).toBe(2);
    // Without a base version the save applies (the CLI's `scorecards save`).
    expect((await admin.caller.scorecards.save(edited(14))).version).toBe(3);
  });

  test("an admin's own template starts at version 1; only admins save", async () => {
    const own = await admin.caller.scorecards.save({ ...SALES, key: 'TEST_DRIVE', name: 'Jazda próbna', basedOnVersion: 0 });
    expect(own).toMatchObject({ key: 'TEST_DRIVE', version: 1, builtIn: false });
    const { caller: manager } = await t.as('manager');
    await expect(manager.scorecards.save(edited(20))).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(admin.caller.scorecards.save({ ...SALES, criteria: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect((await admin.caller.scorecards.get({ key: 'SALES' })).version).toBe(3);
  });
});
