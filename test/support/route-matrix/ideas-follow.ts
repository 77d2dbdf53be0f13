import type { RouteAccess } from "./types";

export const followRoutes: RouteAccess[] = [];
