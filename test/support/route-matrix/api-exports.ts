import { adminOnly, everyone, type Expectation, type RouteAccess, type Who } from "./types";

// Routes of exports, the read-only API and API tokens (issue 8).
// Exports are resource routes: signed-out GETs go to /login like pages. The portfolio export is the
// styrgrupp's and administrators' ("portfolio.export"); the idea export also the kontaktperson's.
// The API takes bearer tokens only: a session cookie counts for nothing, so every role gets 401 from
// its loaders; its actions answer 405 to anyone (read-only API) – "allow" in the matrix's terms.

const steeringOnly: Record<Who, Expectation> = {
  anonymous: "login", medarbetare: "forbidden", kontaktperson: "forbidden", styrgrupp: "allow", administrator: "allow",
};
const handlersOnly: Record<Who, Expectation> = { ...steeringOnly, kontaktperson: "allow" };

export const apiExportRoutes: RouteAccess[] = [
  { route: "portfolio.export[.]csv", path: () => "/portfolio/export.csv", loader: steeringOnly },
  { route: "portfolio.export[.]xlsx", path: () => "/portfolio/export.xlsx", loader: steeringOnly },
  { route: "ideas.export[.]csv", path: () => "/ideas/export.csv", loader: handlersOnly },
  { route: "ideas.export[.]xlsx", path: () => "/ideas/export.xlsx", loader: handlersOnly },
  { route: "api.v1.ideas", path: () => "/api/v1/ideas", loader: everyone("unauthorized"), action: everyone("allow") },
  { route: "api.v1.portfolio", path: () => "/api/v1/portfolio", loader: everyone("unauthorized"), action: everyone("allow") },
  { route: "api.v1.openapi[.]json", path: () => "/api/v1/openapi.json", loader: everyone("allow"), action: everyone("allow") },
  {
    route: "admin.api-nycklar",
    path: () => "/admin/api-nycklar",
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
];
