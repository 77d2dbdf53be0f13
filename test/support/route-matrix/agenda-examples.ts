import type { RouteAccess } from "./types";

// Routes of the meeting agenda and good examples (issue 8).
export const agendaExampleRoutes: RouteAccess[] = [];
