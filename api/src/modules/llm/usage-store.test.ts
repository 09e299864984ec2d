import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, openDatabase, type Database } from '../../db/orm';
import { createBufferedUsageStore, createDatabaseUsageStore } from './usage-store';

describe('token usage stores', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ kind: 'pglite' });
    await migrate(db);
  });
  afterAll(() => db?.close());

  test('the database store adds atomically per model and day', async () => {
    const store = createDatabaseUsageStore(db.orm);
    await Promise.all(Array.from({ length: 20 }, () => store.add('2026-11-22', 'gpt-oss:120b', 50)));
    await store.add('2026-11-22', 'gpt-oss:20b', 7);
    await store.add('2026-11-23', 'gpt-oss:120b', 1);
    expect(await store.tokensOn('2026-11-22', 'gpt-oss:120b')).toBe(1000);
    expect(await store.tokensOn('2026-11-22', 'gpt-oss:20b')).toBe(7);
    expect(await store.tokensOn('2026-11-21', 'gpt-oss:120b')).toBe(0);
  });

  test('the buffered store counts pending tokens at once and writes them on flush and close', async () => {
    const inner = createDatabaseUsageStore(db.orm);
    const store = createBufferedUsageStore(inner, 60_000);
    await store.add('2026-12-01', 'm', 30);
    await store.add('2026-12-01', 'm', 12);
    expect(await store.tokensOn('2026-12-01', 'm')).toBe(42);
    expect(await inner.tokensOn('2026-12-01', 'm')).toBe(0);
    await store.flush();
    expect(await inner.tokensOn('2026-12-01', 'm')).toBe(42);
    expect(await store.tokensOn('2026-12-01', 'm')).toBe(42);
    await store.add('2026-12-01', 'm', 8);
    await store.close();
    expect(await inner.tokensOn('2026-12-01', 'm')).toBe(50);
  });
});
