import type { RouteAccess } from "./types";

// Routes of the portfolio charts (issue 8): the steering group's and administrators' ("portfolio.view").
export const portfolioChartRoutes: RouteAccess[] = [
  {
    route: "portfolio.diagram",
    path: () => "/portfolio/diagram",
    loader: { anonymous: "login", medarbetare: "forbidden", kontaktperson: "forbidden", styrgrupp: "allow", administrator: "allow" },
  },
];
