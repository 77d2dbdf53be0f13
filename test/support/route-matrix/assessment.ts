import { adminOnly, type Expectation, type RouteAccess, signedIn, type Who } from "./types";

// Routes of the stage-gate pipeline (issue 6), area: assessment.
//
// /ideas/<id>/bedomning on an Östermalm idea in bedömning: "idea.view_assessments" – its kontaktperson,
// the styrgrupp and administrators (and anyone assigned to assess it; the demo medarbetare is not).
// An empty form is refused with 400 (nothing changes) – "allow"; a medarbetare is refused before that.
const handlers = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "allow", administrator: "allow",
});

// No criterion id among the fixtures: a well-formed unknown id is a 404 for administrators ("allow"),
// and everyone else is refused before the lookup.
const UNKNOWN_CRITERION = "00000000-0000-4000-8000-000000000000";

export const assessmentRoutes: RouteAccess[] = [
  {
    route: "ideas.$ideaId.bedomning",
    path: (f) => `/ideas/${f.ostermalmBedomningIdeaId}/bedomning`,
    params: (f) => ({ ideaId: f.ostermalmBedomningIdeaId }),
    loader: handlers("login"),
    action: handlers("unauthorized"),
  },
  // Everyone signed in has a queue (most people's is empty).
  { route: "bedomningar", path: () => "/bedomningar", loader: signedIn("login") },
  { route: "admin.kriterier._index", path: () => "/admin/kriterier", loader: adminOnly("login") },
  { route: "admin.kriterier.ny", path: () => "/admin/kriterier/ny", loader: adminOnly("login"), action: adminOnly("unauthorized") },
  {
    route: "admin.kriterier.$criterionId",
    path: () => `/admin/kriterier/${UNKNOWN_CRITERION}`,
    params: () => ({ criterionId: UNKNOWN_CRITERION }),
    loader: adminOnly("login"),
    action: adminOnly("unauthorized"),
  },
];
