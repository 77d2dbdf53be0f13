import { getEnv } from "./env.server";

/** Single sign-on is on when the issuer, client id and redirect URI are configured. */
export function oidcEnabled(): boolean {
  const env = getEnv();
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_REDIRECT_URI);
}

export interface OidcSettings {
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret: string | undefined;
  redirectUri: string;
  scopes: string;
  claims: { name: string; email: string; unit: string | undefined };
}

/** The OIDC settings, or null when single sign-on is not configured. */
export function oidcSettings(): OidcSettings | null {
  const env = getEnv();
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_REDIRECT_URI) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    redirectUri: env.OIDC_REDIRECT_URI,
    scopes: env.OIDC_SCOPES,
    claims: { name: env.OIDC_NAME_CLAIM, email: env.OIDC_EMAIL_CLAIM, unit: env.OIDC_UNIT_CLAIM },
  };
}
