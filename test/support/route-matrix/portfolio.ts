import type { RouteAccess } from "./types";

// Routes of the portfolio page, optimiser and prioritisation proposals  (issue 8).
export const portfolioRoutes: RouteAccess[] = [];
