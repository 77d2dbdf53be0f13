import type { RouteAccess } from "./types";

// Routes of the stage-gate pipeline (issue 6), area: pipeline.
export const pipelineRoutes: RouteAccess[] = [];
