import { getEnv } from "./env.server";

/** Single sign-on is on when the issuer, client id and redirect URI are configured. */
export function oidcEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI);
}
