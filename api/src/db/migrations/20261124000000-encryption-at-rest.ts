import { Migration } from '@mikro-orm/migrations';

/**
 * Encryption at rest: the JSON columns that quote the client (an observation's analysis, a session's
 * key facts and cached strategy) become `text`, to hold ciphertext (`v1:…`, db/encrypted-type.ts).
 * Existing rows keep their JSON as text and still read; they are encrypted when next written.
 * `input` and `summary` are `text` already.
 */
export class Migration20261124000000EncryptionAtRest extends Migration {
  override up(): void {
    this.addSql(`
alter table "interaction" alter column "response" type text using "response"::text;

alter table "client_session" alter column "key_facts" drop default, alter column "key_facts" type text using "key_facts"::text, alter column "key_facts" set default '{}', alter column "strategy_cache" type text using "strategy_cache"::text;
`);
  }
}
