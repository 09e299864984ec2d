import { randomUUID } from 'node:crypto';
import type { Role } from '@sufler/shared';
import { createApp, type App } from '../src/app';
import { loadEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { createUser } from '../src/modules/users/user.service';
import { appRouter } from '../src/router';
import { createCallerFactory } from '../src/trpc/init';
import { freshPostgres } from './fresh-postgres';

/**
 * Integration tests run on every database this machine has: embedded PGlite always, and the
 * PostgreSQL at DATABASE_URL when it is set (CI sets it). Each test app gets a database of its own.
 */
export const DATABASES = ['pglite', ...(process.env.DATABASE_URL ? (['postgresql'] as const) : [])] as const;
export type TestDatabase = (typeof DATABASES)[number];

export const PASSWORD = 'correct horse battery staple';
/** 32 bytes as base64, as `openssl rand -base64 32` prints them. */
export const TEST_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
const createCaller = createCallerFactory(appRouter);

/** Drains a subscription (an observation's or a chat's events) into an array. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const events: T[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;

export async function createTestApp(database: TestDatabase, vars: Record<string, string> = {}) {
  const postgres = database === 'postgresql' ? await freshPostgres(process.env.DATABASE_URL!) : undefined;
  const env = loadEnv({
    SUFLER_JWT_SECRET: 'test-secret-that-is-long-enough-0123456789',
    SUFLER_ENCRYPTION_KEY: TEST_ENCRYPTION_KEY,
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
      const tables = ['app_user', 'refresh_token', 'client', 'client_session', 'interaction', 'feedback', 'audit_log', 'call', 'call_stage', 'call_segment', 'call_criterion', 'transcript_revision', 'live_session', 'live_segment', 'app_setting'];
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
