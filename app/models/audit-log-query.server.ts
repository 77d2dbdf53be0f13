import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "../../db/schema";
import { containsPattern } from "./like-pattern.server";

type Db = Kysely<Database>;

export interface AuditLogQuery {
  /** Whose actions: a user id, or part of a name or e-mail address. */
  person: { userId: string } | { text: string } | null;
  action: string | null;
  /** Calendar days (YYYY-MM-DD) in Europe/Stockholm, both included. */
  fromDate: string | null;
  toDate: string | null;
  /** Keyset: continue after (older than) or before (newer than) this row. */
  cursor: { direction: "older" | "newer"; id: number } | null;
  pageSize: number;
}

export interface AuditLogRow {
  id: number;
  createdAt: Date;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogPage {
  rows: AuditLogRow[];
  /** There are rows beyond the last one shown (next page) / before the first one (previous page). */
  hasOlder: boolean;
  hasNewer: boolean;
}

type AuditEb = ExpressionBuilder<Database, "audit_log">;

function filters(eb: AuditEb, query: AuditLogQuery): Expression<SqlBool>[] {
  const where: Expression<SqlBool>[] = [];
  if (query.person && "userId" in query.person) {
    where.push(eb("audit_log.actor_id", "=", query.person.userId));
  } else if (query.person) {
    const pattern = containsPattern(query.person.text);
    where.push(eb("audit_log.actor_id", "in", eb.selectFrom("users").select("users.id").where((u) => u.or([
      u(u.fn("lower", ["users.name"]), "like", pattern),
      u(u.fn("lower", ["users.email"]), "like", pattern),
    ]))));
  }
  if (query.action) where.push(eb("audit_log.action", "=", query.action));
  // A date is a whole day in Stockholm, whatever the server's own time zone is.
  if (query.fromDate) {
    where.push(sql<SqlBool>`audit_log.created_at >= (${query.fromDate}::date)::timestamp at time zone 'Europe/Stockholm'`);
  }
  if (query.toDate) {
    where.push(sql<SqlBool>`audit_log.created_at < (${query.toDate}::date + 1)::timestamp at time zone 'Europe/Stockholm'`);
  }
  return where;
}

// Rows are ordered by (created_at, id): created_at alone is not unique, and ids do not follow time
// (history can be written with an earlier created_at), so the cursor row's own pair is compared.
const olderThan = (id: number) =>
  sql<SqlBool>`(audit_log.created_at, audit_log.id) < (select c.created_at, c.id from audit_log c where c.id = ${id})`;
const newerThan = (id: number) =>
  sql<SqlBool>`(audit_log.created_at, audit_log.id) > (select c.created_at, c.id from audit_log c where c.id = ${id})`;

/** One page of the audit log, newest first, with keyset paging in both directions. */
export async function listAuditLog(db: Db, query: AuditLogQuery): Promise<AuditLogPage> {
  const newer = query.cursor?.direction === "newer";
  let select = db.selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .select([
      "audit_log.id", "audit_log.created_at as createdAt", "audit_log.actor_id as actorId",
      "users.name as actorName", "users.email as actorEmail", "audit_log.action",
      "audit_log.entity_type as entityType", "audit_log.entity_id as entityId", "audit_log.details",
    ])
    .where((eb) => eb.and([
      ...filters(eb, query),
      ...(query.cursor ? [newer ? newerThan(query.cursor.id) : olderThan(query.cursor.id)] : []),
    ]))
    .limit(query.pageSize + 1);
  select = newer
    ? select.orderBy("audit_log.created_at", "asc").orderBy("audit_log.id", "asc")
    : select.orderBy("audit_log.created_at", "desc").orderBy("audit_log.id", "desc");
  const fetched = await select.execute();
  const more = fetched.length > query.pageSize;
  const rows = fetched.slice(0, query.pageSize);
  if (newer) rows.reverse();
  if (rows.length === 0) return { rows, hasOlder: false, hasNewer: false };
  const [hasOlder, hasNewer] = newer
    ? [await exists(db, query, olderThan(rows.at(-1)!.id)), more]
    : [more, query.cursor ? await exists(db, query, newerThan(rows[0]!.id)) : false];
  return { rows, hasOlder, hasNewer };
}

async function exists(db: Db, query: AuditLogQuery, beyond: Expression<SqlBool>): Promise<boolean> {
  const row = await db.selectFrom("audit_log").select("audit_log.id")
    .where((eb) => eb.and([...filters(eb, query), beyond]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The distinct actions in the log, for the filter's pick list. A loose index scan over
 * audit_log_action_idx: one index probe per distinct action instead of reading every row.
 */
export async function listAuditActions(db: Db, limit = 500): Promise<string[]> {
  const { rows } = await sql<{ action: string }>`
    with recursive actions as (
      (select action from audit_log order by action limit 1)
      union all
      select (select a.action from audit_log a where a.action > actions.action order by a.action limit 1)
      from actions where actions.action is not null
    )
    select action from actions where action is not null limit ${limit}`.execute(db);
  return rows.map((row) => row.action);
}

/** Successful sign-ins since `since`, and by how many different people. */
export async function countSignInsSince(db: Db, since: Date): Promise<{ signIns: number; people: number }> {
  const row = await db.selectFrom("audit_log")
    .select((eb) => [
      eb.fn.countAll<number>().as("signIns"),
      eb.fn.count<number>("audit_log.actor_id").distinct().as("people"),
    ])
    .where("action", "=", "auth.sign_in")
    .where("created_at", ">=", since)
    .executeTakeFirstOrThrow();
  return { signIns: Number(row.signIns), people: Number(row.people) };
}

/** Display names of the users, units and ideas an audit page refers to (missing ones were deleted). */
export async function entityNames(
  db: Db, ids: { users: string[]; units: string[]; ideas: string[] },
): Promise<Record<string, string>> {
  const [users, units, ideas] = await Promise.all([
    ids.users.length ? db.selectFrom("users").select(["id", "name"]).where("id", "in", ids.users).execute() : [],
    ids.units.length ? db.selectFrom("units").select(["id", "name"]).where("id", "in", ids.units).execute() : [],
    ids.ideas.length
      ? db.selectFrom("ideas").select(["id", sql<string>`concat_ws(' ', reference, title)`.as("name")]).where("id", "in", ids.ideas).execute()
      : [],
  ]);
  return Object.fromEntries([...users, ...units, ...ideas].map((row) => [row.id, row.name]));
}
