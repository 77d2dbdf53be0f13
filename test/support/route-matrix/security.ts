import { type Expectation, type RouteAccess, signedIn, type Who } from "./types";

// Routes of the stage-gate pipeline (issue 6), area: security.
// The demo Östermalm idea is handled by the Östermalm kontaktperson, the styrgrupp and administrators;
// the demo medarbetare submitted it but does not handle it. Empty forms are refused with 400 – "allow".
// (A medarbetare who did not submit the idea gets 403 on the screening: test/integration/security-and-deviations.test.ts.)
const handlers = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "allow", administrator: "allow",
});

export const securityRoutes: RouteAccess[] = [
  {
    // Reading the screening: those who handle the idea and its submitter. Editing: those who handle it.
    route: "ideas.$ideaId.sakerhet",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/sakerhet`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: { ...handlers("login"), medarbetare: "allow" },
    action: handlers("unauthorized"),
  },
  {
    // Everyone who sees the idea sees its deviations; requesting one is for those who handle it
    // (an empty form is a request, refused with 400). Deciding is checked per intent in the tests.
    route: "ideas.$ideaId.avsteg",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/avsteg`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
    action: handlers("unauthorized"),
  },
  {
    // The city-wide list: kontaktpersoner, the styrgrupp and administrators.
    route: "avsteg._index",
    path: () => "/avsteg",
    loader: handlers("login"),
  },
];
