import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { BenefitActual } from "~/domain/benefits-realisation";
import type { BusinessCaseInput, LineKind } from "~/domain/business-case";

type Db = Kysely<Database>;

// Data access for benefits realisation: the planned case (read here with a small query of its own),
// actual amounts per year and kind, and the pilot's indicators with their actual values per year.
// bigint and numeric may arrive as strings (pg) or numbers (PGlite): read both with Number().

export interface PlannedCase {
  input: BusinessCaseInput;
  startYear: number;
}

/** The idea's current business case as the maths takes it, or null when there is none. */
export async function findPlannedCase(db: Db, ideaId: string): Promise<PlannedCase | null> {
  const row = await db.selectFrom("business_cases").select(["horizon_years", "discount_rate", "hourly_cost", "start_year"])
    .where("idea_id", "=", ideaId).executeTakeFirst();
  if (!row) return null;
  const lines = await db.selectFrom("business_case_lines").select(["kind", "unit_id", "amounts"])
    .where("idea_id", "=", ideaId).orderBy("position").execute();
  const H = Number(row.horizon_years);
  return {
    startYear: Number(row.start_year),
    input: {
      horizonYears: H,
      discountRate: Number(row.discount_rate),
      hourlyCost: Number(row.hourly_cost),
      // A line is always saved with H amounts; pad or trim defensively so the maths never sees a mismatch.
      lines: lines.map((line) => ({
        kind: line.kind, unitId: line.unit_id,
        amounts: Array.from({ length: H }, (_, t) => Number(line.amounts[t] ?? 0)),
      })),
    },
  };
}

/** Actual amounts entered for the idea, by year and kind (at most 15 × 4 rows). */
export async function listActuals(db: Db, ideaId: string): Promise<BenefitActual[]> {
  const rows = await db.selectFrom("business_case_actuals").select(["year_index", "kind", "amount"])
    .where("idea_id", "=", ideaId).orderBy("year_index").orderBy("kind").execute();
  return rows.map((r) => ({ yearIndex: r.year_index, kind: r.kind, amount: Number(r.amount) }));
}

export interface IndicatorWithActuals {
  id: string;
  name: string;
  measureUnit: string;
  baseline: number;
  target: number;
  /** Actual value per year index (absent: not entered). */
  actuals: Record<number, number>;
}

/** The pilot's indicators in plan order, with the values entered per year. */
export async function listIndicatorsWithActuals(db: Db, ideaId: string): Promise<IndicatorWithActuals[]> {
  const indicators = await db.selectFrom("pilot_indicators").select(["id", "name", "measure_unit", "baseline", "target"])
    .where("idea_id", "=", ideaId).orderBy("position").execute();
  if (!indicators.length) return [];
  const actuals = await db.selectFrom("pilot_indicator_actuals").select(["indicator_id", "year_index", "value"])
    .where("indicator_id", "in", indicators.map((i) => i.id)).orderBy("indicator_id").orderBy("year_index").execute();
  return indicators.map((i) => ({
    id: i.id, name: i.name, measureUnit: i.measure_unit, baseline: Number(i.baseline), target: Number(i.target),
    actuals: Object.fromEntries(actuals.filter((a) => a.indicator_id === i.id).map((a) => [a.year_index, Number(a.value)])),
  }));
}

export async function setActual(trx: Db, row: { ideaId: string; yearIndex: number; kind: LineKind; amount: number | null; userId: string; now: Date }) {
  if (row.amount === null) {
    await trx.deleteFrom("business_case_actuals")
      .where("idea_id", "=", row.ideaId).where("year_index", "=", row.yearIndex).where("kind", "=", row.kind).execute();
    return;
  }
  await trx.insertInto("business_case_actuals")
    .values({ idea_id: row.ideaId, year_index: row.yearIndex, kind: row.kind, amount: row.amount, updated_by: row.userId, updated_at: row.now })
    .onConflict((oc) => oc.columns(["idea_id", "year_index", "kind"]).doUpdateSet({
      amount: row.amount!, updated_by: row.userId, updated_at: row.now,
    }))
    .execute();
}

export async function setIndicatorActual(trx: Db, row: { indicatorId: string; yearIndex: number; value: number | null; userId: string; now: Date }) {
  if (row.value === null) {
    await trx.deleteFrom("pilot_indicator_actuals").where("indicator_id", "=", row.indicatorId).where("year_index", "=", row.yearIndex).execute();
    return;
  }
  await trx.insertInto("pilot_indicator_actuals")
    .values({ indicator_id: row.indicatorId, year_index: row.yearIndex, value: row.value, updated_by: row.userId, updated_at: row.now })
    .onConflict((oc) => oc.columns(["indicator_id", "year_index"]).doUpdateSet({ value: row.value!, updated_by: row.userId, updated_at: row.now }))
    .execute();
}
