import { adminOnly, type RouteAccess, signedIn } from "./types";

// Following ideas (issue 5, items 4, 6, 7): every signed-in person reads submitted ideas, comments,
// follows, and manages their own notifications; the outbox is for administrators. Signed-out posts
// get 401. An empty form is refused with 400 ("allow" in the matrix's terms).
export const followRoutes: RouteAccess[] = [
  { route: "ideas._index", path: () => "/ideas", loader: signedIn("login") },
  { route: "ideas.mine", path: () => "/ideas/mine", loader: signedIn("login") },
  {
    route: "ideas.$ideaId._index",
    path: (f) => `/ideas/${f.ostermalmIdeaId}`,
    params: (f) => ({ ideaId: f.ostermalmIdeaId }),
    loader: signedIn("login"),
    action: signedIn("unauthorized"),
  },
  { route: "notifications", path: () => "/notifications", loader: signedIn("login"), action: signedIn("unauthorized") },
  { route: "installningar", path: () => "/installningar", loader: signedIn("login"), action: signedIn("unauthorized") },
  { route: "admin.utkorg", path: () => "/admin/utkorg", loader: adminOnly("login") },
];
