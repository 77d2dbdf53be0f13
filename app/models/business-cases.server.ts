import { type Kysely, type Selectable, sql } from "kysely";
import type { BusinessCaseSnapshot, Database } from "../../db/schema";
import type { Stage, ClosingOutcome } from "~/domain/vocabulary";

type Db = Kysely<Database>;

/** A business case as the editor and the figures read it (the current row, or a saved version). */
export interface BusinessCaseView extends BusinessCaseSnapshot {
  version: number;
}

/** Versions kept per case that the page lists (a case is saved a handful of times, not thousands). */
export const VERSION_LIST_LIMIT = 200;

// numeric and bigint may arrive as strings (pg) or numbers (PGlite): read both.
const num = (value: unknown) => Number(value);

/** The current case with its lines in order, or null when the idea has none. */
export async function findBusinessCase(db: Db, ideaId: string): Promise<BusinessCaseView | null> {
  // One round trip: the lines come along as a json array (their numerics as JSON numbers, read by num).
  const row = await db.selectFrom("business_cases").selectAll()
    .select(sql<LineRow[] | null>`(select json_agg(json_build_object(${sql.join(LINE_COLUMNS.flatMap((column) => [sql.lit(column), sql.ref(`l.${column}`)]))}) order by l.position)
      from business_case_lines l where l.idea_id = business_cases.idea_id)`.as("lines"))
    .where("idea_id", "=", ideaId).executeTakeFirst();
  if (!row) return null;
  const { lines, ...caseRow } = row;
  return businessCaseViewOf(caseRow, lines ?? []);
}

/**
 * The current cases of these ideas, each with its lines in order, by idea id (an idea without a case
 * is absent): two queries whatever the number of ideas, for pages that list several (the agenda).
 */
export async function findBusinessCases(db: Db, ideaIds: readonly string[]): Promise<Map<string, BusinessCaseView>> {
  const views = new Map<string, BusinessCaseView>();
  if (ideaIds.length === 0) return views;
  const rows = await db.selectFrom("business_cases").selectAll()
    .where(sql<boolean>`idea_id = any(${[...new Set(ideaIds)]}::uuid[])`).execute();
  if (rows.length === 0) return views;
  const lines = await db.selectFrom("business_case_lines")
    .select(["idea_id", ...LINE_COLUMNS])
    .where(sql<boolean>`idea_id = any(${rows.map((row) => row.idea_id)}::uuid[])`)
    .orderBy("idea_id").orderBy("position").execute();
  const linesOf = new Map<string, LineRow[]>();
  for (const line of lines) {
    const list = linesOf.get(line.idea_id);
    if (list) list.push(line);
    else linesOf.set(line.idea_id, [line]);
  }
  for (const row of rows) views.set(row.idea_id, businessCaseViewOf(row, linesOf.get(row.idea_id) ?? []));
  return views;
}

/** The columns of a business-case line that its view is built from (both readers above select these). */
const LINE_COLUMNS = ["kind", "description", "category", "certainty", "unit_id", "amounts"] as const;
type LineRow = Pick<Selectable<Database["business_case_lines"]>, (typeof LINE_COLUMNS)[number]>;

/** A business_cases row and its lines (in position order) as the editor and the figures read them. */
export function businessCaseViewOf(row: Selectable<Database["business_cases"]>, lines: readonly LineRow[]): BusinessCaseView {
  return {
    version: row.version,
    horizonYears: row.horizon_years,
    discountRate: num(row.discount_rate),
    hourlyCost: num(row.hourly_cost),
    startYear: row.start_year,
    nonMonetaryBenefits: row.non_monetary_benefits,
    scenarios: {
      low: { savings: num(row.low_savings_factor), costs: num(row.low_costs_factor) },
      high: { savings: num(row.high_savings_factor), costs: num(row.high_costs_factor) },
    },
    lines: lines.map((line) => ({
      kind: line.kind, description: line.description, category: line.category, certainty: line.certainty,
      unitId: line.unit_id, amounts: line.amounts.map(num),
    })),
  };
}

/** A saved version as it was, or null. */
export async function findBusinessCaseVersion(db: Db, ideaId: string, version: number): Promise<BusinessCaseView | null> {
  const row = await db.selectFrom("business_case_versions").select(["version", "snapshot"])
    .where("idea_id", "=", ideaId).where("version", "=", version).executeTakeFirst();
  if (!row) return null;
  const snapshot = (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot) as BusinessCaseSnapshot;
  return {
    version: row.version,
    horizonYears: num(snapshot.horizonYears),
    discountRate: num(snapshot.discountRate),
    hourlyCost: num(snapshot.hourlyCost),
    startYear: num(snapshot.startYear),
    nonMonetaryBenefits: snapshot.nonMonetaryBenefits ?? "",
    scenarios: {
      low: { savings: num(snapshot.scenarios.low.savings), costs: num(snapshot.scenarios.low.costs) },
      high: { savings: num(snapshot.scenarios.high.savings), costs: num(snapshot.scenarios.high.costs) },
    },
    lines: snapshot.lines.map((line) => ({ ...line, amounts: line.amounts.map(num) })),
  };
}

