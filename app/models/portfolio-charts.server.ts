import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { BenefitActual } from "~/domain/benefits-realisation";
import type { LineKind } from "~/domain/business-case";
import {
  bubblePoints, type BubblePoint, cumulativeCostsSavings, type CumulativeRow, focusRows, type FunnelStage, funnelRows,
  type NotPlottedReason, realisedByYear, type StageTime, stageTimes, TIMED_STAGES, TOP_UNITS, topWithRest,
} from "~/domain/portfolio-charts";
import { FOCUS_AREAS, type FocusArea, type Stage } from "~/domain/vocabulary";
import { listAllPortfolio, type PortfolioQuery } from "~/models/portfolio.server";

// The portfolio charts' data. Counts are aggregated in SQL (group by); the stage stays come from
// gate_decisions with lag() per idea; the portfolio's own figures (value/effort, plans) go through
// refreshPortfolioFigures + listAllPortfolio, so the charts show the portfolio page's numbers.
// bigint/numeric may arrive as strings (pg) or numbers (PGlite): read with Number().

type Db = Kysely<Database>;

/** The unit and focus filters that apply to every chart. */
export interface ChartFilter {
  unitIds: readonly string[] | null;
  focusArea: FocusArea | null;
}

/** Most portfolio ideas the value/effort and cost charts read. */
export const PORTFOLIO_CHART_LIMIT = 500;
/** Most recent completed stays per stage the time-in-stage figures are based on. */
export const STAYS_PER_STAGE_LIMIT = 2000;

/** The unit and focus filters on ideas aliased `i`, after the given base condition. */
function filteredConditions(base: RawBuilder<unknown>, filter: ChartFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [base];
  if (filter.unitIds) parts.push(sql`i.unit_id = any(${[...filter.unitIds]}::uuid[])`);
  if (filter.focusArea) parts.push(sql`i.focus_areas @> array[${filter.focusArea}]::text[]`);
  return sql.join(parts, sql` and `);
}

/** The ideas the funnel, unit and focus charts count: submitted, not merged, open or closed as införda. */
function funnelConditions(filter: ChartFilter): RawBuilder<unknown> {
  return filteredConditions(
    sql`i.submitted_at is not null and i.merged_into_id is null and (i.stage <> 'avslutad' or i.outcome = 'inford')`,
    filter,
  );
}

/**
 * The ideas whose stage stays are measured: every submitted, unmerged idea whatever its outcome — a
 * rejected or parked idea's stays count too, or the times would describe only the survivors.
 */
function stayConditions(filter: ChartFilter): RawBuilder<unknown> {
  return filteredConditions(sql`i.submitted_at is not null and i.merged_into_id is null`, filter);
}

/** Ideas per funnel stage (the closed ones count as "inford"). */
export async function funnelCounts(db: Db, filter: ChartFilter): Promise<{ stage: FunnelStage; count: number }[]> {
  const { rows } = await sql<{ stage: FunnelStage; n: unknown }>`
    select case when i.stage = 'avslutad' then 'inford' else i.stage end as stage, count(*) as n
    from ideas i where ${funnelConditions(filter)}
    group by 1 order by 1`.execute(db);
  return funnelRows(rows.map((r) => ({ stage: r.stage, count: Number(r.n) })));
}

/** Ideas per förvaltning: each idea's unit resolved up the unit tree to its top-level unit. */
export async function countsByTopUnit(db: Db, filter: ChartFilter): Promise<{ id: string; name: string; count: number }[]> {
  const { rows } = await sql<{ id: string; name: string; n: unknown }>`
    with recursive roots as (
      select id as unit_id, id as root_id, parent_id, 0 as depth from units
      union all
      select r.unit_id, u.id, u.parent_id, r.depth + 1 from roots r join units u on u.id = r.parent_id where r.depth < 20
    ), top_of as (
      select unit_id, root_id from roots where parent_id is null
    )
    select t.root_id as id, u.name, count(*) as n
    from ideas i join top_of t on t.unit_id = i.unit_id join units u on u.id = t.root_id
    where ${funnelConditions(filter)}
    group by t.root_id, u.name order by n desc, u.name`.execute(db);
  return rows.map((r) => ({ id: r.id, name: r.name, count: Number(r.n) }));
}

/** Ideas per focus area (an idea with several areas counts in each) and the number of ideas counted. */
export async function countsByFocusArea(db: Db, filter: ChartFilter): Promise<{ rows: { area: FocusArea; count: number }[]; ideas: number; withoutArea: number }> {
  const [areas, totals] = await Promise.all([
    sql<{ area: FocusArea; n: unknown }>`
      select a.area, count(*) as n from ideas i cross join lateral unnest(i.focus_areas) as a(area)
      where ${funnelConditions(filter)} group by a.area order by a.area`.execute(db),
    sql<{ ideas: unknown; without_area: unknown }>`
      select count(*) as ideas, count(*) filter (where cardinality(i.focus_areas) = 0) as without_area
      from ideas i where ${funnelConditions(filter)}`.execute(db),
  ]);
  return {
    rows: focusRows(areas.rows.map((r) => ({ area: r.area, count: Number(r.n) })), FOCUS_AREAS),
    ideas: Number(totals.rows[0]?.ideas ?? 0),
    withoutArea: Number(totals.rows[0]?.without_area ?? 0),
  };
}

