import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DataDirLockedError } from '../src/db/data-dir-lock';
import { openDatabase } from '../src/db/orm';
import { resolveJwtSecret } from '../src/modules/auth/jwt-secret';

test('a second open of one data directory (this process or another) fails with a clear message; data survives a reopen', async () => {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'sufler-')), 'nested', 'data');
  const first = await openDatabase({ kind: 'pglite', dataDir });
  await first.orm.em.getConnection().execute('create table kept (v text); insert into kept values (?)', ['zapisane']);

  const error = await openDatabase({ kind: 'pglite', dataDir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataDirLockedError);
  expect((error as Error).message).toContain('in use by another Sufler process');
  expect((error as Error).message).toContain('SUFLER_DATA_DIR');

  await first.close();
  const again = await openDatabase({ kind: 'pglite', dataDir });
  expect(await again.orm.em.getConnection().execute('select v from kept')).toEqual([{ v: 'zapisane' }]);
  await again.close();
});

test('a stale lock left by a dead process is taken over', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sufler-'));
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dataDir, 'sufler.lock'), '999999999');
  const db = await openDatabase({ kind: 'pglite', dataDir });
  expect(readFileSync(join(dataDir, 'sufler.lock'), 'utf8')).toBe(String(process.pid));
  await db.close();
});

test('the embedded JWT secret is generated once, kept private, and reused', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sufler-'));
  const secret = resolveJwtSecret(undefined, dataDir);
  expect(secret.length).toBeGreaterThanOrEqual(32);
  expect(resolveJwtSecret(undefined, dataDir)).toBe(secret);
  expect(statSync(join(dataDir, 'jwt-secret')).mode & 0o077).toBe(0);
  expect(resolveJwtSecret('configured-secret-configured-secret!', dataDir)).toBe('configured-secret-configured-secret!');
});
