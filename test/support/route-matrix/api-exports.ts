import type { RouteAccess } from "./types";

// Routes of exports, the read-only API and API tokens (issue 8).
export const apiExportRoutes: RouteAccess[] = [];
