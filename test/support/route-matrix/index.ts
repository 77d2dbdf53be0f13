import { coreRoutes } from "./core";
import type { RouteAccess } from "./types";

// Each area of the product keeps its own list; together they must cover every file in app/routes.
export const allRouteAccess: RouteAccess[] = [...coreRoutes];
