import type { Locale } from "~/domain/vocabulary";
import { getSessionUser } from "./auth.server";
import { getEnv } from "./env.server";

// The language of the pages. A signed-in person's choice is kept on their user row (users.locale) and
// follows them to any browser; before signing in, the choice is kept in a plain cookie (a language is no
// secret, so it is neither signed nor HttpOnly-sensitive, but it is HttpOnly anyway: no script reads it).
// Swedish is the default: the service is Swedish first.

export const LANGUAGE_COOKIE = "idesluss_sprak";
const LOCALES: readonly Locale[] = ["sv", "en"];

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The language chosen in this browser before signing in, if any. */
export function languageFromCookie(request: Request): Locale | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LANGUAGE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

/** The Set-Cookie header that remembers `locale` in this browser for a year. */
export function languageCookieHeader(locale: Locale): string {
  const secure = getEnv().SESSION_COOKIE_SECURE ?? getEnv().NODE_ENV === "production";
  return `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}

/** The page language for this request: the user's choice, else this browser's, else Swedish. */
export async function requestLocale(request: Request): Promise<Locale> {
  const user = await getSessionUser(request);
  return user?.locale ?? languageFromCookie(request) ?? "sv";
}
