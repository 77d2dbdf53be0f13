/**
 * The permission matrix the authorisation test enforces: every route module in app/routes must have
 * an entry, listing per role (and anonymous) what its loader and action answer.
 *
 * - "allow": anything but 401/403 and a redirect to /login (a 400 for a deliberately empty form counts)
 * - "login": a redirect to /login (signed-out page request)
 * - "unauthorized": 401
 * - "forbidden": 403
 */
export type Who = "anonymous" | "medarbetare" | "kontaktperson" | "styrgrupp" | "administrator";
export type Expectation = "allow" | "login" | "unauthorized" | "forbidden";

/** Ids from the demo data a route may need to build its URL. */
export interface MatrixFixtures {
  users: Record<Exclude<Who, "anonymous">, string>;
  /** Östermalms stadsdelsförvaltning (the demo kontaktperson's scope). */
  ostermalmUnitId: string;
  /** A unit outside the kontaktperson's scope. */
  otherUnitId: string;
  /** A submitted demo idea in Östermalm. */
  ostermalmIdeaId: string;
  /** A submitted, unmerged demo idea in Östermalm in stage bedömning (its gates are the kontaktperson's). */
  ostermalmBedomningIdeaId: string;
}

export interface RouteAccess {
  /** File name under app/routes without extension, e.g. "admin.users.$userId". */
  route: string;
  /** Path to request, e.g. `/admin/users/${f.users.medarbetare}`. */
  path: (fixtures: MatrixFixtures) => string;
  params?: (fixtures: MatrixFixtures) => Record<string, string>;
  loader?: Record<Who, Expectation>;
  action?: Record<Who, Expectation>;
  /** Form fields for the action request; an empty form if absent. */
  actionBody?: (fixtures: MatrixFixtures) => Record<string, string>;
}

export const everyone = (expectation: Expectation): Record<Who, Expectation> => ({
  anonymous: expectation, medarbetare: expectation, kontaktperson: expectation, styrgrupp: expectation, administrator: expectation,
});

/** Signed-in only: anonymous page requests go to /login, every role is allowed. */
export const signedIn = (anonymous: Expectation = "login"): Record<Who, Expectation> => ({
  ...everyone("allow"), anonymous,
});

/** Only administrators; other roles get 403, anonymous goes to /login (or 401 for actions). */
export const adminOnly = (anonymous: Expectation = "login"): Record<Who, Expectation> => ({
  anonymous, medarbetare: "forbidden", kontaktperson: "forbidden", styrgrupp: "forbidden", administrator: "allow",
});
