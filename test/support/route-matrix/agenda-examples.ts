import { type Expectation, type RouteAccess, signedIn, type Who } from "./types";

// Routes of the meeting agenda and good examples (issue 8).
// - /portfolio/agenda: "portfolio.view" (styrgrupp, administrators).
// - /ideas/<id>/gott-exempel: "good_example.mark" (styrgrupp, administrators); an empty form is 400 ("allow").
// - /goda-exempel: everyone signed in ("good_examples.view").
// - /goda-exempel/<id>/infor: "good_example.adopt" (kontaktperson, administrators); the demo idea used
//   here is not a good example, so those allowed get 404 ("allow"): the guard runs first.
const steering = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "forbidden", styrgrupp: "allow", administrator: "allow",
});
const adopters = (anonymous: Expectation): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "allow", styrgrupp: "forbidden", administrator: "allow",
});

export const agendaExampleRoutes: RouteAccess[] = [
  {
    route: "portfolio.agenda",
    path: () => "/portfolio/agenda",
    loader: steering("login"),
  },
  {
    route: "ideas.$ideaId.gott-exempel",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/gott-exempel`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: steering("login"),
    action: steering("unauthorized"),
  },
  {
    route: "goda-exempel._index",
    path: () => "/goda-exempel",
    loader: signedIn("login"),
  },
  {
    route: "goda-exempel.$ideaId.infor",
    path: (f) => `/goda-exempel/${f.ostermalmIdeaId}/infor`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: adopters("login"),
    action: adopters("unauthorized"),
  },
];
