import type { AppLoadContext } from "@remix-run/node";

// Calling admin loaders and actions directly, as Remix would, and reading what they answer.

export const TEST_IP = "203.0.113.9";
const context: AppLoadContext = { clientIp: TEST_IP, cspNonce: "test" };

type Handler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => Promise<unknown>;

export interface Outcome<T = any> {
  status: number;
  /** Redirect target, when the answer is a redirect. */
  location: string | null;
  /** The loader/action data (for data() results and plain objects). */
  data: T;
}

export function getRequest(path: string, cookie: string | null): Request {
  return new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** A form post; repeat a name for checkbox groups: [["roles", "a"], ["roles", "b"]]. */
export function postRequest(path: string, cookie: string | null, fields: [string, string][]): Request {
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (cookie) headers.Cookie = cookie;
  return new Request(`http://localhost${path}`, { method: "POST", headers, body: new URLSearchParams(fields) });
}

/** Runs a loader or action; thrown Responses (404, 403, redirects) count as answers too. */
export async function call<T = any>(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<Outcome<T>> {
  let result: unknown;
  try {
    result = await handler({ request, params, context });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) {
    return { status: result.status, location: result.headers.get("Location"), data: (await result.text()) as T };
  }
  if (result && typeof result === "object" && (result as { type?: string }).type === "DataWithResponseInit") {
    const wrapped = result as { data: T; init: ResponseInit | null };
    return { status: wrapped.init?.status ?? 200, location: null, data: wrapped.data };
  }
  return { status: 200, location: null, data: result as T };
}
