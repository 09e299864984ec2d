import { Migration } from '@mikro-orm/migrations';

/** The co-pilot brain: session memory and shown suggestions, the strategy cache, daily model usage. */
export class Migration20261123000000Brain extends Migration {
  override up(): void {
    this.addSql(`
alter table "client_session" add column "summarized_count" int not null default 0, add column "shown_suggestions" jsonb not null default '[]', add column "strategy_cache" jsonb null;

create table "llm_usage" ("day" varchar(10) not null, "model" varchar(200) not null, "tokens" bigint not null, primary key ("day", "model"));
`);
  }
}
