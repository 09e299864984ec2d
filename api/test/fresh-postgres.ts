import { randomUUID } from 'node:crypto';
import pg from 'pg';

/** A throwaway database on the PostgreSQL server at `serverUrl`; dropped by the returned function. */
export async function freshPostgres(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new URL(serverUrl);
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

