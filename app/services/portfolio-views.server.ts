import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { costsInBudgetYears, PORTFOLIO_STAGES, type PortfolioStage } from "~/domain/portfolio";
import { type ChartFilter, type PortfolioChartsData, portfolioChartsData } from "~/models/portfolio-charts.server";
import {
  listPortfolio, portfolioCostsByYear, type PortfolioQuery, type PortfolioRow, portfolioTotals, type PortfolioTotals,
  refreshPortfolioFigures,
} from "~/models/portfolio.server";
import { groupUnits, listSelectableUnits, type UnitGroup } from "~/models/selectable-unit.server";
import { cachedPortfolioRead, portfolioGeneration, portfolioReadState, viewKey } from "./read-cache.server";

// What the portfolio page, its charts and the API read, through the portfolio read cache. The
// callers refresh queued figures first (refreshPortfolioFigures); these functions only read.

type Db = Kysely<Database>;

const queryKey = (query: PortfolioQuery) => ({ ...query, unitIds: query.unitIds ? [...query.unitIds].sort().join(",") : null });

export interface PortfolioPageData {
  rows: PortfolioRow[];
  total: number;
  totals: PortfolioTotals;
  costs: number[];
}

/** One page of the portfolio with the totals and yearly costs of the whole filtered set. */
export function portfolioPageData(
  db: Db, query: PortfolioQuery, page: { limit: number; offset: number }, costYears: { firstYear: number; years: number },
): Promise<PortfolioPageData> {
  return cachedPortfolioRead(db, viewKey("portfolio-page", { ...queryKey(query), ...page, ...costYears }), async () => {
    const [list, totals, costs] = await Promise.all([
      listPortfolio(db, query, page),
      portfolioTotals(db, query),
      portfolioCostsByYear(db, query, costYears.firstYear, costYears.years),
    ]);
    return { rows: list.rows, total: list.total, totals, costs };
  });
}

/** The data generation to read the views at, and how many ideas still wait for their figures. */
export interface PortfolioReadState {
  generation: number;
  pending: number;
}

/**
 * Recomputes queued figures (at most `maxBatches` batches) before a page reads its views. When
 * nothing is queued – the usual case – this is one statement, and its generation serves the views.
 */
export async function refreshedPortfolioState(db: Db, maxBatches: number): Promise<PortfolioReadState> {
  const state = await portfolioReadState(db);
  if (state.pending === 0) return state;
  const { pending } = await refreshPortfolioFigures(db, { maxBatches, queued: state.pending });
  // The refresh committed new figures: a new generation.
  return { generation: await portfolioGeneration(db), pending };
}

/** A row of the portfolio page's table: what it shows, nothing more (the row travels in the HTML). */
export type PortfolioPageRow = Pick<
  PortfolioRow, "id" | "reference" | "title" | "unitName" | "focusAreas" | "stage" | "weightedScore" | "npv" | "financialNpv"
  | "benefitCostRatio" | "paybackMonths" | "selfFinancing" | "stageChangedAt"
> & {
  /** Costs in the budget years `firstYear + k`. */
  budgetCosts: number[];
};

/** What /portfolio shows, the same for everyone who opens these filters at this generation. */
export interface PortfolioPageView {
  unitGroups: UnitGroup[];
  rows: PortfolioPageRow[];
  total: number;
  totals: PortfolioTotals;
  costs: number[];
}

/** The portfolio page's data at `state`'s generation: its unit choices, one page of rows, the totals. */
export function portfolioPageView(
  db: Db, state: PortfolioReadState, query: PortfolioQuery, page: { limit: number; offset: number },
  costYears: { firstYear: number; years: number },
): Promise<PortfolioPageView> {
  const key = viewKey("portfolio-page-view", { ...queryKey(query), ...page, ...costYears });
  return cachedPortfolioRead(db, key, async () => {
    const [units, list] = await Promise.all([listSelectableUnits(db), portfolioPageData(db, query, page, costYears)]);
    const rows = list.rows.map((row): PortfolioPageRow => ({
      id: row.id, reference: row.reference, title: row.title, unitName: row.unitName, focusAreas: row.focusAreas,
      stage: row.stage, weightedScore: row.weightedScore, npv: row.npv, financialNpv: row.financialNpv,
      benefitCostRatio: row.benefitCostRatio, paybackMonths: row.paybackMonths, selfFinancing: row.selfFinancing,
      stageChangedAt: row.stageChangedAt, budgetCosts: costsInBudgetYears(row, costYears.firstYear, costYears.years),
    }));
    return { unitGroups: groupUnits(units), rows, total: list.total, totals: list.totals, costs: list.costs };
  }, state.generation);
}

/** The unit choices of the portfolio's filters (at `state`'s generation when given). */
export async function portfolioUnitGroups(db: Db, state?: PortfolioReadState): Promise<UnitGroup[]> {
  return groupUnits(await listSelectableUnits(db, state?.generation));
}

/** Everything /portfolio/diagram shows for these filters. */
export function portfolioChartsView(
  db: Db, filter: ChartFilter, portfolio: PortfolioQuery, state?: PortfolioReadState,
): Promise<PortfolioChartsData> {
  const key = viewKey("portfolio-charts", {
    ...queryKey(portfolio), filterUnits: filter.unitIds ? [...filter.unitIds].sort().join(",") : null, filterFocus: filter.focusArea,
  });
  return cachedPortfolioRead(db, key, () => portfolioChartsData(db, filter, portfolio), state?.generation);
}

/** The page data plus the number of ideas in each portfolio stage (GET /api/v1/portfolio). */
export function apiPortfolioData(
  db: Db, query: PortfolioQuery, page: { limit: number; offset: number }, costYears: { firstYear: number; years: number },
): Promise<PortfolioPageData & { stageCounts: (readonly [PortfolioStage, number])[] }> {
  return cachedPortfolioRead(db, viewKey("api-portfolio", { ...queryKey(query), ...page, ...costYears }), async () => {
    const [pageData, stageCounts] = await Promise.all([
      portfolioPageData(db, query, page, costYears),
      Promise.all(PORTFOLIO_STAGES.map(async (stage) => [stage, (await portfolioTotals(db, { ...query, stage })).count] as const)),
    ]);
    return { ...pageData, stageCounts };
  });
}
