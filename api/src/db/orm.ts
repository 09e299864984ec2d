import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { vector } from '@electric-sql/pglite-pgvector';
import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import type { Logger } from '../logger';
import { lockDataDir } from './data-dir-lock';
import { entities } from './entities';
import { migrations } from './migrations';

export type DatabaseKind = 'postgresql' | 'pglite';

export type Database = {
  orm: MikroORM;
  kind: DatabaseKind;
  /** Closes the ORM, then the embedded database and its lock; safe to call twice. */
  close: () => Promise<void>;
};

export type DatabaseConfig =
  | { kind: 'postgresql'; url: string }
  /** `dataDir` undefined keeps the embedded database in memory (tests). */
  | { kind: 'pglite'; dataDir?: string };

const baseOptions = (logger?: Logger): Options => ({
  entities,
  extensions: [Migrator],
  migrations: { migrationsList: migrations, silent: true, snapshot: false, transactional: true, allOrNothing: true },
  debug: false,
  allowGlobalContext: false,
  ...(logger && { loggerFactory: () => ({ log: () => {}, error: (_ns, msg) => logger.error(msg), warn: (_ns, msg) => logger.warn(msg), logQuery: () => {}, setDebugMode: () => {}, isEnabled: () => false }) }),
});

/** Opens the configured database and brings its schema up to date. */
export async function openDatabase(config: DatabaseConfig, logger?: Logger): Promise<Database> {
  if (config.kind === 'postgresql') {
    const orm = await MikroORM.init({ ...baseOptions(logger), clientUrl: config.url, pool: { min: 0, max: 10 } });
    return { orm, kind: 'postgresql', close: once(() => orm.close()) };
  }

  const lock = config.dataDir ? lockDataDir(resolve(config.dataDir)) : undefined;
  try {
    const pglite = await PGlite.create({
      ...(config.dataDir && { dataDir: join(resolve(config.dataDir), 'pgdata') }),
      extensions: { vector },
    });
    const orm = await MikroORM.init({
      ...baseOptions(logger),
      dbName: 'postgres',
      // PGlite is one session; node-postgres must never open a second connection to it.
      driverOptions: createPgConfig(pglite),
      pool: { min: 1, max: 1 },
    });
    return {
      orm,
      kind: 'pglite',
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

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}
