// Each portfolio chart's data function, measured in-process with the HTTP load shape (no HTTP, no
// rendering): which of /portfolio/diagram's queries costs what.
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  caseActuals, type ChartFilter, countsByFocusArea, countsByTopUnit, funnelCounts, PORTFOLIO_CHART_LIMIT,
  portfolioChartsData, stageStays,
} from "../../app/models/portfolio-charts.server";
import { listAllPortfolio, type PortfolioQuery } from "../../app/models/portfolio.server";

export interface ChartMeasurement {
  name: string;
  label: string;
  work: () => Promise<unknown>;
}

/** The page's defaults: no filter, the portfolio sorted by score, highest first. */
const filter: ChartFilter = { unitIds: null, focusArea: null };
const portfolio: PortfolioQuery = {
  unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "score", descending: true,
};

export async function chartMeasurements(db: Kysely<Database>): Promise<ChartMeasurement[]> {
  const listed = await listAllPortfolio(db, portfolio, PORTFOLIO_CHART_LIMIT + 1);
  const ids = listed.slice(0, PORTFOLIO_CHART_LIMIT).map((row) => row.id);
  return [
    { name: "chart-funnel", label: "Diagram: tratten (funnelCounts)", work: () => funnelCounts(db, filter) },
    { name: "chart-units", label: "Diagram: per förvaltning (countsByTopUnit)", work: () => countsByTopUnit(db, filter) },
    { name: "chart-focus", label: "Diagram: per fokusområde (countsByFocusArea)", work: () => countsByFocusArea(db, filter) },
    { name: "chart-stage-times", label: "Diagram: tid i steg (stageStays)", work: () => stageStays(db, filter) },
    { name: "chart-portfolio", label: `Diagram: portföljens idéer (listAllPortfolio ${PORTFOLIO_CHART_LIMIT + 1})`,
      work: () => listAllPortfolio(db, portfolio, PORTFOLIO_CHART_LIMIT + 1) },
    { name: "chart-actuals", label: `Diagram: utfall (caseActuals, ${ids.length} idéer)`, work: () => caseActuals(db, ids) },
    { name: "charts-all", label: "Diagram: allt (portfolioChartsData)", work: () => portfolioChartsData(db, filter, portfolio) },
  ];
}
