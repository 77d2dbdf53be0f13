import type { chartsSv } from "./charts.sv";

// English copy for the business-case charts. Mirrors charts.sv.ts.

export const chartsEn: typeof chartsSv = {
  cumulative: { heading: "Cumulative net by year" },
};
