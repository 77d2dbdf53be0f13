import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.
// Issue 9: reports about accessibility problems sent from the accessibility statement (/tillganglighet).
// Anyone may report, also without signing in (the problem may be that signing in does not work); the
// administrators read and close them under Administration → Tillgänglighet.

const statements = [
  sql`create table accessibility_feedback (
      id uuid primary key default gen_random_uuid(),
      reference text not null unique check (reference ~ '^TG-[0-9]{4}-[0-9]{4,}$'),
      page_url text not null default '' check (length(page_url) <= 500),
      description text not null check (length(btrim(description)) between 1 and 5000),
      contact_name text not null default '' check (length(contact_name) <= 200),
      contact_email text not null default '' check (length(contact_email) <= 320),
      wants_reply boolean not null default false,
      submitted_by uuid references users(id) on delete set null,
      created_at timestamptz not null default now(),
      status text not null default 'ny' check (status in ('ny', 'hanterad')),
      handled_by uuid references users(id) on delete restrict,
      handled_at timestamptz,
      handled_note text not null default '' check (length(handled_note) <= 2000),
      check ((status = 'hanterad') = (handled_at is not null))
    )`,
  // The administrators' list: open reports first, newest first, paginated.
  sql`create index accessibility_feedback_status_idx on accessibility_feedback (status, created_at desc, id desc)`,
  sql`create index accessibility_feedback_submitted_by_idx on accessibility_feedback (submitted_by) where submitted_by is not null`,
  sql`create index accessibility_feedback_handled_by_idx on accessibility_feedback (handled_by) where handled_by is not null`,
  sql`create sequence accessibility_feedback_reference_seq`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists accessibility_feedback`.execute(db);
  await sql`drop sequence if exists accessibility_feedback_reference_seq`.execute(db);
}
