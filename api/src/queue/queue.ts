import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { fromKysely, PgBoss } from 'pg-boss';
import type { DatabaseKind } from '../db/orm';
import type { Logger } from '../logger';
import { JOBS, type JobData, type JobName } from './jobs';

export type Queue = ReturnType<typeof createQueue>;
/** A job id nobody has: looking it up only fills pg-boss's queue cache. */
const NO_JOB = '00000000-0000-0000-0000-000000000000';

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

/**
 * pg-boss on the application's own database, through MikroORM's connection (PGlite allows only
 * one). `send` joins the caller's transaction when given its EntityManager, so a job is enqueued
 * if and only if the data change that asked for it commits.
 */
export function createQueue({ orm, kind, logger }: { orm: MikroORM; kind: DatabaseKind; logger: Logger }) {
  const connection = orm.em.getConnection();
  const boss = new PgBoss({
    db: fromKysely(connection.getClient()),
    backend: kind === 'pglite' ? 'pglite' : 'postgres',
    schema: 'pgboss',
    schedule: false,
  });
  boss.on('error', (error) => logger.error({ err: error }, 'queue error'));
  let started = false;

  return {
    async start(): Promise<void> {
      await boss.start();
      // pg-boss looks a queue up, on a connection of its own, the first time it is used after createQueue. On PGlite
      // (one connection) a first `send` inside the caller's transaction would wait for that transaction forever: a
      // process without workers (`sufler calls import` without --wait) hung there. So each queue is looked up now.
      await Promise.all(
        Object.values(JOBS).map(async (job) => {
          await boss.createQueue(job.name);
          await boss.getJobById(job.name, NO_JOB);
        }),
      );
      started = true;
    },

    async stop(): Promise<void> {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, close: false, timeout: 10_000 });
    },

    async send<N extends JobName>(name: N, data: JobData<N>, em?: EntityManager): Promise<string> {
      const job = JOBS[name];
      const trx = em?.getTransactionContext();
      const id = await boss.send(job.name, job.data.parse(data), {
        retryLimit: 3,
        retryBackoff: true,
        ...(trx && { db: fromKysely(trx) }),
      });
      if (!id) throw new Error(`Queue refused job ${job.name}`);
      return id;
    },

    async work<N extends JobName>(name: N, handler: (data: JobData<N>) => Promise<unknown>): Promise<void> {
      const job = JOBS[name];
      await boss.work(job.name, { pollingIntervalSeconds: 0.5 }, async ([item]) => {
        if (!item) return undefined;
        return handler(job.data.parse(item.data) as JobData<N>);
      });
    },

    async state(name: JobName, id: string): Promise<{ state: JobState; output: unknown } | null> {
      const job = await boss.getJobById(JOBS[name].name, id);
      return job ? { state: job.state, output: job.output } : null;
    },

    isStarted: () => started,
  };
}
