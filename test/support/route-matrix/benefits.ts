import { type Expectation, type RouteAccess, signedIn, type Who } from "./types";

// Routes of the business case and benefits realisation (issue 7), area: benefits.
// /ideas/<id>/nyttorealisering: everyone signed in reads it. Recording actuals ("idea.record_benefits")
// is for those who handle the idea (the Östermalm kontaktperson, the styrgrupp, administrators) and the
// pilot's owner; a medarbetare who is not involved is refused (403). An empty form is refused with 400
// (nothing saved) – "allow".
const recorders = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "allow", administrator: "allow",
});

export const benefitsRoutes: RouteAccess[] = [
  {
    route: "ideas.$ideaId.nyttorealisering",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/nyttorealisering`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
    action: recorders("unauthorized"),
  },
  {
    // A well-formed year in an idea that has not reached the pilot: 409 for those who may record ("allow").
    route: "ideas.$ideaId.nyttorealisering",
    path: (f) => `/ideas/${f.ostermalmBedomningIdeaId}/nyttorealisering`,
    params: (f) => ({ ideaId: f.ostermalmBedomningIdeaId }),
    loader: signedIn("login"),
    action: recorders("unauthorized"),
    actionBody: () => ({ intent: "save_year", yearIndex: "0", stamp: "", one_off_cost: "", running_cost: "", saving: "1 000", time_saving: "" }),
  },
];
