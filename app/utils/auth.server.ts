import { messagesFor } from "~/i18n";
import { redirect } from "@remix-run/node";
import { type Action, can } from "~/domain/permissions";
import { findSessionUser, type SessionUser } from "~/models/session.server";
import { getDatabase } from "./db.server";
import { getEnv } from "./env.server";
import { getCookies } from "./session-cookie.server";
import { requestIdOf } from "./request-id";
import { LRUCache } from "lru-cache";

export type { SessionUser };

export function sessionTimeouts() {
  const env = getEnv();
  return { idleMinutes: env.SESSION_IDLE_TIMEOUT_MINUTES, absoluteHours: env.SESSION_ABSOLUTE_TIMEOUT_HOURS };
}

export async function readSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await getCookies().session.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

// Remix runs the root loader and the route loader for the same page view, each with its own copy of
// the Request: the lookup is shared through the request id server.ts sets (GET and HEAD only – an
// action may sign in, out or change the person, and the page it renders must see that), with the
// Request object itself as the key where there is no id (loaders called directly, as in tests).
const lookupsByRequest = new WeakMap<Request, Promise<SessionUser | null>>();
const lookupsByRequestId = new LRUCache<string, Promise<SessionUser | null>>({ max: 2_000, ttl: 60_000 });

/** The signed-in user, or null. */
export function getSessionUser(request: Request): Promise<SessionUser | null> {
  const requestId = request.method === "GET" || request.method === "HEAD" ? requestIdOf(request) : null;
  let lookup = requestId ? lookupsByRequestId.get(requestId) : lookupsByRequest.get(request);
  if (!lookup) {
    lookup = (async () => {
      const token = await readSessionToken(request);
      if (!token) return null;
      const { db } = await getDatabase();
      return findSessionUser(db, token, new Date(), sessionTimeouts());
    })();
    if (requestId) lookupsByRequestId.set(requestId, lookup);
    else lookupsByRequest.set(request, lookup);
  }
  return lookup;
}

/** Only same-site paths: "/ideas/1" yes; "//evil.example", "https://…", "/\\evil" no. */
export function safeRedirectPath(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) {
    return fallback;
  }
  try {
    const url = new URL(target, "http://idesluss.invalid");
    if (url.origin !== "http://idesluss.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/**
 * The guard every protected loader and action starts with. Signed out: a page request is sent to
 * /login (and back afterwards); anything else gets 401.
 */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getSessionUser(request);
  if (user) return user;
  const url = new URL(request.url);
  if (request.method === "GET" && !url.pathname.startsWith("/api/")) {
    const back = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  throw new Response(messagesFor("sv").errors.signInRequired, { status: 401 });
}

/** Signed in and allowed to take `action` on `resource`, or 401/403. */
export async function requirePermission(request: Request, action: Action, resource?: unknown): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!can(user, action, resource)) {
    throw forbidden();
  }
  return user;
}

/** The 403 answer for a refused action (thrown by guards and by routes whose service said no). */
export function forbidden(): Response {
  return new Response(messagesFor("sv").errors.forbiddenAction, { status: 403 });
}
