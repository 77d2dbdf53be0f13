import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { PORTFOLIO_STAGES, type PortfolioStage } from "~/domain/portfolio";
import { type ChartFilter, type PortfolioChartsData, portfolioChartsData } from "~/models/portfolio-charts.server";
import {
  listPortfolio, portfolioCostsByYear, type PortfolioQuery, type PortfolioRow, portfolioTotals, type PortfolioTotals,
} from "~/models/portfolio.server";
import { cachedPortfolioRead, viewKey } from "./portfolio-cache.server";

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

/** Everything /portfolio/diagram shows for these filters. */
export function portfolioChartsView(db: Db, filter: ChartFilter, portfolio: PortfolioQuery): Promise<PortfolioChartsData> {
  const key = viewKey("portfolio-charts", {
    ...queryKey(portfolio), filterUnits: filter.unitIds ? [...filter.unitIds].sort().join(",") : null, filterFocus: filter.focusArea,
  });
  return cachedPortfolioRead(db, key, () => portfolioChartsData(db, filter, portfolio));
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
