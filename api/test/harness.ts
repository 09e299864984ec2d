import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Role } from '@sufler/shared';
import { createApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';

/**
 * Integration tests run on every database this machine has: embedded PGlite always, and the
 * PostgreSQL at DATABASE_URL when it is set (CI sets it). Each test app gets a database of its own.
 */
export const DATABASES = ['pglite', ...(process.env.DATABASE_URL ? (['postgresql'] as const) : [])] as const;
export type TestDatabase = (typeof DATABASES)[number];

export const PASSWORD = 'correct horse battery staple';
const createCaller = createCallerFactory(appRouter);

/** A throwaway PostgreSQL database on the server at DATABASE_URL; dropped by the returned function. */
async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new URL(process.env.DATABASE_URL!);
  const name = `sufler_test_${randomUUID().replaceAll('-', '')}`;
  const run = async (sql: string) => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(database: TestDatabase, vars: Record<string, string> = {}) {
  const postgres = database === 'postgresql' ? await freshPostgres() : undefined;
  const env = loadEnv({
    SUFLER_JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    OLLAMA_URL: 'http://127.0.0.1:9', // nothing listens on the discard port: rules mode
    ...(postgres && { DATABASE_URL: postgres.url }),
    ...vars,
  });
  const app: App = await createApp(env, createLogger(env), { inMemory: true });

  /** Creates a user of `role` and returns a tRPC caller authenticated as them. */
  async function as(role: Role, email = `${role}-${randomUUID().slice(0, 8)}@example.com`) {
    const user = await createUser(app.deps.orm.em.fork(), { email, role, password: PASSWORD });
    const { token } = await app.deps.accessTokens.sign({ userId: user.id, role });
    return { user, token, caller: createCaller({ deps: app.deps, accessToken: token }) };
  }

  return {
    app,
    env,
    as,
    anonymous: () => createCaller({ deps: app.deps, accessToken: null }),
    withToken: (accessToken: string | null) => createCaller({ deps: app.deps, accessToken }),
    em: () => app.deps.orm.em.fork(),
    /** Row counts of every application table, to prove a failed call wrote nothing. */
    async counts(): Promise<Record<string, number>> {
      const tables = ['app_user', 'refresh_token', 'client', 'client_session', 'interaction', 'feedback', 'audit_log'];
      const conn = app.deps.orm.em.getConnection();
      const entries = await Promise.all(
        tables.map(async (t) => [t, Number((await conn.execute<{ n: string }[]>(`select count(*) as n from "${t}"`))[0]!.n)] as const),
      );
      return Object.fromEntries(entries);
    },
    async close() {
      await app.close();
      await postgres?.drop();
    },
  };
}
