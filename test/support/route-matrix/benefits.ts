import type { RouteAccess } from "./types";

// Routes of the business case and benefits realisation (issue 7), area: benefits.
export const benefitsRoutes: RouteAccess[] = [];
