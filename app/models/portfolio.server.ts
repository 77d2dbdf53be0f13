import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema";
import { ideaAssessmentResult } from "~/domain/assessment-score";
import {
  ACTIVE_PORTFOLIO_STAGES, PORTFOLIO_CLOSING_OUTCOMES, PORTFOLIO_STAGES, type PortfolioFigures, type PortfolioSort,
  type PortfolioStage,
} from "~/domain/portfolio";
import type { ClosingOutcome, FocusArea, Stage } from "~/domain/vocabulary";
import { listCriteria } from "~/models/assessment-criteria.server";
import { businessCaseViewOf } from "~/models/business-cases.server";
import { containsPattern } from "~/models/like-pattern.server";
import { figuresOf } from "~/services/business-case.server";

// The portfolio's data: every idea in prioritering and later with its key figures. The figures
// (business-case results, weighted assessment score) are kept in idea_portfolio_figures and
// recomputed here, in batches, for the ideas that triggers put in portfolio_figures_queue whenever
// what a row is computed from changes: the idea's version (a stage change bumps it), its business
// case and lines, its assessments and scores, or the assessment criteria (every idea is queued;
// weights are applied live). See migration 0010 and docs/decisions/0017. Readers recompute a bounded
// number of batches (PAGE_REFRESH_BATCHES) and a background worker the rest; decisions and exports
// recompute their own ideas first (refreshPortfolioFiguresOf).

type Db = Kysely<Database>;

const num = (value: unknown) => Number(value);
const numOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/** The ideas in the portfolio: submitted, not merged, in prioritering and later (closed only if carried out or stopped). */
const inPortfolio = sql`i.submitted_at is not null and i.merged_into_id is null
  and i.stage = any(${[...PORTFOLIO_STAGES]}::text[])
  and (i.stage <> 'avslutad' or i.outcome = any(${[...PORTFOLIO_CLOSING_OUTCOMES]}::text[]))`;

const REFRESH_BATCH = 200;
/** Batches a page read recomputes itself before it shows what it has (the background worker does the rest). */
export const PAGE_REFRESH_BATCHES = 2;

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export interface FiguresRefresh {
  /** Ideas recomputed by this call. */
  refreshed: number;
  /** Ideas still waiting in the queue (another caller, the background worker or a later read takes them). */
  pending: number;
}

/**
 * Recomputes queued ideas' figures, oldest first, in batches of REFRESH_BATCH: until the queue is empty,
 * or – with `maxBatches` – after that many batches (a page read after a change that queued thousands of
 * ideas then shows the figures it has and says how many are still being recomputed; the background
 * worker in server.ts empties the queue). Concurrent callers take different batches (skip locked).
 */
export async function refreshPortfolioFigures(
  db: Db, options: { maxBatches?: number; /** The queue's length, when the caller has just read it. */ queued?: number } = {},
): Promise<FiguresRefresh> {
  // The usual case on a read: nothing queued. One count instead of begin, delete, commit and a count.
  const queued = options.queued ?? await pendingPortfolioFigures(db);
  if (queued === 0) return { refreshed: 0, pending: 0 };
  const maxBatches = options.maxBatches ?? Number.POSITIVE_INFINITY;
  let refreshed = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const taken = await db.transaction().execute(async (trx) => {
      // Claimed rows stay deleted only if the batch commits; a change made meanwhile queues its idea
      // again (its insert waits for this transaction), so nothing is lost between read and write.
      const { rows } = await sql<{ idea_id: string }>`
        delete from portfolio_figures_queue
        where idea_id in (
          select idea_id from portfolio_figures_queue
          order by queued_at, idea_id
          limit ${REFRESH_BATCH}
          for update skip locked)
        returning idea_id`.execute(trx);
      if (rows.length === 0) return 0;
      const { rows: inPortfolioRows } = await sql<{ id: string }>`
        select i.id from ideas i where i.id = any(${rows.map((r) => r.idea_id)}::uuid[]) and ${inPortfolio}`.execute(trx);
      await computeFiguresWithin(trx, inPortfolioRows.map((r) => r.id));
      return rows.length;
    });
    refreshed += taken;
    if (taken < REFRESH_BATCH) break;
  }
  return { refreshed, pending: await pendingPortfolioFigures(db) };
}

/**
 * Recomputes those of these ideas that are queued (the ideas a decision or an export is about must
 * not wait for the background worker); returns how many were queued.
 */
