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
