import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // The admin user search and the audit log's person filter match a substring of the e-mail address
  // (`lower(email) like '%…%'`); names already have users_name_trgm_idx.
  await sql`create index users_email_trgm_idx on users using gin (lower(email) gin_trgm_ops)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists users_email_trgm_idx`.execute(db);
}