export async function refreshPortfolioFiguresOf(db: Db, ideaIds: readonly string[]): Promise<number> {
  let refreshed = 0;
  for (let start = 0; start < ideaIds.length; start += REFRESH_BATCH) {
    const chunk = ideaIds.slice(start, start + REFRESH_BATCH);
    refreshed += await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ idea_id: string }>`
        delete from portfolio_figures_queue where idea_id = any(${chunk}::uuid[]) returning idea_id`.execute(trx);
      if (rows.length === 0) return 0;
      const { rows: inPortfolioRows } = await sql<{ id: string }>`
        select i.id from ideas i where i.id = any(${rows.map((r) => r.idea_id)}::uuid[]) and ${inPortfolio}`.execute(trx);
      await computeFiguresWithin(trx, inPortfolioRows.map((r) => r.id));
      return rows.length;
    });
  }
  return refreshed;
}

/** How many ideas wait for their figures to be recomputed. */
export async function pendingPortfolioFigures(db: Db): Promise<number> {
  const { rows } = await sql<{ n: unknown }>`select count(*) as n from portfolio_figures_queue`.execute(db);
  return num(rows[0]?.n ?? 0);
}

/** Computes and stores the figures of these ideas (a batch: one query per table, no query per idea). */
async function computeFiguresWithin(db: Db, ideaIds: string[]): Promise<void> {
  // A claimed batch may hold no portfolio idea at all (queued drafts, ideas in bedömning).
  if (ideaIds.length === 0) return;
  const [ideas, criteriaChanged, cases, lines, criteria, assessments] = await Promise.all([
    db.selectFrom("ideas").select(["id", "version"]).where("id", "in", ideaIds).execute(),
    // As text: a JavaScript Date would cut PostgreSQL's microseconds, and the stored value must compare equal.
    sql<{ changed: string | null }>`select max(updated_at)::text as changed from assessment_criteria`.execute(db),
    db.selectFrom("business_cases").selectAll().where("idea_id", "in", ideaIds).execute(),
    db.selectFrom("business_case_lines").select(["idea_id", "kind", "description", "category", "certainty", "unit_id", "amounts"])
      .where("idea_id", "in", ideaIds).orderBy("idea_id").orderBy("position").execute(),
    listCriteria(db, { includeInactive: true }),
    db.selectFrom("assessments")
      .innerJoin("assessment_scores", "assessment_scores.assessment_id", "assessments.id")
      .select(["assessments.idea_id", "assessments.id", "assessments.assessor_id", "assessment_scores.criterion_id", "assessment_scores.score"])
      .where("assessments.idea_id", "in", ideaIds).where("assessments.completed_at", "is not", null)
      .orderBy("assessments.id").execute(),
  ]);
  const linesByIdea = groupBy(lines, (line) => line.idea_id);
  const scoresByIdea = groupBy(assessments, (row) => row.idea_id);
  const caseByIdea = new Map(cases.map((row) => [row.idea_id, row]));
  const versionOf = new Map(ideas.map((idea) => [idea.id, idea.version]));
  const criteriaChangedAt = criteriaChanged.rows[0]?.changed ?? null;
  const now = new Date();

  const rows = ideaIds.filter((ideaId) => versionOf.has(ideaId)).map((ideaId) => {
    const perAssessment = groupBy(scoresByIdea.get(ideaId) ?? [], (row) => row.id);
    const assessment = ideaAssessmentResult(
      [...perAssessment.values()].map((scores) => ({
        assessorId: scores[0]!.assessor_id, scores: scores.map((s) => ({ criterionId: s.criterion_id, score: s.score })),
      })),
      criteria,
    );
    const row = caseByIdea.get(ideaId);
    const caseLines = linesByIdea.get(ideaId) ?? [];
    const base = {
      idea_id: ideaId, idea_version: versionOf.get(ideaId)!, criteria_changed_at: criteriaChangedAt,
      weighted_score: assessment.weightedScore, assessor_count: assessment.assessorCount, computed_at: now,
    };
    if (!row || caseLines.length === 0) {
      return {
        ...base, business_case_version: null, start_year: null, npv: null, financial_npv: null, benefit_cost_ratio: null,
        payback_months: null, self_financing: null, total_costs: null, total_savings: null, costs_by_year: [], savings_by_year: [],
      };
    }
    const { result } = figuresOf(businessCaseViewOf(row, caseLines));
    return {
      ...base, business_case_version: row.version, start_year: row.start_year, npv: result.npv, financial_npv: result.financialNpv,
      benefit_cost_ratio: result.benefitCostRatio, payback_months: result.paybackMonths, self_financing: result.selfFinancing,
      total_costs: result.totals.costs, total_savings: result.totals.savings,
      costs_by_year: result.years.map((y) => y.costs), savings_by_year: result.years.map((y) => y.savings),
    };
  });

  if (rows.length === 0) return;
  await db.insertInto("idea_portfolio_figures").values(rows)
    .onConflict((oc) => oc.column("idea_id").doUpdateSet((eb) => ({
      idea_version: eb.ref("excluded.idea_version"), criteria_changed_at: eb.ref("excluded.criteria_changed_at"),
      business_case_version: eb.ref("excluded.business_case_version"), start_year: eb.ref("excluded.start_year"),
      npv: eb.ref("excluded.npv"), financial_npv: eb.ref("excluded.financial_npv"),
      benefit_cost_ratio: eb.ref("excluded.benefit_cost_ratio"), payback_months: eb.ref("excluded.payback_months"),
      self_financing: eb.ref("excluded.self_financing"), total_costs: eb.ref("excluded.total_costs"),
      total_savings: eb.ref("excluded.total_savings"), costs_by_year: eb.ref("excluded.costs_by_year"),
      savings_by_year: eb.ref("excluded.savings_by_year"), weighted_score: eb.ref("excluded.weighted_score"),
      assessor_count: eb.ref("excluded.assessor_count"), computed_at: eb.ref("excluded.computed_at"),
    })))
    .execute();
}

