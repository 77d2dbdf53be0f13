import { adminOnly, type RouteAccess, signedIn } from "./types";

// The submit area. Every demo account has the role medarbetare, so every role may submit. Actions get
// an empty form, answered with 400 (nothing saved) – "allow". The draft-only edit page answers 404 for
// the submitted fixture idea, which also counts as "allow".
export const submitRoutes: RouteAccess[] = [
  { route: "ideas.new", path: () => "/ideas/new", loader: signedIn("login"), action: signedIn("unauthorized") },
  {
    route: "ideas.$ideaId.redigera",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/redigera`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
    action: signedIn("unauthorized"),
  },
  {
    route: "ideas.$ideaId.kvitto",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/kvitto`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
  },
  { route: "ideas.liknande", path: () => "/ideas/liknande?title=ans%C3%B6kan", loader: signedIn("login") },
  {
    route: "ideas.$ideaId.stod",
    path: (f) => `/ideas/${f.ostermalmIdeaId}/stod`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    action: signedIn("unauthorized"),
  },
  { route: "admin.routning", path: () => "/admin/routning", loader: adminOnly("login"), action: adminOnly("unauthorized") },
];
