import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.
// The front door for ideas (issue 5): search, gap-free numbering, routing, following, merging,
// notification delivery and the few settings administrators tune.

const statements = [
  // Swedish full-text search over title (weight A), problem (B) and proposed solution (C).
  sql`alter table ideas add column search_document tsvector generated always as (
      setweight(to_tsvector('swedish', coalesce(title, '')), 'A') ||
      setweight(to_tsvector('swedish', coalesce(problem, '')), 'B') ||
      setweight(to_tsvector('swedish', coalesce(proposed_solution, '')), 'C')) stored`,
  sql`create index ideas_search_idx on ideas using gin (search_document)`,
  sql`create index ideas_title_trgm_idx on ideas using gin (lower(title) gin_trgm_ops)`,

  // A merged idea points at the idea it was merged into; it stays readable but leaves the pipeline.
  sql`alter table ideas add column merged_into_id uuid references ideas(id) on delete restrict`,
  sql`alter table ideas add constraint ideas_not_merged_into_self check (merged_into_id is null or merged_into_id <> id)`,
  sql`create index ideas_merged_into_idx on ideas (merged_into_id) where merged_into_id is not null`,
  // One idea per submission: a repeated submit with the same key finds the idea already created.
  sql`alter table ideas add column submission_key uuid`,
  sql`create unique index ideas_submission_key_unique on ideas (submission_key) where submission_key is not null`,

  // Gap-free reference numbers: the counter row for the year is locked by the submitting transaction,
  // so concurrent submits queue on it and a rolled-back submit gives its number back.
  sql`create table reference_counters (
      year integer primary key check (year between 2000 and 2200),
      last_number integer not null check (last_number >= 0)
    )`,
  sql`insert into reference_counters (year, last_number)
      select reference_year, max(reference_number) from ideas where reference_year is not null group by reference_year`,

  // Who receives a new idea. The most specific active rule wins (unit and kind > unit > kind), then
  // priority; without a matching rule the kontaktperson of the idea's unit (or the nearest unit above).
  sql`create table routing_rules (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid references units(id) on delete restrict,
      kind text check (kind in ('digital_tjanst','processforbattring','produkt_teknik','ovrigt')),
      owner_id uuid not null references users(id) on delete restrict,
      priority integer not null default 100 check (priority between 0 and 1000),
      description text not null default '' check (length(description) <= 500),
      active boolean not null default true,
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint routing_rules_has_condition check (unit_id is not null or kind is not null)
    )`,
  sql`create index routing_rules_unit_idx on routing_rules (unit_id) where active`,
  sql`create trigger routing_rules_updated_at before update on routing_rules for each row execute function set_updated_at()`,

  // People who follow an idea get its notifications (submitter, supporters and owner follow by default).
  sql`create table idea_followers (
      idea_id uuid not null references ideas(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (idea_id, user_id)
    )`,
  sql`create index idea_followers_user_idx on idea_followers (user_id)`,

  sql`alter table users add column notification_mode text not null default 'immediate'
      check (notification_mode in ('immediate', 'daily_digest'))`,

  // E-mail goes through an outbox: written in the same transaction as the event, sent later.
  sql`create table email_outbox (
      id bigint generated always as identity primary key,
      user_id uuid references users(id) on delete cascade,
      to_address text not null check (to_address ~ '^[^@[:space:]]+@[^@[:space:]]+$'),
      subject text not null check (length(subject) between 1 and 300),
      body text not null check (length(body) <= 50000),
      created_at timestamptz not null default now(),
      send_after timestamptz not null default now(),
      sent_at timestamptz,
      attempts integer not null default 0 check (attempts >= 0),
      last_error text
    )`,
  sql`create index email_outbox_pending_idx on email_outbox (send_after, id) where sent_at is null`,
  sql`create index email_outbox_created_idx on email_outbox (created_at desc, id desc)`,
  sql`alter table notifications add column emailed_at timestamptz`,
  sql`create index notifications_digest_idx on notifications (user_id, created_at) where emailed_at is null`,

  // Settings administrators change in the app (typed and validated by the code that reads them).
  sql`create table app_settings (
      key text primary key check (key ~ '^[a-z_]{2,60}$'),
      value jsonb not null,
      updated_by uuid references users(id) on delete restrict,
      updated_at timestamptz not null default now()
    )`,
  sql`insert into app_settings (key, value) values ('inbox_overdue_days', '14'::jsonb)`,

  // Lists that sort ideas by their latest activity.
  sql`create index idea_events_created_idx on idea_events (created_at desc, id desc)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists idea_events_created_idx`.execute(db);
  for (const table of ["app_settings", "email_outbox", "idea_followers", "routing_rules", "reference_counters"]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`alter table notifications drop column if exists emailed_at`.execute(db);
  await sql`alter table users drop column if exists notification_mode`.execute(db);
  for (const column of ["submission_key", "merged_into_id", "search_document"]) {
    await sql`alter table ideas drop column if exists ${sql.ref(column)}`.execute(db);
  }
}
