import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { UnitKind } from "~/domain/vocabulary";

type Db = Kysely<Database>;

export interface UnitRow {
  id: string;
  parentId: string | null;
  kind: UnitKind;
  name: string;
  shortName: string | null;
  active: boolean;
}

export interface UnitWithCounts extends UnitRow {
  ideaCount: number;
  userCount: number;
}

/** The organisation is a few hundred units; this bound keeps a runaway import from flooding a page. */
export const UNIT_LIST_LIMIT = 5000;

const unitColumns = [
  "units.id", "units.parent_id as parentId", "units.kind", "units.name", "units.short_name as shortName", "units.active",
] as const;

/** All units (or only active ones) with the number of ideas and of people whose home unit it is. */
export async function listUnitsWithCounts(db: Db, options: { includeInactive: boolean }): Promise<UnitWithCounts[]> {
  let query = db
    .selectFrom("units")
    .select(unitColumns)
    .select((eb) => [
      eb.selectFrom("ideas").select(eb.fn.countAll<number>().as("n")).whereRef("ideas.unit_id", "=", "units.id").as("ideaCount"),
      eb.selectFrom("users").select(eb.fn.countAll<number>().as("n")).whereRef("users.unit_id", "=", "units.id").as("userCount"),
    ])
    .orderBy("units.name")
    .orderBy("units.id")
    .limit(UNIT_LIST_LIMIT);
  if (!options.includeInactive) query = query.where("units.active", "=", true);
  const rows = await query.execute();
  return rows.map((row) => ({ ...row, ideaCount: Number(row.ideaCount ?? 0), userCount: Number(row.userCount ?? 0) }));
}

/** Units for pick lists (parent, home unit, scopes), active ones unless asked otherwise. */
export async function listUnits(db: Db, options: { includeInactive: boolean } = { includeInactive: false }): Promise<UnitRow[]> {
  let query = db.selectFrom("units").select(unitColumns).orderBy("units.name").orderBy("units.id").limit(UNIT_LIST_LIMIT);
  if (!options.includeInactive) query = query.where("units.active", "=", true);
  return query.execute();
}

export async function findUnit(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom("units").select(unitColumns).where("units.id", "=", id).executeTakeFirst();
}

/** The unit row, locked until the transaction ends (so no one moves or deletes it meanwhile). */
export async function lockUnit(trx: Db, id: string): Promise<UnitRow | undefined> {
  return trx.selectFrom("units").select(unitColumns).where("units.id", "=", id).forUpdate().executeTakeFirst();
}

/** Locks several unit rows in id order (a fixed order, so two transactions cannot deadlock on them). */
export async function lockUnits(trx: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await trx.selectFrom("units").select("units.id").where("units.id", "in", ids).orderBy("units.id").forUpdate().execute();
}

export async function findUnitsByIds(db: Db, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("units").select(unitColumns).where("units.id", "in", ids).execute();
}

/** The unit and its ancestors, from the top (förvaltning) down to the unit itself. */
export async function unitPath(db: Db, id: string): Promise<UnitRow[]> {
  const { rows } = await sql<UnitRow & { depth: number }>`
    with recursive up as (
      select id, parent_id, kind, name, short_name, active, 0 as depth from units where id = ${id}
      union
      select u.id, u.parent_id, u.kind, u.name, u.short_name, u.active, up.depth + 1
      from units u join up on u.id = up.parent_id
      where up.depth < 50
    )
    select id, parent_id as "parentId", kind, name, short_name as "shortName", active, depth
    from up order by depth desc`.execute(db);
  return rows.map(({ depth: _depth, ...unit }) => unit);
}

/**
 * For each unit below the top level: the name of its förvaltning or bolag (short name when it has
 * one), so "Förskoleavdelningen" can be told apart across districts.
 */
export async function topLevelNames(db: Db, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const { rows } = await sql<{ start: string; name: string }>`
    with recursive up as (
      select id as start, id, parent_id, name, short_name, 0 as depth from units where id in (${sql.join([...ids])})
      union all
      select up.start, u.id, u.parent_id, u.name, u.short_name, up.depth + 1
      from units u join up on u.id = up.parent_id
      where up.depth < 50
    )
    select start, coalesce(short_name, name) as name from up where parent_id is null and depth > 0`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.start, row.name]));
}

/**
 * True when `candidateId` is the unit itself or lies anywhere below it: walks up from the
 * candidate, which is a handful of steps however large the tree.
 */
