import { type Expectation, type RouteAccess, signedIn, type Who } from "./types";

// Routes of the stage-gate pipeline (issue 6), area: pilot.
// /ideas/<id>/pilot: everyone signed in reads the plan and evaluations. Planning ("idea.plan_pilot";
// an empty form is planning) is for those who handle the idea: the Östermalm kontaktperson, the
// styrgrupp and administrators; a medarbetare who is not involved is refused. An empty form is
// refused with 400 (nothing changes) – "allow".
const handlers = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "allow", administrator: "allow",
});

export const pilotRoutes: RouteAccess[] = [
  {
    route: "ideas.$ideaId.pilot",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/pilot`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
    action: handlers("unauthorized"),
  },
  {
    route: "ideas.$ideaId.pilot",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/pilot`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    // Evaluating ("idea.evaluate_pilot"): the same people, and the pilot's owner (none of the demo roles here).
    loader: signedIn("login"),
    action: handlers("unauthorized"),
    actionBody: () => ({ intent: "evaluate" }),
  },
  { route: "lardomar", path: () => "/lardomar", loader: signedIn("login") },
];
