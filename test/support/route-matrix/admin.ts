import { adminOnly, type RouteAccess } from "./types";

// The admin area: administrators only. Signed-out page requests go to /login; signed-out form posts
// get 401 (requireUser answers non-GET requests that way). The actions get an empty form, which an
// administrator is refused with 400 (nothing is changed) – "allow" in the matrix's terms.
export const adminRoutes: RouteAccess[] = [
  { route: "admin", path: () => "/admin", loader: adminOnly("login") },
  { route: "admin._index", path: () => "/admin", loader: adminOnly("login") },
  { route: "admin.users._index", path: () => "/admin/users", loader: adminOnly("login") },
  {
    route: "admin.users.$userId",
    path: (f) => `/admin/users/${f.users.medarbetare}`,
    params: (f) => ({ userId: f.users.medarbetare }),
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
  {
    route: "admin.units._index",
    path: () => "/admin/units",
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
  {
    route: "admin.units.$unitId",
    path: (f) => `/admin/units/${f.otherUnitId}`,
    params: (f) => ({ unitId: f.otherUnitId }),
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
  { route: "admin.audit", path: () => "/admin/audit", loader: adminOnly("login") },
  {
    route: "admin.tillganglighet",
    path: () => "/admin/tillganglighet",
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
];
