import { type Kysely, sql } from "kysely";
import type { Database, IndicatorOutcome } from "../../db/schema";
import { summariseEvaluation } from "~/domain/pilot";
import type { ClosingOutcome, PilotVerdict, Stage } from "~/domain/vocabulary";
import { prefixQueryOf } from "./idea-queries.server";
import { listSelectableUnits } from "./selectable-unit.server";
import { unitSubtreeIds } from "./unit-path.server";

type Db = Kysely<Database>;

/** Roles a pilot owner may have (they may then evaluate the pilot). */
export const PILOT_OWNER_ROLES = ["kontaktperson", "styrgrupp", "administrator"] as const;
export const PILOT_OWNER_LIMIT = 500;
/** Units of the idea's förvaltning offered as checkboxes; any other unit is chosen in a list. */
export const UNIT_CHECKBOX_LIMIT = 60;
export const EVALUATION_HISTORY_LIMIT = 50;

export interface PilotIndicatorView {
  id: string;
  position: number;
  name: string;
  measureUnit: string;
  baseline: number;
  target: number;
}

export interface PilotPlanView {
  ideaId: string;
  goal: string;
  startsOn: string;
  endsOn: string;
  ownerId: string;
  ownerName: string;
  version: number;
  updatedAt: string;
  updatedByName: string;
  units: { id: string; name: string }[];
  indicators: PilotIndicatorView[];
}

/** The idea's pilot plan with names, its units (by name) and indicators (in order), or null. */
export async function findPilotPlan(db: Db, ideaId: string): Promise<PilotPlanView | null> {
  const plan = await db
    .selectFrom("pilot_plans")
    .innerJoin("users as owner", "owner.id", "pilot_plans.owner_id")
    .innerJoin("users as editor", "editor.id", "pilot_plans.updated_by")
    .select([
      "pilot_plans.idea_id", "pilot_plans.goal", "pilot_plans.starts_on", "pilot_plans.ends_on", "pilot_plans.owner_id",
      "pilot_plans.version", "pilot_plans.updated_at", "owner.name as ownerName", "editor.name as editorName",
    ])
    .where("pilot_plans.idea_id", "=", ideaId)
    .executeTakeFirst();
  if (!plan) return null;
  // One after the other: this also runs inside transactions, which hold a single connection.
  const units = await db.selectFrom("pilot_plan_units").innerJoin("units", "units.id", "pilot_plan_units.unit_id")
      .select(["units.id", "units.name"]).where("pilot_plan_units.idea_id", "=", ideaId)
      .orderBy("units.name").orderBy("units.id").execute();
  const indicators = await db.selectFrom("pilot_indicators").select(["id", "position", "name", "measure_unit", "baseline", "target"])
      .where("idea_id", "=", ideaId).orderBy("position").execute();
  return {
    ideaId: plan.idea_id, goal: plan.goal, startsOn: plan.starts_on, endsOn: plan.ends_on, ownerId: plan.owner_id,
    ownerName: plan.ownerName, version: plan.version, updatedAt: new Date(plan.updated_at).toISOString(),
    updatedByName: plan.editorName, units,
    indicators: indicators.map((i) => ({
      id: i.id, position: i.position, name: i.name, measureUnit: i.measure_unit, baseline: Number(i.baseline), target: Number(i.target),
    })),
  };
}

export interface PilotEvaluationView {
  id: string;
  verdict: PilotVerdict;
  summary: string;
  lessonsLearned: string;
  outcomes: IndicatorOutcome[];
  evaluatedAt: string;
  evaluatorName: string;
}

/** The idea's evaluations, newest first (the first one counts), at most EVALUATION_HISTORY_LIMIT. */
export async function listPilotEvaluations(db: Db, ideaId: string): Promise<PilotEvaluationView[]> {
  const rows = await db
    .selectFrom("pilot_evaluations")
    .innerJoin("users", "users.id", "pilot_evaluations.evaluated_by")
    .select([
      "pilot_evaluations.id", "pilot_evaluations.verdict", "pilot_evaluations.summary", "pilot_evaluations.lessons_learned",
      "pilot_evaluations.indicator_outcomes", "pilot_evaluations.evaluated_at", "users.name as evaluatorName",
    ])
    .where("pilot_evaluations.idea_id", "=", ideaId)
    .orderBy("pilot_evaluations.evaluated_at", "desc")
    .orderBy(sql`pilot_evaluations.id`, "desc")
    .limit(EVALUATION_HISTORY_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id, verdict: r.verdict, summary: r.summary, lessonsLearned: r.lessons_learned,
    outcomes: outcomesOf(r.indicator_outcomes), evaluatedAt: new Date(r.evaluated_at).toISOString(), evaluatorName: r.evaluatorName,
  }));
}

