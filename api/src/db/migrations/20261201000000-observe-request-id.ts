import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotent observations (issue 4, "nothing typed is lost"): the client's request id is stored with the
 * interaction, unique per session, so a resend after a dropped connection finds the stored observation.
 * Older rows and chat messages have none; PostgreSQL treats nulls as distinct, so they never collide.
 */
export class Migration20261201000000ObserveRequestId extends Migration {
  override up(): void {
    this.addSql(`
alter table "interaction" add column "request_id" uuid null;
alter table "interaction" add constraint "interaction_session_id_request_id_unique" unique ("session_id", "request_id");
`);
  }
}
