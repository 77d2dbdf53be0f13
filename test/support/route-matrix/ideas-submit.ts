import type { RouteAccess } from "./types";

export const submitRoutes: RouteAccess[] = [];
