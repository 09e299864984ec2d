import type { Env } from './env';
import { databaseConfigFrom, migrate, openDatabase, type Database } from './db/orm';
import { createBrain } from './brain';
import { createHealthCheck } from './health';
import { createAnalysisService } from './modules/analysis/analysis.service';
import { createSummarizeSessionJob } from './modules/analysis/summarize-session.job';
import { createBufferedUsageStore, createDatabaseUsageStore } from './modules/llm/usage-store';
import type { Logger } from './logger';
import { createAuthThrottles } from './modules/auth/auth-throttles';
import { createAuthService } from './modules/auth/auth.service';
import { resolveJwtSecret } from './modules/auth/jwt-secret';
import { createAccessTokens } from './modules/auth/tokens';
import { countUsers, createUser } from './modules/users/user.service';
import { createQueue } from './queue/queue';
import type { AppDeps } from './trpc/context';
import { createCallsModule } from './modules/calls/create-calls-module';
import { createLiveModule } from './modules/live/create-live-module';

export type App = {
  deps: AppDeps;
  db: Database;
  /** Largest accepted upload of a recording (SUFLER_CALL_MAX_MB). */
  maxUploadBytes: number;
  /** SUFLER_TRUST_PROXY: how many reverse proxies' X-Forwarded-For the server believes. */
  trustedProxies: number;
  health: ReturnType<typeof createHealthCheck>;
  close: () => Promise<void>;
};

/**
 * Opens the database (PostgreSQL when DATABASE_URL is set, else embedded PGlite), migrates it,
 * starts the queue and its workers, and wires the services. `inMemory` keeps PGlite in memory. `workers: false`
 * only queues jobs, for a short-lived CLI command that must not pick up (and leave half done) stages of calls.
 */
export async function createApp(env: Env, logger: Logger, options: { inMemory?: boolean; workers?: boolean } = {}): Promise<App> {
  const workers = options.workers ?? true;
  const dataDir = options.inMemory ? undefined : env.SUFLER_DATA_DIR;
  const db = await openDatabase(databaseConfigFrom(env, dataDir), logger);
  let stopQueue = async () => {};
  let closeCalls = async () => {};
  let closeLive = async () => {};
  try {
    const applied = await migrate(db);
    if (applied.length) logger.info({ applied }, 'database migrated');

    const accessTokens = createAccessTokens({
      secret: resolveJwtSecret(env.SUFLER_JWT_SECRET, env.DATABASE_URL ? undefined : dataDir),
      ttlSeconds: env.SUFLER_ACCESS_TOKEN_TTL,
    });
    const queue = createQueue({ orm: db.orm, kind: db.kind, logger });
    await queue.start();
    stopQueue = () => queue.stop();
    if (workers) await queue.work('ping', async ({ sentAt }) => ({ pong: true, queuedMs: Date.now() - sentAt }));

    const usage = createBufferedUsageStore(createDatabaseUsageStore(db.orm));
    const brain = await createBrain(env, { orm: db.orm, logger, usage });
    if (workers) await queue.work('summarizeSession', createSummarizeSessionJob(db.orm, brain.analyzer));
    const calls = await createCallsModule(env, { orm: db.orm, queue, logger, llm: brain.llm, encryptionKey: db.encryptionKey, dataDir, workers });
    closeCalls = calls.close;
    logger.info(
      { index: brain.index, entries: brain.knowledge.entries.size, models: brain.llm ? env.OLLAMA_MODELS : [] },
      brain.llm ? 'co-pilot ready' : 'co-pilot ready in rules mode (SUFLER_LLM=off)',
    );

    const analysis = createAnalysisService({ analyzer: brain.analyzer, queue, summaryTokens: env.SUFLER_SUMMARY_TOKENS });
    const live = await createLiveModule(env, { orm: db.orm, shared: calls.shared, analysis, calls: calls.service, logger, workers });
    closeLive = live.close;

    const deps: AppDeps = {
      orm: db.orm,
      databaseKind: db.kind,
      logger,
      accessTokens,
      auth: createAuthService({
        accessTokens,
        refreshTtlSeconds: env.SUFLER_REFRESH_TOKEN_TTL,
        throttles: createAuthThrottles({
          maxPerAccount: env.SUFLER_LOGIN_MAX_PER_ACCOUNT,
          maxPerAddress: env.SUFLER_LOGIN_MAX_PER_ADDRESS,
          windowSeconds: env.SUFLER_LOGIN_WINDOW_S,
        }),
      }),
      queue,
      brain: {
        analysis,
        knowledge: brain.knowledge,
        llm: brain.llm,
      },
      calls: calls.service,
      live: live.service,
    };
    await ensureFirstAdmin(deps, env);
    return {
      deps,
      db,
      maxUploadBytes: env.SUFLER_CALL_MAX_MB * 1_048_576,
      trustedProxies: env.SUFLER_TRUST_PROXY,
      health: createHealthCheck(deps, env.OLLAMA_URL),
      close: async () => {
        await closeLive();
        await queue.stop();
        await closeCalls();
        await usage.close().catch((error: unknown) => logger.warn({ err: error }, 'could not record the last token usage'));
        await db.close();
      },
    };
  } catch (error) {
    await closeLive();
    await stopQueue();
    await closeCalls();
    await db.close();
    throw error;
  }
}

/** With no users yet: create the admin from the environment, or say how to create one. */
async function ensureFirstAdmin(deps: AppDeps, env: Env): Promise<void> {
  const em = deps.orm.em.fork();
  if ((await countUsers(em)) > 0) return;
  if (env.SUFLER_ADMIN_EMAIL && env.SUFLER_ADMIN_PASSWORD) {
    await createUser(em, { email: env.SUFLER_ADMIN_EMAIL, role: 'admin', password: env.SUFLER_ADMIN_PASSWORD });
    deps.logger.info({ email: env.SUFLER_ADMIN_EMAIL }, 'created the first admin from SUFLER_ADMIN_EMAIL');
    return;
  }
  const stopFirst = deps.databaseKind === 'pglite' ? 'stop Sufler (Ctrl-C), then run' : 'run';
  deps.logger.warn(
    `No users yet. To create the first admin, ${stopFirst}:  npx sufler user add --email you@example.com --role admin` +
      '  (or start with SUFLER_ADMIN_EMAIL and SUFLER_ADMIN_PASSWORD set)',
  );
}
