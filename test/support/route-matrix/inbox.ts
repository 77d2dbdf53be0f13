import { adminOnly, type RouteAccess, type Who, type Expectation } from "./types";

// The unit inbox and owner work. "inbox.view" without a unit: kontaktpersoner and administrators.
// "idea.manage" on an Östermalm idea: its kontaktperson, its owner and administrators (the demo
// styrgrupp member owns none of them). An empty form is refused with 400 (nothing changes) – "allow".
const kontaktOrAdmin = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "forbidden", administrator: "allow",
});

export const inboxRoutes: RouteAccess[] = [
  { route: "inbox", path: () => "/inbox", loader: kontaktOrAdmin("login") },
  {
    route: "ideas.$ideaId.hantera",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/hantera`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: kontaktOrAdmin("login"),
    action: kontaktOrAdmin("unauthorized"),
  },
  {
    route: "admin.installningar",
    path: () => "/admin/installningar",
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
];