export async function isSelfOrDescendant(db: Db, unitId: string, candidateId: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    with recursive up as (
      select id, parent_id from units where id = ${candidateId}
      union
      select u.id, u.parent_id from units u join up on u.id = up.parent_id
    )
    select exists (select 1 from up where id = ${unitId}) as found`.execute(db);
  return rows[0]?.found === true;
}

/** Ids of every unit below this one (not the unit itself). */
export async function descendantIds(db: Db, id: string): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    with recursive down as (
      select id from units where parent_id = ${id}
      union
      select u.id from units u join down on u.parent_id = down.id
    )
    select id from down`.execute(db);
  return rows.map((row) => row.id);
}

export interface UnitDependents {
  ideas: number;
  users: number;
  scopes: number;
  children: number;
  businessCaseLines: number;
}

/** What still points at a unit: any of these keeps it from being deleted. */
export async function unitDependents(db: Db, id: string): Promise<UnitDependents> {
  const { rows } = await sql<{ [K in keyof UnitDependents]: number | string }>`
    select
      (select count(*) from ideas where unit_id = ${id}) as ideas,
      (select count(*) from users where unit_id = ${id}) as users,
      (select count(*) from user_unit_scopes where unit_id = ${id}) as scopes,
      (select count(*) from units where parent_id = ${id}) as children,
      (select count(*) from business_case_lines where unit_id = ${id}) as "businessCaseLines"`.execute(db);
  const row = rows[0]!;
  return {
    ideas: Number(row.ideas), users: Number(row.users), scopes: Number(row.scopes),
    children: Number(row.children), businessCaseLines: Number(row.businessCaseLines),
  };
}

export async function childUnits(db: Db, id: string, limit: number): Promise<UnitRow[]> {
  return db.selectFrom("units").select(unitColumns).where("units.parent_id", "=", id)
    .orderBy("units.name").orderBy("units.id").limit(limit).execute();
}

/** Another unit under the same parent already has this name (case-insensitive), as the unique index says. */
export async function nameTakenUnder(db: Db, parentId: string | null, name: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom("units").select("units.id")
    .where((eb) => eb(eb.fn("lower", ["units.name"]), "=", name.toLowerCase()))
    .where("units.parent_id", parentId === null ? "is" : "=", parentId);
  if (exceptId) query = query.where("units.id", "<>", exceptId);
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

export async function insertUnit(db: Db, unit: { name: string; kind: UnitKind; parentId: string | null }): Promise<string> {
  const row = await db.insertInto("units")
    .values({ name: unit.name, kind: unit.kind, parent_id: unit.parentId, short_name: null })
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUnitName(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable("units").set({ name }).where("id", "=", id).execute();
}

export async function updateUnitParent(db: Db, id: string, parentId: string): Promise<void> {
  await db.updateTable("units").set({ parent_id: parentId }).where("id", "=", id).execute();
}

/** Sets `active` on the given units; returns the ids that actually changed. */
export async function setUnitsActive(db: Db, ids: readonly string[], active: boolean): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.updateTable("units").set({ active })
    .where("id", "in", ids).where("active", "=", !active)
    .returning("id").execute();
  return rows.map((row) => row.id);
}

export async function deleteUnitRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("units").where("id", "=", id).execute();
}

export async function countUnits(db: Db): Promise<{ active: number; total: number }> {
  const row = await db.selectFrom("units")
    .select((eb) => [
      eb.fn.countAll<number>().as("total"),
      eb.fn.countAll<number>().filterWhere("active", "=", true).as("active"),
    ])
    .executeTakeFirstOrThrow();
  return { active: Number(row.active), total: Number(row.total) };
}

/** PostgreSQL error codes we turn into messages instead of a 500 (pg and PGlite both set `code`). */
export function databaseErrorCode(error: unknown): { code: string; constraint?: string } | null {
  if (typeof error !== "object" || error === null || !("code" in error) || typeof error.code !== "string") return null;
  const constraint = "constraint" in error && typeof error.constraint === "string" ? error.constraint : undefined;
  return { code: error.code, ...(constraint ? { constraint } : {}) };
}

export const isUnitNameConflict = (error: unknown) => {
  const info = databaseErrorCode(error);
  return info?.code === "23505" && info.constraint === "units_name_unique_per_parent";
};

/** 23503: something still references the unit (ideas, users, scopes, sub-units, business-case lines). */
export const isStillReferenced = (error: unknown) => databaseErrorCode(error)?.code === "23503";