export interface PortfolioQuery {
  /** The chosen unit and every unit below it; null = all units. */
  unitIds: readonly string[] | null;
  focusArea: FocusArea | null;
  /** null = the active stages (prioritering, pilot, införande). */
  stage: PortfolioStage | null;
  selfFinancing: boolean | null;
  /** Part of the title or the reference. */
  search: string | null;
  sort: PortfolioSort;
  descending: boolean;
}

export interface PortfolioRow extends PortfolioFigures {
  id: string;
  reference: string;
  title: string;
  unitId: string;
  unitName: string;
  focusAreas: FocusArea[];
  stage: Stage;
  outcome: ClosingOutcome | null;
  stageChangedAt: Date;
  submittedAt: Date;
  assessorCount: number;
}

export interface PortfolioTotals {
  count: number;
  withBusinessCase: number;
  selfFinancingCount: number;
  npv: number;
  financialNpv: number;
  totalCosts: number;
  totalSavings: number;
  /** Mean weighted score of the ideas that have one, two decimals; null when none has. */
  meanScore: number | null;
}

function conditions(query: PortfolioQuery): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [sql`${inPortfolio}`];
  parts.push(query.stage
    ? sql`i.stage = ${query.stage}`
    : sql`i.stage = any(${[...ACTIVE_PORTFOLIO_STAGES]}::text[])`);
  if (query.unitIds) parts.push(sql`i.unit_id = any(${[...query.unitIds]}::uuid[])`);
  if (query.focusArea) parts.push(sql`i.focus_areas @> array[${query.focusArea}]::text[]`);
  if (query.selfFinancing === true) parts.push(sql`f.self_financing is true`);
  if (query.selfFinancing === false) parts.push(sql`f.self_financing is not true`);
  if (query.search) {
    const pattern = containsPattern(query.search);
    parts.push(sql`(lower(i.title) like ${pattern} or lower(i.reference) like ${pattern})`);
  }
  return sql.join(parts, sql` and `);
}

const SORT_COLUMNS: Record<PortfolioSort, RawBuilder<unknown>> = {
  score: sql`f.weighted_score`,
  npv: sql`f.npv`,
  financial_npv: sql`f.financial_npv`,
  benefit_cost_ratio: sql`f.benefit_cost_ratio`,
  payback: sql`f.payback_months`,
  total_costs: sql`f.total_costs`,
  // Older = longer in its stage: "descending age" lists the longest-waiting first.
  age: sql`(now() - i.stage_changed_at)`,
  title: sql`lower(i.title)`,
};

function orderBy(query: PortfolioQuery): RawBuilder<unknown> {
  const direction = query.descending ? sql`desc` : sql`asc`;
  return sql`${SORT_COLUMNS[query.sort]} ${direction} nulls last, i.id`;
}

interface RawRow {
  id: string; reference: string; title: string; unit_id: string; unit_name: string; focus_areas: FocusArea[]; stage: Stage;
  outcome: ClosingOutcome | null; stage_changed_at: Date; submitted_at: Date; weighted_score: unknown; assessor_count: unknown;
  npv: unknown; financial_npv: unknown; benefit_cost_ratio: unknown; payback_months: unknown; self_financing: boolean | null;
  total_costs: unknown; total_savings: unknown; start_year: number | null; costs_by_year: unknown[] | null; savings_by_year: unknown[] | null;
}

