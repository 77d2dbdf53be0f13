import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { RoutingRule, ScopedContact } from "~/domain/idea-routing";
import type { IdeaKind } from "~/domain/vocabulary";

type Db = Kysely<Database>;

/** Active rules whose owner is still an active user and whose unit lies on the path (or is unset). */
export async function activeRoutingRules(db: Db, unitPath: readonly string[]): Promise<RoutingRule[]> {
  if (unitPath.length === 0) return [];
  return db.selectFrom("routing_rules")
    .innerJoin("users", "users.id", "routing_rules.owner_id")
    .select(["routing_rules.id", "routing_rules.unit_id as unitId", "routing_rules.kind", "routing_rules.owner_id as ownerId", "routing_rules.priority"])
    .where("routing_rules.active", "=", true)
    .where("users.active", "=", true)
    .where((eb) => eb.or([eb("routing_rules.unit_id", "is", null), eb("routing_rules.unit_id", "in", [...unitPath])]))
    .execute();
}

/** Active kontaktpersoner with a scope on the path, each with those scope units. */
export async function scopedContacts(db: Db, unitPath: readonly string[]): Promise<ScopedContact[]> {
  if (unitPath.length === 0) return [];
  const rows = await db.selectFrom("user_unit_scopes")
    .innerJoin("users", "users.id", "user_unit_scopes.user_id")
    .innerJoin("user_roles", (join) => join.onRef("user_roles.user_id", "=", "users.id").on("user_roles.role", "=", "kontaktperson"))
    .select(["users.id as userId", "user_unit_scopes.unit_id as unitId"])
    .where("users.active", "=", true)
    .where("user_unit_scopes.unit_id", "in", [...unitPath])
    .execute();
  const byUser = new Map<string, string[]>();
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.unitId]);
  return [...byUser].map(([userId, scopeUnitIds]) => ({ userId, scopeUnitIds }));
}

export async function activeAdministratorIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("user_roles").innerJoin("users", "users.id", "user_roles.user_id")
    .select("users.id").where("user_roles.role", "=", "administrator").where("users.active", "=", true).execute();
  return rows.map((r) => r.id);
}

export interface RoutingRuleRow {
  id: string;
  unitId: string | null;
  unitName: string | null;
  kind: IdeaKind | null;
  ownerId: string;
  ownerName: string;
  priority: number;
  description: string;
  active: boolean;
}

export async function listRoutingRules(db: Db): Promise<RoutingRuleRow[]> {
  return db.selectFrom("routing_rules")
    .leftJoin("units", "units.id", "routing_rules.unit_id")
    .innerJoin("users", "users.id", "routing_rules.owner_id")
    .select([
      "routing_rules.id", "routing_rules.unit_id as unitId", "units.name as unitName", "routing_rules.kind",
      "routing_rules.owner_id as ownerId", "users.name as ownerName", "routing_rules.priority",
      "routing_rules.description", "routing_rules.active",
    ])
    .orderBy("routing_rules.active", "desc").orderBy("units.name").orderBy("routing_rules.kind").orderBy("routing_rules.priority")
    .limit(1000)
    .execute();
}

/** People who may own ideas: active, with role kontaktperson, styrgrupp or administrator. */
export async function listPossibleOwners(db: Db): Promise<{ id: string; name: string; email: string }[]> {
  return db.selectFrom("users")
    .select(["users.id", "users.name", "users.email"])
    .where("users.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("user_roles").select(sql`1`.as("one"))
      .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "in", ["kontaktperson", "styrgrupp", "administrator"])))
    .orderBy("users.name").orderBy("users.id")
    .limit(2000)
    .execute();
}

export async function insertRoutingRule(trx: Db, input: {
  unitId: string | null; kind: IdeaKind | null; ownerId: string; priority: number; description: string; createdBy: string;
}): Promise<string> {
  const row = await trx.insertInto("routing_rules").values({
    unit_id: input.unitId, kind: input.kind, owner_id: input.ownerId, priority: input.priority,
    description: input.description, created_by: input.createdBy,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function findRoutingRule(db: Db, id: string) {
  return db.selectFrom("routing_rules").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function setRoutingRuleActive(trx: Db, id: string, active: boolean): Promise<void> {
  await trx.updateTable("routing_rules").set({ active }).where("id", "=", id).execute();
}

export async function deleteRoutingRule(trx: Db, id: string): Promise<void> {
  await trx.deleteFrom("routing_rules").where("id", "=", id).execute();
}
