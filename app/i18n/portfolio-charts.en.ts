import type { portfolioChartsSv } from "./portfolio-charts.sv";

// English copy for the portfolio charts (/portfolio/diagram). Mirrors portfolio-charts.sv.ts.

export const portfolioChartsEn: typeof portfolioChartsSv = {
  title: "The portfolio in charts – Idéslussen",
};
