import { Migration } from '@mikro-orm/migrations';

/**
 * Call evaluation (issue 5): recorded calls, their processing stages, transcript segments, scorecard
 * results with reviewers' overrides, transcript revisions, and versioned scorecard templates. Text that
 * quotes the call (titles, segments, evidence, override comments, revisions) is encrypted (`v1:` text).
 * A client's erasure removes its calls through the service (the audio lives outside the database), so
 * the foreign key only sets null.
 */
export class Migration20261202000000Calls extends Migration {
  override up(): void {
    this.addSql(`
create table "scorecard" ("key" varchar(40) not null, "version" int not null, "name" varchar(120) not null, "description" text not null, "criteria" jsonb not null, "built_in" boolean not null, "created_by_id" uuid null, "created_at" timestamptz not null, primary key ("key", "version"));

create table "call" ("id" uuid not null, "consultant_id" uuid not null, "uploaded_by_id" uuid not null, "client_id" uuid null, "title" text not null, "audio_sha256" varchar(64) not null, "mime_type" varchar(60) not null, "format" varchar(10) not null, "size_bytes" bigint not null, "duration_ms" int not null, "channels" smallint not null, "sample_rate" int not null, "consultant_channel" text null, "scorecard_key" varchar(40) not null, "status" text not null default 'processing', "score" double precision null, "auto_failed" boolean not null default false, "sentiment" double precision null, "transcript_version" int not null default 0, "speech" jsonb null, "metrics" jsonb null, "search_terms" text[] not null default '{}', "recorded_at" timestamptz not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));
create index "call_consultant_id_index" on "call" ("consultant_id");
create index "call_client_id_index" on "call" ("client_id");
alter table "call" add constraint "call_audio_sha256_unique" unique ("audio_sha256");
create index "call_status_index" on "call" ("status");
create index "call_recorded_at_index" on "call" ("recorded_at");
create index "call_search_terms_index" on "call" using gin ("search_terms");

create table "transcript_revision" ("id" uuid not null, "call_id" uuid not null, "version" int not null, "action" text not null, "by_id" uuid not null, "at" timestamptz not null, "segment_ids" jsonb not null, "before" text not null, primary key ("id"));
alter table "transcript_revision" add constraint "transcript_revision_call_id_version_unique" unique ("call_id", "version");

create table "call_stage" ("call_id" uuid not null, "stage" text not null, "state" text not null default 'pending', "progress" double precision not null default 0, "attempts" int not null default 0, "error_code" varchar(60) null, "error_message" text null, "note" text null, "updated_at" timestamptz not null, primary key ("call_id", "stage"));

create table "call_segment" ("id" uuid not null, "call_id" uuid not null, "index" int not null, "speaker" text null, "channel" smallint null, "track" varchar(40) null, "start_ms" int not null, "end_ms" int not null, "text" text not null default '', "sentiment" double precision null, "emotion" text null, "sentiment_source" text null, "edited" boolean not null default false, primary key ("id"));
create index "call_segment_call_id_index_index" on "call_segment" ("call_id", "index");

create table "call_criterion" ("id" uuid not null, "call_id" uuid not null, "scorecard_key" varchar(40) not null, "scorecard_version" int not null, "criterion_id" varchar(60) not null, "auto_result" text not null, "source" text not null, "evidence" text not null, "override_result" text null, "override_comment" text null, "override_by_id" uuid null, "override_at" timestamptz null, "result" text not null, primary key ("id"));
alter table "call_criterion" add constraint "call_criterion_call_id_criterion_id_unique" unique ("call_id", "criterion_id");

alter table "scorecard" add constraint "scorecard_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on delete set null;

alter table "call" add constraint "call_consultant_id_foreign" foreign key ("consultant_id") references "app_user" ("id");
alter table "call" add constraint "call_uploaded_by_id_foreign" foreign key ("uploaded_by_id") references "app_user" ("id");
alter table "call" add constraint "call_client_id_foreign" foreign key ("client_id") references "client" ("id") on delete set null;
alter table "call" add constraint "call_consultant_channel_check" check ("consultant_channel" in ('left', 'right'));
alter table "call" add constraint "call_status_check" check ("status" in ('processing', 'done', 'failed'));

alter table "transcript_revision" add constraint "transcript_revision_call_id_foreign" foreign key ("call_id") references "call" ("id") on delete cascade;
alter table "transcript_revision" add constraint "transcript_revision_by_id_foreign" foreign key ("by_id") references "app_user" ("id");
alter table "transcript_revision" add constraint "transcript_revision_action_check" check ("action" in ('update', 'merge', 'split', 'relabel-all'));

alter table "call_stage" add constraint "call_stage_call_id_foreign" foreign key ("call_id") references "call" ("id") on delete cascade;
alter table "call_stage" add constraint "call_stage_stage_check" check ("stage" in ('decode', 'voice', 'speakers', 'transcribe', 'roles', 'scorecard', 'sentiment'));
alter table "call_stage" add constraint "call_stage_state_check" check ("state" in ('pending', 'running', 'done', 'failed'));

alter table "call_segment" add constraint "call_segment_call_id_foreign" foreign key ("call_id") references "call" ("id") on delete cascade;
alter table "call_segment" add constraint "call_segment_speaker_check" check ("speaker" in ('CLIENT', 'CONSULTANT'));
alter table "call_segment" add constraint "call_segment_emotion_check" check ("emotion" in ('neutral', 'satisfied', 'interested', 'hesitant', 'frustrated', 'angry'));
alter table "call_segment" add constraint "call_segment_sentiment_source_check" check ("sentiment_source" in ('llm', 'rules'));

alter table "call_criterion" add constraint "call_criterion_call_id_foreign" foreign key ("call_id") references "call" ("id") on delete cascade;
alter table "call_criterion" add constraint "call_criterion_override_by_id_foreign" foreign key ("override_by_id") references "app_user" ("id") on delete set null;
alter table "call_criterion" add constraint "call_criterion_auto_result_check" check ("auto_result" in ('met', 'partly', 'not_met'));
alter table "call_criterion" add constraint "call_criterion_source_check" check ("source" in ('llm', 'rules'));
alter table "call_criterion" add constraint "call_criterion_override_result_check" check ("override_result" in ('met', 'partly', 'not_met'));
alter table "call_criterion" add constraint "call_criterion_result_check" check ("result" in ('met', 'partly', 'not_met'));
`);
  }
}
