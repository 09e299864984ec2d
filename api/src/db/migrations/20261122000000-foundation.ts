import { Migration } from '@mikro-orm/migrations';

/** Users and tokens, clients, sessions with their interactions, feedback, and the audit log. */
export class Migration20261122000000Foundation extends Migration {
  override up(): void {
    this.addSql(`
create table "app_user" ("id" uuid not null, "email" varchar(254) not null, "password_hash" text not null, "role" text not null, "active" boolean not null default true, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));
alter table "app_user" add constraint "app_user_email_unique" unique ("email");
alter table "app_user" add constraint "app_user_role_check" check ("role" in ('consultant', 'manager', 'admin'));

create table "refresh_token" ("id" uuid not null, "user_id" uuid not null, "token_hash" varchar(64) not null, "family_id" uuid not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, "created_at" timestamptz not null, primary key ("id"));
alter table "refresh_token" add constraint "refresh_token_token_hash_unique" unique ("token_hash");
create index "refresh_token_family_id_index" on "refresh_token" ("family_id");
alter table "refresh_token" add constraint "refresh_token_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;

create table "client" ("id" uuid not null, "name" varchar(200) not null, "email" varchar(254) null, "phone" varchar(40) null, "company" varchar(200) null, "search_text" text not null, "owner_id" uuid not null, "archived" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));
create index "client_owner_id_index" on "client" ("owner_id");
alter table "client" add constraint "client_owner_id_foreign" foreign key ("owner_id") references "app_user" ("id");

create table "client_session" ("id" uuid not null, "client_id" uuid not null, "user_id" uuid not null, "started_at" timestamptz not null, "ended_at" timestamptz null, "summary" text null, "key_facts" jsonb not null default '{}', primary key ("id"));
create index "client_session_client_id_index" on "client_session" ("client_id");
alter table "client_session" add constraint "client_session_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete cascade;
alter table "client_session" add constraint "client_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id");

create table "interaction" ("id" uuid not null, "session_id" uuid not null, "at" timestamptz not null, "kind" text not null, "input" text not null, "response" jsonb null, primary key ("id"));
create index "interaction_session_id_index" on "interaction" ("session_id");
alter table "interaction" add constraint "interaction_kind_check" check ("kind" in ('note', 'selection', 'transcript', 'chat'));
alter table "interaction" add constraint "interaction_session_id_foreign" foreign key ("session_id") references "client_session" ("id") on delete cascade;

create table "feedback" ("id" uuid not null, "interaction_id" uuid not null, "suggestion_id" varchar(100) not null, "rating" smallint not null, "comment" text null, "user_id" uuid not null, "created_at" timestamptz not null, primary key ("id"));
alter table "feedback" add constraint "feedback_interaction_id_suggestion_id_user_id_unique" unique ("interaction_id", "suggestion_id", "user_id");
alter table "feedback" add constraint "feedback_rating_check" check (abs(rating) = 1);
alter table "feedback" add constraint "feedback_interaction_id_foreign" foreign key ("interaction_id") references "interaction" ("id") on delete cascade;
alter table "feedback" add constraint "feedback_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on delete cascade;

create table "audit_log" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "actor_role" varchar(20) null, "action" varchar(20) not null, "entity" varchar(40) not null, "entity_id" varchar(64) null, "outcome" varchar(20) not null, "detail" jsonb null);
create index "audit_log_at_index" on "audit_log" ("at");
create index "audit_log_actor_id_index" on "audit_log" ("actor_id");
`);
  }
}
