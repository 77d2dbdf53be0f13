import { everyone, type RouteAccess, signedIn } from "./types";

// Single sign-on (OIDC) and the first-sign-in unit choice.
export const ssoRoutes: RouteAccess[] = [
  // Public. The matrix runs without OIDC configured, so both answer 404, which counts as "allow".
  { route: "auth.oidc._index", path: () => "/auth/oidc?redirectTo=%2F", loader: everyone("allow") },
  { route: "auth.oidc.callback", path: () => "/auth/oidc/callback?code=x&state=y", loader: everyone("allow") },
  {
    route: "valj-enhet",
    path: () => "/valj-enhet",
    // Every demo account already has a unit, so signed-in roles are sent on; an empty form never reaches the database.
    loader: signedIn("login"),
    action: signedIn("unauthorized"),
  },
];