/**
 * Completed stays in each timed stage, in days: a gate decision out of the stage ends the stay, which
 * began at the idea's previous decision (lag over the idea's decisions by time) or, for the first one,
 * when the idea was submitted. Counts every submitted, unmerged idea, whatever its outcome. The latest
 * STAYS_PER_STAGE_LIMIT stays per stage.
 */
export async function stageStays(db: Db, filter: ChartFilter): Promise<{ stage: Stage; days: number }[]> {
  // Per timed stage the latest decisions out of it (index on from_stage, decided_at), then for just
  // those the idea's previous decision (index on idea_id, decided_at): a few thousand index probes
  // instead of a window over every decision ever taken.
  const { rows } = await sql<{ stage: Stage; days: unknown }>`
    select stays.stage, stays.days
    from unnest(${[...TIMED_STAGES]}::text[]) as timed(stage)
    cross join lateral (
      select d.id, d.idea_id, d.decided_at, i.submitted_at
      from gate_decisions d
      join ideas i on i.id = d.idea_id
      where d.from_stage = timed.stage and ${stayConditions(filter)}
      order by d.decided_at desc, d.idea_id
      limit ${STAYS_PER_STAGE_LIMIT}
    ) latest
    left join lateral (
      select p.decided_at from gate_decisions p
      where p.idea_id = latest.idea_id and (p.decided_at, p.id) < (latest.decided_at, latest.id)
      order by p.decided_at desc, p.id desc limit 1
    ) previous on true
    cross join lateral (
      select timed.stage,
             extract(epoch from (latest.decided_at - coalesce(previous.decided_at, latest.submitted_at))) / 86400.0 as days
    ) stays
    where stays.days >= 0
    order by stays.stage, stays.days`.execute(db);
  return rows.map((r) => ({ stage: r.stage, days: Number(r.days) }));
}

/** Actual amounts of these ideas with their case's start year, horizon and hourly cost. */
export async function caseActuals(db: Db, ideaIds: readonly string[]): Promise<{ startYear: number; horizonYears: number; hourlyCost: number; actuals: BenefitActual[] }[]> {
  if (ideaIds.length === 0) return [];
  const { rows } = await sql<{ idea_id: string; start_year: unknown; horizon_years: unknown; hourly_cost: unknown; year_index: unknown; kind: LineKind; amount: unknown }>`
    select a.idea_id, bc.start_year, bc.horizon_years, bc.hourly_cost, a.year_index, a.kind, a.amount
    from business_case_actuals a join business_cases bc on bc.idea_id = a.idea_id
    where a.idea_id = any(${[...ideaIds]}::uuid[])
    order by a.idea_id, a.year_index, a.kind`.execute(db);
  const byIdea = new Map<string, { startYear: number; horizonYears: number; hourlyCost: number; actuals: BenefitActual[] }>();
  for (const r of rows) {
    let entry = byIdea.get(r.idea_id);
    if (!entry) {
      entry = { startYear: Number(r.start_year), horizonYears: Number(r.horizon_years), hourlyCost: Number(r.hourly_cost), actuals: [] };
      byIdea.set(r.idea_id, entry);
    }
    entry.actuals.push({ yearIndex: Number(r.year_index), kind: r.kind, amount: Number(r.amount) });
  }
  return [...byIdea.values()];
}

export interface PortfolioChartsData {
  funnel: { stage: FunnelStage; count: number }[];
  byUnit: { rows: { id: string | null; name: string; count: number }[]; restGroups: number };
  byFocus: { rows: { area: FocusArea; count: number }[]; ideas: number; withoutArea: number };
  bubbles: { points: BubblePoint[]; notPlotted: { id: string; reference: string; title: string; reason: NotPlottedReason }[] };
  cumulative: { rows: CumulativeRow[]; ideas: number; ideasWithActuals: number };
  stageTimes: StageTime[];
  /** The portfolio had more ideas than PORTFOLIO_CHART_LIMIT; the value/effort and cost charts show the first. */
  portfolioTruncated: boolean;
}

/** Everything /portfolio/diagram shows, for the filters (call refreshPortfolioFigures first). */
export async function portfolioChartsData(db: Db, filter: ChartFilter, portfolio: PortfolioQuery): Promise<PortfolioChartsData> {
  const [funnel, units, byFocus, stays, listed] = await Promise.all([
    funnelCounts(db, filter), countsByTopUnit(db, filter), countsByFocusArea(db, filter), stageStays(db, filter),
    listAllPortfolio(db, portfolio, PORTFOLIO_CHART_LIMIT + 1),
  ]);
  const ideas = listed.slice(0, PORTFOLIO_CHART_LIMIT);
  const actuals = await caseActuals(db, ideas.map((i) => i.id));
  return {
    funnel,
    // The rest row (id null) is named by the page in the reader's language.
    byUnit: topWithRest(units, TOP_UNITS, ""),
    byFocus,
    bubbles: bubblePoints(ideas),
    cumulative: {
      rows: cumulativeCostsSavings(ideas, actuals.flatMap(realisedByYear)),
      ideas: ideas.length,
      ideasWithActuals: actuals.filter((a) => realisedByYear(a).length > 0).length,
    },
    stageTimes: stageTimes(stays),
    portfolioTruncated: listed.length > PORTFOLIO_CHART_LIMIT,
  };
}
