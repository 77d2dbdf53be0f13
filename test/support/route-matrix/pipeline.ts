import { type RouteAccess, signedIn } from "./types";

// Routes of the stage-gate pipeline (issue 6), area: pipeline.
// The board is for everyone signed in ("pipeline.view"); anonymous page requests go to /login.
export const pipelineRoutes: RouteAccess[] = [
  { route: "pipeline", path: () => "/pipeline", loader: signedIn("login") },
];
