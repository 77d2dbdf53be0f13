import { everyone, type RouteAccess } from "./types";

export const coreRoutes: RouteAccess[] = [
  { route: "_index", path: () => "/", loader: everyone("allow") },
  { route: "healthz", path: () => "/healthz", loader: everyone("allow") },
  { route: "$", path: () => "/det-har-finns-inte", loader: everyone("allow"), action: everyone("allow") },
  // The accessibility statement and its report form: public, anyone may report (an empty form is a 400).
  { route: "tillganglighet", path: () => "/tillganglighet", loader: everyone("allow"), action: everyone("allow") },
  {
    route: "login",
    path: () => "/login",
    // Signed-in visitors are sent on (a redirect away from /login, which counts as allowed).
    loader: everyone("allow"),
    action: everyone("allow"),
  },
  // The language switch: anyone may choose (a redirect back; an empty form is a 400).
  { route: "sprak", path: () => "/sprak", loader: everyone("allow"), action: everyone("allow") },
  { route: "logout", path: () => "/logout", loader: everyone("allow"), action: everyone("allow") },
];