/** jsonb comes back parsed; numbers stay numbers (they were written as JSON numbers). */
function outcomesOf(value: unknown): IndicatorOutcome[] {
  const list = typeof value === "string" ? (JSON.parse(value) as unknown) : value;
  return Array.isArray(list) ? (list as IndicatorOutcome[]) : [];
}

/** Active people who may own a pilot: kontaktpersoner, the styrgrupp and administrators (bounded). */
export async function pilotOwnerCandidates(db: Db): Promise<{ id: string; name: string; unitName: string | null }[]> {
  return db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .select(["users.id", "users.name", "units.name as unitName"])
    .where("users.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("user_roles").select("user_roles.user_id")
      .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "in", [...PILOT_OWNER_ROLES])))
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(PILOT_OWNER_LIMIT)
    .execute();
}

export async function isPilotOwnerCandidate(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("users.id")
    .where("users.id", "=", userId).where("users.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("user_roles").select("user_roles.user_id")
      .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "in", [...PILOT_OWNER_ROLES])))
    .executeTakeFirst();
  return row !== undefined;
}

/** How many of these units exist and are active (a plan names only active units). */
export async function countActiveUnits(db: Db, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const row = await db.selectFrom("units").select((eb) => eb.fn.countAll<string>().as("n"))
    .where("id", "in", [...unitIds]).where("active", "=", true).executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface UnitChoices {
  /** The idea's förvaltning and its units (bounded), plus any unit already chosen: shown as checkboxes. */
  checkboxes: { id: string; label: string }[];
  /** Every other selectable unit, grouped by förvaltning, for the "add another unit" list. */
  others: { id: string; name: string; units: { id: string; label: string }[] }[];
}

/** The units a plan may involve, arranged for the form (see UnitChoices). */
export async function pilotUnitChoices(db: Db, forvaltningId: string, chosenIds: readonly string[]): Promise<UnitChoices> {
  const units = await listSelectableUnits(db);
  const label = (u: (typeof units)[number]) => (u.path.length ? `${u.topName} › ${u.path.join(" › ")}` : u.name);
  const own = units.filter((u) => u.topId === forvaltningId);
  const shown = new Set(own.slice(0, UNIT_CHECKBOX_LIMIT).map((u) => u.id));
  for (const id of chosenIds) shown.add(id);
  const checkboxes = units.filter((u) => shown.has(u.id)).map((u) => ({ id: u.id, label: label(u) }));
  // A chosen unit that has since been deactivated stays visible (and checked) so the plan is shown as it is.
  const missing = chosenIds.filter((id) => !units.some((u) => u.id === id));
  if (missing.length) {
    const rows = await db.selectFrom("units").select(["id", "name"]).where("id", "in", missing).orderBy("name").execute();
    checkboxes.push(...rows.map((r) => ({ id: r.id, label: r.name })));
  }
  const others = new Map<string, UnitChoices["others"][number]>();
  for (const unit of units) {
    if (shown.has(unit.id)) continue;
    const group = others.get(unit.topId) ?? { id: unit.topId, name: unit.topName, units: [] };
    group.units.push({ id: unit.id, label: unit.path.length ? unit.path.join(" › ") : unit.name });
    others.set(unit.topId, group);
  }
  return { checkboxes, others: [...others.values()] };
}

/** The plan row, locked for the rest of the transaction (the version check and the save are one step). */
export async function lockPilotPlan(trx: Db, ideaId: string) {
  return trx.selectFrom("pilot_plans").select(["idea_id", "version"]).where("idea_id", "=", ideaId).forUpdate().executeTakeFirst();
}

export interface PlanRowValues {
  goal: string;
  startsOn: string;
  endsOn: string;
  ownerId: string;
  updatedBy: string;
}

/** A first plan; false when someone else saved one first (the caller answers "changed since you opened it"). */
export async function insertPilotPlan(trx: Db, ideaId: string, plan: PlanRowValues): Promise<boolean> {
  const inserted = await trx.insertInto("pilot_plans")
    .values({ idea_id: ideaId, goal: plan.goal, starts_on: plan.startsOn, ends_on: plan.endsOn, owner_id: plan.ownerId, updated_by: plan.updatedBy })
    .onConflict((oc) => oc.column("idea_id").doNothing())
    .returning("idea_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Changes the plan only if it is still at `expectedVersion`; returns the new version, or null. */
export async function updatePilotPlanIfVersion(trx: Db, ideaId: string, expectedVersion: number, plan: PlanRowValues): Promise<number | null> {
  const updated = await trx.updateTable("pilot_plans")
    .set((eb) => ({
      goal: plan.goal, starts_on: plan.startsOn, ends_on: plan.endsOn, owner_id: plan.ownerId, updated_by: plan.updatedBy,
      version: eb("version", "+", 1),
    }))
    .where("idea_id", "=", ideaId)
    .where("version", "=", expectedVersion)
    .returning("version")
    .executeTakeFirst();
  return updated?.version ?? null;
}

export async function replacePilotPlanUnits(trx: Db, ideaId: string, unitIds: readonly string[]): Promise<void> {
  await trx.deleteFrom("pilot_plan_units").where("idea_id", "=", ideaId).execute();
  if (unitIds.length) {
    await trx.insertInto("pilot_plan_units").values(unitIds.map((unitId) => ({ idea_id: ideaId, unit_id: unitId }))).execute();
  }
}

/**
 * The plan's indicators, in this order. An indicator that was kept keeps its id (evaluations refer to
 * it); ids not belonging to this plan are ignored and get a new one.
 */
export async function replacePilotIndicators(
  trx: Db, ideaId: string,
  indicators: readonly { id: string | null; name: string; measureUnit: string; baseline: number; target: number }[],
): Promise<void> {
  const existing = new Set((await trx.selectFrom("pilot_indicators").select("id").where("idea_id", "=", ideaId).execute()).map((r) => r.id));
  await trx.deleteFrom("pilot_indicators").where("idea_id", "=", ideaId).execute();
  const seen = new Set<string>();
  await trx.insertInto("pilot_indicators").values(indicators.map((indicator, position) => {
    const keep = indicator.id !== null && existing.has(indicator.id) && !seen.has(indicator.id);
    if (keep) seen.add(indicator.id!);
    return {
      ...(keep ? { id: indicator.id! } : {}),
      idea_id: ideaId, position, name: indicator.name, measure_unit: indicator.measureUnit,
      baseline: indicator.baseline, target: indicator.target,
    };
  })).execute();
}

/**
 * Inserts an evaluation. Call it with the pilot plan locked: its time is never earlier than the idea's
 * latest evaluation, so "the latest counts" follows the order in which evaluations were recorded even
 * when `evaluatedAt` was taken before the lock was granted.
 */
export async function insertPilotEvaluation(trx: Db, input: {
  ideaId: string; verdict: PilotVerdict; summary: string; lessonsLearned: string; outcomes: IndicatorOutcome[];
  evaluatedBy: string; evaluatedAt: Date;
}): Promise<string> {
  const after = sql<Date>`greatest(${input.evaluatedAt}::timestamptz, (
    select max(evaluated_at) + interval '1 millisecond' from pilot_evaluations where idea_id = ${input.ideaId}))`;
  const row = await trx.insertInto("pilot_evaluations").values({
    idea_id: input.ideaId, verdict: input.verdict, summary: input.summary, lessons_learned: input.lessonsLearned,
    indicator_outcomes: JSON.stringify(input.outcomes), evaluated_by: input.evaluatedBy, evaluated_at: after,
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** What the idea page shows about the pilot (JSON-safe: dates as ISO strings). */
export interface PilotSummary {
  plan: { goal: string; startsOn: string; endsOn: string; ownerName: string; indicatorCount: number } | null;
  latest: { verdict: PilotVerdict; evaluatedAt: string; indicators: number; measured: number; reached: number } | null;
  evaluationCount: number;
}

/** The pilot in brief for the idea page: plan period, owner, indicator count and the latest verdict – one query. */
export async function pilotSummaryFor(db: Db, ideaId: string): Promise<PilotSummary> {
  const { rows: [row] } = await sql<{
    plan: { goal: string; starts_on: string; ends_on: string; owner_name: string; indicator_count: number } | null;
    latest: { verdict: PilotVerdict; evaluated_at: string; indicator_outcomes: unknown } | null;
    evaluation_count: string;
  }>`
    select
      (select json_build_object('goal', p.goal, 'starts_on', p.starts_on, 'ends_on', p.ends_on, 'owner_name', u.name,
          'indicator_count', (select count(*) from pilot_indicators i where i.idea_id = p.idea_id))
        from pilot_plans p join users u on u.id = p.owner_id where p.idea_id = ${ideaId}) as plan,
      (select json_build_object('verdict', e.verdict, 'evaluated_at', e.evaluated_at, 'indicator_outcomes', e.indicator_outcomes)
        from pilot_evaluations e where e.idea_id = ${ideaId} order by e.evaluated_at desc, e.id desc limit 1) as latest,
      (select count(*) from pilot_evaluations e where e.idea_id = ${ideaId}) as evaluation_count`.execute(db);
  const { plan, latest } = row!;
  const summary = latest ? summariseEvaluation(outcomesOf(latest.indicator_outcomes)) : null;
  return {
    plan: plan ? {
      goal: plan.goal, startsOn: plan.starts_on, endsOn: plan.ends_on, ownerName: plan.owner_name,
      indicatorCount: Number(plan.indicator_count ?? 0),
    } : null,
    latest: latest && summary ? {
      verdict: latest.verdict, evaluatedAt: new Date(latest.evaluated_at).toISOString(),
      indicators: summary.indicators, measured: summary.measured, reached: summary.reached,
    } : null,
    evaluationCount: Number(row!.evaluation_count),
  };
}

export interface LessonSearch {
  q: string;
  verdict: PilotVerdict | null;
  /** A förvaltning (or any unit): lessons from ideas in it and its sub-units. */
  unitId: string | null;
  page: number;
  pageSize: number;
}

export interface LessonRow {
  evaluationId: string;
  ideaId: string;
  reference: string | null;
  title: string;
  unitId: string;
  unitName: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
  verdict: PilotVerdict;
  /** ISO instant. */
  evaluatedAt: string;
  summary: string;
  lessonsLearned: string;
}

/**
 * Lessons learned from every pilot evaluation, newest first: searched (Swedish full text on the
 * lessons and summary, plus the idea's title – the weight-A part of the idea's search document),
 * filtered by verdict and by unit with its sub-units, and paged. Each branch of the search uses its
 * own GIN index.
 */
export async function searchLessons(db: Db, search: LessonSearch): Promise<{ rows: LessonRow[]; total: number }> {
  const unitIds = search.unitId ? await unitSubtreeIds(db, [search.unitId]) : null;
  let query = db.selectFrom("pilot_evaluations as e").innerJoin("ideas as i", "i.id", "e.idea_id");
  const text = search.q.trim();
  if (text) {
    const prefix = prefixQueryOf(text);
    const tsquery = prefix
      ? sql`(websearch_to_tsquery('swedish', ${text}) || to_tsquery('simple', ${prefix}))`
      : sql`websearch_to_tsquery('swedish', ${text})`;
    query = query.where(sql<boolean>`e.id in (
      select pe.id from pilot_evaluations pe where pe.search_document @@ ${tsquery}
      union
      select pe.id from pilot_evaluations pe join ideas t on t.id = pe.idea_id
      where t.search_document @@ ${tsquery} and ts_filter(t.search_document, '{a}') @@ ${tsquery})`);
  }
  if (search.verdict) query = query.where("e.verdict", "=", search.verdict);
  if (unitIds) query = query.where("i.unit_id", "in", unitIds.length ? unitIds : ["00000000-0000-0000-0000-000000000000"]);

  const { total } = await query.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  const rows = await query
    .innerJoin("units as u", "u.id", "i.unit_id")
    .select([
      "e.id", "e.idea_id", "e.verdict", "e.evaluated_at", "e.summary", "e.lessons_learned",
      "i.reference", "i.title", "i.stage", "i.outcome", "i.unit_id", "u.name as unitName",
    ])
    // Matches the indexes (evaluated_at desc, id) and (verdict, evaluated_at desc, id).
    .orderBy("e.evaluated_at", "desc")
    .orderBy("e.id")
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      evaluationId: r.id, ideaId: r.idea_id, reference: r.reference, title: r.title, unitId: r.unit_id, unitName: r.unitName, stage: r.stage,
      outcome: r.outcome, verdict: r.verdict, evaluatedAt: new Date(r.evaluated_at).toISOString(), summary: r.summary, lessonsLearned: r.lessons_learned,
    })),
  };
}
