import type { RouteAccess } from "./types";

// Routes of the stage-gate pipeline (issue 6), area: gates.
export const gateRoutes: RouteAccess[] = [];
