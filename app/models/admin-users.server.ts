import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import { ROLES, type Role } from "~/domain/vocabulary";
import { containsPattern } from "./like-pattern.server";

type Db = Kysely<Database>;

export interface UserSearch {
  /** Part of a name or e-mail address; empty = everyone. */
  q: string;
  role: Role | null;
  status: "active" | "deactivated" | "all";
  page: number;
  pageSize: number;
}

export interface UserListRow {
  id: string;
  name: string;
  email: string;
  unitId: string | null;
  unitName: string | null;
  roles: Role[];
  active: boolean;
}

const byRoleOrder = (roles: readonly Role[]) => ROLES.filter((role) => roles.includes(role));

/** One page of users matching the search, sorted by name, and how many match in all. */
export async function searchUsers(db: Db, search: UserSearch): Promise<{ rows: UserListRow[]; total: number }> {
  let query = db.selectFrom("users").leftJoin("units", "units.id", "users.unit_id");
  if (search.q) {
    const pattern = containsPattern(search.q);
    // lower(…) like '%…%' is what users_name_trgm_idx and users_email_trgm_idx answer.
    query = query.where((eb) => eb.or([
      eb(eb.fn("lower", ["users.name"]), "like", pattern),
      eb(eb.fn("lower", ["users.email"]), "like", pattern),
    ]));
  }
  if (search.role) {
    const role = search.role;
    query = query.where((eb) => eb.exists(
      eb.selectFrom("user_roles").select("user_roles.role")
        .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "=", role),
    ));
  }
  if (search.status !== "all") query = query.where("users.active", "=", search.status === "active");

  const { total } = await query.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .select([
      "users.id", "users.name", "users.email", "users.active", "users.unit_id as unitId", "units.name as unitName",
      sql<Role[]>`array(select r.role from user_roles r where r.user_id = users.id)`.as("roles"),
    ])
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return { rows: rows.map((row) => ({ ...row, roles: byRoleOrder(row.roles ?? []) })), total: Number(total) };
}

export interface AdminUserDetail {
  id: string;
  name: string;
  email: string;
  unitId: string | null;
  active: boolean;
  deactivatedAt: Date | null;
  createdAt: Date;
  hasPassword: boolean;
  hasSso: boolean;
  roles: Role[];
  scopeUnitIds: string[];
  activeSessions: number;
  lastSignInAt: Date | null;
}

export async function findUserForAdmin(db: Db, id: string, now: Date): Promise<AdminUserDetail | null> {
  const user = await db.selectFrom("users")
    .select([
      "users.id", "users.name", "users.email", "users.unit_id as unitId", "users.active",
      "users.deactivated_at as deactivatedAt", "users.created_at as createdAt",
      (eb) => eb("users.password_hash", "is not", null).as("hasPassword"),
      (eb) => eb("users.oidc_subject", "is not", null).as("hasSso"),
    ])
    .where("users.id", "=", id)
    .executeTakeFirst();
  if (!user) return null;
  const [access, sessions, lastSignIn] = await Promise.all([
    findUserAccess(db, id),
    db.selectFrom("sessions").select((eb) => eb.fn.countAll<number>().as("n"))
      .where("user_id", "=", id).where("expires_at", ">", now).executeTakeFirstOrThrow(),
    db.selectFrom("audit_log").select("created_at")
      .where("actor_id", "=", id).where("action", "=", "auth.sign_in")
      .orderBy("created_at", "desc").limit(1).executeTakeFirst(),
  ]);
  return {
    ...user,
    hasPassword: Boolean(user.hasPassword),
    hasSso: Boolean(user.hasSso),
    ...access,
    activeSessions: Number(sessions.n),
    lastSignInAt: lastSignIn?.created_at ?? null,
  };
}

export async function findUserAccess(db: Db, userId: string): Promise<{ roles: Role[]; scopeUnitIds: string[] }> {
  const [roles, scopes] = await Promise.all([
    db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute(),
    db.selectFrom("user_unit_scopes").select("unit_id").where("user_id", "=", userId).orderBy("unit_id").execute(),
  ]);
  return { roles: byRoleOrder(roles.map((r) => r.role)), scopeUnitIds: scopes.map((s) => s.unit_id) };
}

/** The user row, locked until the transaction ends, so two admins cannot interleave changes to it. */
export async function lockUser(trx: Db, id: string) {
  return trx.selectFrom("users")
    .select(["id", "name", "email", "unit_id as unitId", "active"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
}

/** Makes the user's roles exactly `roles`; roles kept keep their original granted_at. */
export async function replaceRoles(trx: Db, userId: string, roles: readonly Role[]): Promise<void> {
  let remove = trx.deleteFrom("user_roles").where("user_id", "=", userId);
  if (roles.length) remove = remove.where("role", "not in", roles);
  await remove.execute();
  if (roles.length) {
    await trx.insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: userId, role })))
      .onConflict((oc) => oc.columns(["user_id", "role"]).doNothing())
      .execute();
  }
}

export async function replaceScopes(trx: Db, userId: string, unitIds: readonly string[]): Promise<void> {
  let remove = trx.deleteFrom("user_unit_scopes").where("user_id", "=", userId);
  if (unitIds.length) remove = remove.where("unit_id", "not in", unitIds);
  await remove.execute();
  if (unitIds.length) {
    await trx.insertInto("user_unit_scopes")
      .values(unitIds.map((unitId) => ({ user_id: userId, unit_id: unitId })))
      .onConflict((oc) => oc.columns(["user_id", "unit_id"]).doNothing())
      .execute();
  }
}

export async function updateHomeUnit(trx: Db, userId: string, unitId: string): Promise<void> {
  await trx.updateTable("users").set({ unit_id: unitId }).where("id", "=", userId).execute();
}

/** Deactivated users keep their history; the timestamp says since when (the table's check pairs them). */
export async function updateUserActive(trx: Db, userId: string, active: boolean, now: Date): Promise<void> {
  await trx.updateTable("users")
    .set({ active, deactivated_at: active ? null : now })
    .where("id", "=", userId)
    .execute();
}

/** Active people per role; every role present, zero if none. */
export async function countActiveUsersByRole(db: Db): Promise<Record<Role, number>> {
  const rows = await db.selectFrom("user_roles")
    .innerJoin("users", "users.id", "user_roles.user_id")
    .select(["user_roles.role", (eb) => eb.fn.countAll<number>().as("n")])
    .where("users.active", "=", true)
    .groupBy("user_roles.role")
    .execute();
  const counts = Object.fromEntries(ROLES.map((role) => [role, 0])) as Record<Role, number>;
  for (const row of rows) counts[row.role] = Number(row.n);
  return counts;
}

export async function countUsers(db: Db): Promise<{ active: number; deactivated: number }> {
  const rows = await db.selectFrom("users").select(["active", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy("active").execute();
  return {
    active: Number(rows.find((r) => r.active)?.n ?? 0),
    deactivated: Number(rows.find((r) => !r.active)?.n ?? 0),
  };
}
