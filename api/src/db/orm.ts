import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Env } from '../env';
import type { Logger } from '../logger';
import { lockDataDir } from './data-dir-lock';
import { encryptionAtRest } from './encrypted-type';
import { resolveEncryptionKey } from './encryption-key';
import { entities } from './entities';
import { migrations } from './migrations';

export type DatabaseKind = 'postgresql' | 'pglite';

export type Database = {
  orm: MikroORM;
  kind: DatabaseKind;
  /** The AES-256 key of the encrypted columns; other stores at rest derive their own keys from it. */
  encryptionKey: Buffer;
  /** Closes the ORM, then the embedded database and its lock; safe to call twice. */
  close: () => Promise<void>;
};

export type DatabaseConfig =
  /** `encryptionKey`: the AES-256 key of the encrypted columns (SUFLER_ENCRYPTION_KEY). */
  | { kind: 'postgresql'; url: string; encryptionKey: Buffer }
  /**
   * `dataDir` undefined keeps the embedded database in memory (tests). Without `encryptionKey`, one is
   * generated once into `dataDir` (in memory: a random one).
   */
  | { kind: 'pglite'; dataDir?: string; encryptionKey?: Buffer };

const baseOptions = (encryptionKey: Buffer, logger?: Logger): Options => ({
  entities,
  extensions: [Migrator, encryptionAtRest(encryptionKey)],
  migrations: { migrationsList: migrations, silent: true, snapshot: false, transactional: true, allOrNothing: true },
  debug: false,
  // The knowledge index's own tables: created by the pgvector adapter when the extension exists.
  schemaGenerator: { skipTables: ['knowledge_vector', 'knowledge_index_meta'] },
  allowGlobalContext: false,
  ...(logger && { loggerFactory: () => ({ log: () => {}, error: (_ns, msg) => logger.error(msg), warn: (_ns, msg) => logger.warn(msg), logQuery: () => {}, setDebugMode: () => {}, isEnabled: () => false }) }),
});

/** PostgreSQL when DATABASE_URL is set; otherwise PGlite in `dataDir` (undefined: in memory). */
export function databaseConfigFrom(
  env: Pick<Env, 'DATABASE_URL' | 'SUFLER_ENCRYPTION_KEY'>,
  dataDir: string | undefined,
): DatabaseConfig {
  const key = env.SUFLER_ENCRYPTION_KEY;
  if (env.DATABASE_URL) {
    if (!key) throw new Error('SUFLER_ENCRYPTION_KEY is required when DATABASE_URL is set'); // loadEnv says so first
    return { kind: 'postgresql', url: env.DATABASE_URL, encryptionKey: key };
  }
  return { kind: 'pglite', ...(dataDir && { dataDir }), ...(key && { encryptionKey: key }) };
}

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig, logger?: Logger): Promise<Database> {
  if (config.kind === 'postgresql') {
    const orm = await MikroORM.init({ ...baseOptions(config.encryptionKey, logger), clientUrl: config.url, pool: { min: 0, max: 10 } });
    return { orm, kind: 'postgresql', encryptionKey: config.encryptionKey, close: once(() => orm.close()) };
  }

  const lock = config.dataDir ? lockDataDir(resolve(config.dataDir)) : undefined;
  try {
    const encryptionKey = resolveEncryptionKey(config.encryptionKey, config.dataDir);
    const pglite = await PGlite.create({
      ...(config.dataDir && { dataDir: join(resolve(config.dataDir), 'pgdata') }),
      extensions: { vector },
    });
    const orm = await MikroORM.init({
      ...baseOptions(encryptionKey, logger),
      dbName: 'postgres',
      // PGlite is one session; node-postgres must never open a second connection to it.
      driverOptions: createPgConfig(pglite),
      pool: { min: 1, max: 1 },
    });
    return {
      orm,
      kind: 'pglite',
      encryptionKey,
      close: once(async () => {
        await orm.close();
        await pglite.close();
        lock?.release();
      }),
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/** Any fixed number: the key of the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_363_911;

/**
 * Brings the schema up to date. On PostgreSQL several replicas may start at once: a session-level
 * advisory lock, held on a connection of its own, lets one migrate while the others wait.
 */
export async function migrate(db: Database): Promise<string[]> {
  const run = async () => (await db.orm.migrator.up()).map((m) => m.name);
  if (db.kind === 'pglite') return run(); // one process by construction (lock file)

  const lock = new pg.Client({ connectionString: db.orm.config.get('clientUrl') });
  await lock.connect();
  try {
    await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await run();
  } finally {
    await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
