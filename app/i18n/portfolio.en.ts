import type { portfolioSv } from "./portfolio.sv";

// English copy for the portfolio page, the optimiser and prioritisation proposals (/portfolio, /portfolio/optimera, /portfolio/forslag). Mirrors portfolio.sv.ts.

export const portfolioEn: typeof portfolioSv = {
  title: "Portfolio – Idéslussen",
};