const toRow = (r: RawRow): PortfolioRow => ({
  id: r.id, reference: r.reference, title: r.title, unitId: r.unit_id, unitName: r.unit_name, focusAreas: r.focus_areas,
  stage: r.stage, outcome: r.outcome, stageChangedAt: new Date(r.stage_changed_at), submittedAt: new Date(r.submitted_at),
  weightedScore: numOrNull(r.weighted_score), assessorCount: num(r.assessor_count ?? 0),
  npv: numOrNull(r.npv), financialNpv: numOrNull(r.financial_npv), benefitCostRatio: numOrNull(r.benefit_cost_ratio),
  paybackMonths: numOrNull(r.payback_months), selfFinancing: r.self_financing, totalCosts: numOrNull(r.total_costs),
  totalSavings: numOrNull(r.total_savings), startYear: r.start_year,
  costsByYear: (r.costs_by_year ?? []).map(num), savingsByYear: (r.savings_by_year ?? []).map(num),
});

const SELECT_ROW = sql`i.id, i.reference, i.title, i.unit_id, u.name as unit_name, i.focus_areas, i.stage, i.outcome,
  i.stage_changed_at, i.submitted_at, f.weighted_score, f.assessor_count, f.npv, f.financial_npv, f.benefit_cost_ratio,
  f.payback_months, f.self_financing, f.total_costs, f.total_savings, f.start_year, f.costs_by_year, f.savings_by_year`;

/** One page of the portfolio, with the number of matching ideas. Call refreshPortfolioFigures first. */
export async function listPortfolio(db: Db, query: PortfolioQuery, page: { limit: number; offset: number }): Promise<{ rows: PortfolioRow[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    sql<RawRow>`
      select ${SELECT_ROW}
      from ideas i
      join units u on u.id = i.unit_id
      left join idea_portfolio_figures f on f.idea_id = i.id
      where ${conditions(query)}
      order by ${orderBy(query)}
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: unknown }>`
      select count(*) as n from ideas i left join idea_portfolio_figures f on f.idea_id = i.id
      where ${conditions(query)}`.execute(db),
  ]);
  return { rows: rows.map(toRow), total: num(count.rows[0]?.n ?? 0) };
}

/** These ideas as portfolio rows (whatever their stage), in the order of `ids`; unknown ids are skipped. */
export async function portfolioRowsByIds(db: Db, ids: readonly string[]): Promise<PortfolioRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<RawRow>`
    select ${SELECT_ROW}
    from ideas i
    join units u on u.id = i.unit_id
    left join idea_portfolio_figures f on f.idea_id = i.id
    where i.id = any(${[...ids]}::uuid[])`.execute(db);
  const byId = new Map(rows.map((r) => [r.id, toRow(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Every matching idea up to `limit` (optimiser, exports, agenda), in the query's order. */
export async function listAllPortfolio(db: Db, query: PortfolioQuery, limit: number): Promise<PortfolioRow[]> {
  return (await listPortfolio(db, query, { limit, offset: 0 })).rows;
}

/** Totals of the whole filtered set (not just the page). */
export async function portfolioTotals(db: Db, query: PortfolioQuery): Promise<PortfolioTotals> {
  const { rows } = await sql<Record<string, unknown>>`
    select count(*) as count,
           count(f.business_case_version) as with_case,
           count(*) filter (where f.self_financing) as self_financing,
           coalesce(sum(f.npv), 0) as npv, coalesce(sum(f.financial_npv), 0) as financial_npv,
           coalesce(sum(f.total_costs), 0) as total_costs, coalesce(sum(f.total_savings), 0) as total_savings,
           round(avg(f.weighted_score), 2) as mean_score
    from ideas i left join idea_portfolio_figures f on f.idea_id = i.id
    where ${conditions(query)}`.execute(db);
  const r = rows[0]!;
  return {
    count: num(r.count), withBusinessCase: num(r.with_case), selfFinancingCount: num(r.self_financing),
    npv: num(r.npv), financialNpv: num(r.financial_npv), totalCosts: num(r.total_costs), totalSavings: num(r.total_savings),
    meanScore: numOrNull(r.mean_score),
  };
}

/** Sum of the filtered set's costs in each calendar year `firstYear + k` (k < years), whole kronor. */
export async function portfolioCostsByYear(db: Db, query: PortfolioQuery, firstYear: number, years: number): Promise<number[]> {
  const { rows } = await sql<{ k: number; cost: unknown }>`
    select k, coalesce(sum(f.costs_by_year[(${firstYear}::int + k) - f.start_year + 1]), 0) as cost
    from ideas i
    left join idea_portfolio_figures f on f.idea_id = i.id
    cross join generate_series(0, ${years - 1}::int) as k
    where ${conditions(query)}
    group by k order by k`.execute(db);
  const byYear = new Map(rows.map((r) => [num(r.k), num(r.cost)]));
  return Array.from({ length: years }, (_, k) => byYear.get(k) ?? 0);
}
