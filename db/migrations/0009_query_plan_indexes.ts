import { type Kysely, sql } from "kysely";

// Frozen once released: never edit after it has run anywhere but a developer's machine.
// Issue 10 (city-scale performance): indexes for the filters and sorts of the heavy pages, found by
// test/integration/query-plans.test.ts (EXPLAIN of every query those pages run, on PostgreSQL).

const statements = [
  // /ideas?steg=…: the list filtered by stage, newest first (searchIdeas' default sort), page by page.
  sql`create index ideas_stage_submitted_idx on ideas (stage, submitted_at desc, id) where submitted_at is not null`,
  // /portfolio/agenda: open ideas awaiting a decision in several stages, the longest-waiting first (limit).
  sql`create index ideas_open_stage_changed_idx on ideas (stage_changed_at, id)
      where submitted_at is not null and merged_into_id is null`,
  // /inbox: listInbox's stage counts per unit subtree (index-only) and its page of ids.
  sql`create index ideas_inbox_idx on ideas (unit_id, stage, submitted_at, id) include (stage_changed_at)
      where submitted_at is not null and merged_into_id is null`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists ideas_inbox_idx`.execute(db);
  await sql`drop index if exists ideas_open_stage_changed_idx`.execute(db);
  await sql`drop index if exists ideas_stage_submitted_idx`.execute(db);
}
