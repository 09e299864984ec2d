import type { MikroORM } from '@mikro-orm/postgresql';
import type { UsageStore } from './ports';

/**
 * Daily token usage in the database, so the limit holds across restarts and replicas. The upsert
 * adds atomically: replicas finishing calls at once do not lose each other's tokens.
 */
export function createDatabaseUsageStore(orm: MikroORM): UsageStore {
  return {
    async add(day, model, tokens) {
      await orm.em
        .getConnection()
        .execute(
          'insert into "llm_usage" ("day", "model", "tokens") values (?, ?, ?) on conflict ("day", "model") do update set "tokens" = "llm_usage"."tokens" + excluded."tokens"',
          [day, model, tokens],
        );
    },
    async tokensOn(day, model) {
      const rows = await orm.em
        .getConnection()
        .execute<{ tokens: string }[]>('select "tokens" from "llm_usage" where "day" = ? and "model" = ?', [day, model]);
      return rows.length ? Number(rows[0]!.tokens) : 0;
    },
  };
}

/**
 * Keeps token counts in memory and writes them every `flushMs` (and on `close`), so recording usage
 * never puts a database write on an answer's path (PGlite has a single connection). A crash loses at
 * most the last interval's counts: a small overshoot of the daily limit, never user data.
 */
export function createBufferedUsageStore(inner: UsageStore, flushMs = 2000): UsageStore & { flush(): Promise<void>; close(): Promise<void> } {
  const pending = new Map<string, { day: string; model: string; tokens: number }>();
  async function flush() {
    const batch = [...pending.values()];
    pending.clear();
    for (const { day, model, tokens } of batch) await inner.add(day, model, tokens);
  }
  const timer = setInterval(() => void flush().catch(() => undefined), flushMs);
  timer.unref();
  return {
    async add(day, model, tokens) {
      const key = `${day}\u0000${model}`;
      const entry = pending.get(key) ?? { day, model, tokens: 0 };
      entry.tokens += tokens;
      pending.set(key, entry);
    },
    async tokensOn(day, model) {
      return (await inner.tokensOn(day, model)) + (pending.get(`${day}\u0000${model}`)?.tokens ?? 0);
    },
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
