import type { RouteAccess } from "./types";

export const inboxRoutes: RouteAccess[] = [];
