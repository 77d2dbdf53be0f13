import type { RouteAccess } from "./types";

// Routes of the business case and benefits realisation (issue 7), area: business-case.
export const businessCaseRoutes: RouteAccess[] = [];