/** The case row's version, locked for update (undefined: no case yet). */
export async function lockBusinessCase(db: Db, ideaId: string): Promise<{ version: number } | undefined> {
  return db.selectFrom("business_cases").select("version").where("idea_id", "=", ideaId).forUpdate().executeTakeFirst();
}

type CaseRow = Omit<BusinessCaseSnapshot, "lines">;

const columnsOf = (content: CaseRow, updatedBy: string) => ({
  horizon_years: content.horizonYears,
  discount_rate: content.discountRate,
  hourly_cost: content.hourlyCost,
  start_year: content.startYear,
  non_monetary_benefits: content.nonMonetaryBenefits,
  low_savings_factor: content.scenarios.low.savings,
  low_costs_factor: content.scenarios.low.costs,
  high_savings_factor: content.scenarios.high.savings,
  high_costs_factor: content.scenarios.high.costs,
  updated_by: updatedBy,
});

/** A new case (version 1); false if one appeared meanwhile. */
export async function insertBusinessCase(db: Db, ideaId: string, content: CaseRow, updatedBy: string): Promise<boolean> {
  const result = await db.insertInto("business_cases").values({ idea_id: ideaId, ...columnsOf(content, updatedBy), version: 1 })
    .onConflict((oc) => oc.column("idea_id").doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Updates the case if it still has `expected` version; the new version, or null on a mismatch. */
export async function updateBusinessCaseIfVersion(db: Db, ideaId: string, expected: number, content: CaseRow, updatedBy: string): Promise<number | null> {
  const row = await db.updateTable("business_cases")
    .set((eb) => ({ ...columnsOf(content, updatedBy), version: eb("version", "+", 1) }))
    .where("idea_id", "=", ideaId).where("version", "=", expected)
    .returning("version").executeTakeFirst();
  return row?.version ?? null;
}

export async function replaceBusinessCaseLines(db: Db, ideaId: string, lines: BusinessCaseSnapshot["lines"]): Promise<void> {
  await db.deleteFrom("business_case_lines").where("idea_id", "=", ideaId).execute();
  if (lines.length === 0) return;
  await db.insertInto("business_case_lines").values(lines.map((line, position) => ({
    idea_id: ideaId, position, kind: line.kind, description: line.description, category: line.category,
    certainty: line.certainty, unit_id: line.unitId,
    amounts: sql<number[]>`${sql.val(line.amounts)}::bigint[]`,
  }))).execute();
}

/** The highest saved version (0: none). */
export async function latestBusinessCaseVersion(db: Db, ideaId: string): Promise<number> {
  const row = await db.selectFrom("business_case_versions").select((eb) => eb.fn.max("version").as("version"))
    .where("idea_id", "=", ideaId).executeTakeFirst();
  return row?.version == null ? 0 : Number(row.version);
}

export async function insertBusinessCaseVersion(db: Db, input: {
  ideaId: string; version: number; snapshot: BusinessCaseSnapshot; savedBy: string; savedAt: Date;
}): Promise<void> {
  await db.insertInto("business_case_versions").values({
    idea_id: input.ideaId, version: input.version, snapshot: JSON.stringify(input.snapshot), saved_by: input.savedBy,
    saved_at: input.savedAt,
  }).execute();
}

export interface BusinessCaseVersionEntry {
  version: number;
  savedAt: Date;
  savedByName: string | null;
  decisions: { toStage: Stage; outcome: ClosingOutcome | null; decidedAt: Date }[];
}

/** Saved versions, newest first (bounded), each with the gate decisions taken on it. */
export async function listBusinessCaseVersions(db: Db, ideaId: string): Promise<BusinessCaseVersionEntry[]> {
  const versions = await db.selectFrom("business_case_versions as v")
    .leftJoin("users as u", "u.id", "v.saved_by")
    .select(["v.version", "v.saved_at", "u.name"])
    .where("v.idea_id", "=", ideaId).orderBy("v.version", "desc").limit(VERSION_LIST_LIMIT).execute();
  const decisions = await db.selectFrom("gate_decisions")
    .select(["business_case_version", "to_stage", "outcome", "decided_at"])
    .where("idea_id", "=", ideaId).where("business_case_version", "is not", null)
    .orderBy("decided_at").orderBy("id").execute();
  return versions.map((v) => ({
    version: v.version,
    savedAt: v.saved_at,
    savedByName: v.name,
    decisions: decisions.filter((d) => d.business_case_version === v.version)
      .map((d) => ({ toStage: d.to_stage, outcome: d.outcome, decidedAt: d.decided_at })),
  }));
}

/** Names of the given units (active or not: a saved case may name a unit since deactivated). */
export async function unitNamesOf(db: Db, ids: string[]): Promise<Record<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return {};
  const rows = await db.selectFrom("units").select(["id", "name"]).where("id", "in", unique).execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

/** How many of the given unit ids are active units. */
export async function countActiveUnits(db: Db, ids: string[]): Promise<number> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return 0;
  const row = await db.selectFrom("units").select((eb) => eb.fn.countAll<string>().as("n"))
    .where("id", "in", unique).where("active", "=", true).executeTakeFirst();
  return Number(row?.n ?? 0);
}
