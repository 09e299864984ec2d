import { Migration } from '@mikro-orm/migrations';

/**
 * Live meetings (issue 11): a live session per captured meeting (the resume point: how many frames and
 * chunks are stored, the consent the rep confirmed, the call it became), its finalized transcript segments
 * (encrypted text), and admin settings changed at run time (the consent notice first).
 */
export class Migration20261207120000Live extends Migration {
  override up(): void {
    this.addSql(`
create table "app_setting" ("key" varchar(80) not null, "value" jsonb not null, "version" int not null default 1, "updated_by_id" uuid null, "updated_at" timestamptz not null, primary key ("key"));

create table "live_session" ("id" uuid not null, "session_id" uuid not null, "client_id" uuid not null, "user_id" uuid not null, "mode" text not null, "status" text not null default 'recording', "transcription" text not null, "consent_at" timestamptz not null, "notice_version" int not null, "origin" varchar(40) not null, "next_seq" int not null default 0, "chunks" int not null default 0, "received_ms" int not null default 0, "segments" int not null default 0, "batches" int not null default 0, "call_id" uuid null, "error" text null, "started_at" timestamptz not null, "ended_at" timestamptz null, "updated_at" timestamptz not null, primary key ("id"));
create index "live_session_session_id_index" on "live_session" ("session_id");
create index "live_session_user_id_status_index" on "live_session" ("user_id", "status");

create table "live_segment" ("id" uuid not null, "live_session_id" uuid not null, "index" int not null, "speaker" text not null, "start_ms" int not null, "end_ms" int not null, "text" text not null, primary key ("id"));
alter table "live_segment" add constraint "live_segment_live_session_id_index_unique" unique ("live_session_id", "index");

alter table "live_session" add constraint "live_session_session_id_foreign" foreign key ("session_id") references "client_session" ("id") on delete cascade;
alter table "live_session" add constraint "live_session_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete cascade;
alter table "live_session" add constraint "live_session_user_id_foreign" foreign key ("user_id") references "app_user" ("id");
alter table "live_session" add constraint "live_session_mode_check" check ("mode" in ('tab_and_mic', 'mic_only'));
alter table "live_session" add constraint "live_session_status_check" check ("status" in ('recording', 'stopping', 'stopped', 'failed'));
alter table "live_session" add constraint "live_session_transcription_check" check ("transcription" in ('live', 'off'));

alter table "live_segment" add constraint "live_segment_live_session_id_foreign" foreign key ("live_session_id") references "live_session" ("id") on delete cascade;
alter table "live_segment" add constraint "live_segment_speaker_check" check ("speaker" in ('CLIENT', 'CONSULTANT'));
`);
  }
}
