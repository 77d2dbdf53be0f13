import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The cookie carries a random token; only its SHA-256 is stored, so a database dump opens no session.
  await sql`create table sessions (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip_address text,
      user_agent text check (user_agent is null or length(user_agent) <= 500),
      constraint sessions_expiry_after_creation check (expires_at > created_at)
    )`.execute(db);
  await sql`create index sessions_user_idx on sessions (user_id)`.execute(db);
  await sql`create index sessions_expires_idx on sessions (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists sessions`.execute(db);
}
