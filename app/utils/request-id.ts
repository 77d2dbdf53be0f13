/**
 * The header server.ts sets on every incoming request (overwriting anything a client sent) with a
 * fresh random id. Remix gives each loader of one page view its own copy of the Request, so per-request
 * memos (the session lookup) key on this id instead of on the Request object.
 */
export const REQUEST_ID_HEADER = "x-idesluss-request-id";

/** The server-assigned id of this request, or null outside server.ts (tests that call loaders directly). */
export function requestIdOf(request: Request): string | null {
  return request.headers.get(REQUEST_ID_HEADER);
}
