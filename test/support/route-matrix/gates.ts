import type { Expectation, RouteAccess, Who } from "./types";

// Gate decisions on an Östermalm idea in bedömning: its kontaktperson decides; an administrator may
// override; the styrgrupp decides only from prioritering on; a medarbetare never. An empty form is
// refused with 400 (nothing changes) – "allow".
const unitContactOrAdmin = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "forbidden", administrator: "allow",
});

export const gateRoutes: RouteAccess[] = [
  {
    route: "ideas.$ideaId.beslut",
    path: (f) => `/ideas/${f.ostermalmBedomningIdeaId}/beslut`,
    params: (f) => ({ ideaId: f.ostermalmBedomningIdeaId }),
    loader: unitContactOrAdmin("login"),
    action: unitContactOrAdmin("unauthorized"),
  },
];
