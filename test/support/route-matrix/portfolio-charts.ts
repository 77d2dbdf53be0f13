import type { RouteAccess } from "./types";

// Routes of the portfolio charts (issue 8).
export const portfolioChartRoutes: RouteAccess[] = [];
