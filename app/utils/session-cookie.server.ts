import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createCookie } from "@remix-run/node";
import { getEnv } from "./env.server";

/**
 * Signing secrets for cookies. Production with DATABASE_URL must set SESSION_SECRET (env validation
 * refuses to start otherwise). On the embedded database a secret is generated once and kept beside the
 * data folder, so sessions survive restarts without anyone having to invent a secret.
 */
function sessionSecrets(): string[] {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET.split(",").map((s) => s.trim());
  if (env.DATABASE_URL) {
    console.warn("SESSION_SECRET saknas: en tillfällig hemlighet används och inloggningar gäller bara tills servern startas om.");
    return [randomBytes(32).toString("base64url")];
  }
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), "session-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  return [readFileSync(file, "utf8").trim()];
}

let cookies: ReturnType<typeof makeCookies> | undefined;

function makeCookies() {
  const env = getEnv();
  const secrets = sessionSecrets();
  const secure = env.SESSION_COOKIE_SECURE ?? env.NODE_ENV === "production";
  return {
    session: createCookie("idesluss_session", {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      secrets,
      maxAge: env.SESSION_ABSOLUTE_TIMEOUT_HOURS * 3600,
    }),
    /** Short-lived state of an OIDC sign-in in progress (state, nonce, PKCE verifier, destination). */
    oidc: createCookie("idesluss_oidc", {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/auth/oidc",
      secrets,
      maxAge: 600,
    }),
  };
}

export function getCookies() {
  cookies ??= makeCookies();
  return cookies;
}
