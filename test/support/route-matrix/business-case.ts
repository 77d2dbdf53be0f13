import { type Expectation, type RouteAccess, signedIn, type Who } from "./types";

// Routes of the business case and benefits realisation (issue 7), area: business-case.
// /ideas/<id>/nyttokalkyl: everyone signed in reads the case and its versions. Saving
// ("idea.edit_business_case") is for those who handle the idea: the Östermalm kontaktperson, the
// styrgrupp and administrators; a medarbetare who is not involved is refused. An empty form is
// refused with 400 (nothing changes) – "allow". The defaults form lives on admin.installningar (inbox.ts).
const handlers = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "allow", administrator: "allow",
});

export const businessCaseRoutes: RouteAccess[] = [
  {
    route: "ideas.$ideaId.nyttokalkyl",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/nyttokalkyl`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
    action: handlers("unauthorized"),
  },
  {
    route: "ideas.$ideaId.nyttokalkyl",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/nyttokalkyl`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    // The no-JavaScript "Uppdatera antal år" request is an edit too.
    loader: signedIn("login"),
    action: handlers("unauthorized"),
    actionBody: () => ({ intent: "save", resize: "1" }),
  },
];
