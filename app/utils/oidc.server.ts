import * as client from "openid-client";
import { isLoopbackIssuer } from "./env.server";
import { oidcSettings, type OidcSettings } from "./oidc-config.server";

/** Why a sign-in with the city's account did not go through; the callback maps each to a page. */
export type OidcFailureReason =
  | "provider_error" // the provider answered with ?error=… (the person cancelled, consent refused …)
  | "invalid_response" // state, PKCE, nonce, issuer, signature or token exchange did not check out
  | "missing_claims" // no usable e-mail address among the claims
  | "unavailable"; // the provider could not be reached

export class OidcSignInError extends Error {
  override name = "OidcSignInError";
  constructor(readonly reason: OidcFailureReason, message: string, readonly providerError?: string) {
    super(message);
  }
}

/** The person the provider vouches for, reduced to what Idéslussen uses. */
export interface OidcIdentity {
  /** `${issuer}|${sub}`: sub is only unique per issuer (and, in Entra ID, per application). */
  subject: string;
  email: string | null;
  /** false only when the provider says so explicitly; Entra ID sends no email_verified at all. */
  emailVerified: boolean | null;
  name: string | null;
  /** Raw value of OIDC_UNIT_CLAIM, when configured and present. */
  unit: string | null;
}

/** What the sign-in start keeps in the short-lived oidc cookie until the provider sends the person back. */
export interface OidcPendingSignIn {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectTo: string;
}

let discovered: Promise<client.Configuration> | undefined;

function requireSettings(): OidcSettings {
  const settings = oidcSettings();
  if (!settings) throw new Error("OIDC är inte konfigurerat.");
  return settings;
}

/** Issuer metadata, discovered on first use and kept; a failed discovery is retried on the next sign-in. */
function configuration(): Promise<client.Configuration> {
  if (!discovered) {
    const settings = requireSettings();
    const issuer = new URL(settings.issuer);
    // Never for a remote host: env validation refuses http issuers that are not loopback, and so do we.
    const insecure = issuer.protocol === "http:" && isLoopbackIssuer(settings.issuer);
    const attempt = client.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      settings.clientSecret ? client.ClientSecretPost(settings.clientSecret) : client.None(),
      { execute: insecure ? [client.allowInsecureRequests] : [], timeout: 10 },
    );
    discovered = attempt;
    attempt.catch(() => {
      if (discovered === attempt) discovered = undefined;
    });
  }
  return discovered;
}

/** The provider's authorization URL for a fresh sign-in, and the checks to keep until the callback. */
export async function beginSignIn(redirectTo: string): Promise<{ url: URL; pending: OidcPendingSignIn }> {
  const settings = requireSettings();
  let config: client.Configuration;
  try {
    config = await configuration();
  } catch (error) {
    throw unavailable(error);
  }
  const codeVerifier = client.randomPKCECodeVerifier();
  const pending: OidcPendingSignIn = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    codeVerifier,
    redirectTo,
  };
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state: pending.state,
    nonce: pending.nonce,
  });
  return { url, pending };
}

/**
 * Checks the provider's answer (state, PKCE, nonce, issuer, ID token signature and lifetime, all in
 * openid-client) and returns who signed in. Claims missing from the ID token are read from userinfo.
 */
export async function completeSignIn(
  callbackUrl: URL,
  pending: OidcPendingSignIn,
): Promise<OidcIdentity & { email: string }> {
  const settings = requireSettings();
  let config: client.Configuration;
  try {
    config = await configuration();
  } catch (error) {
    throw unavailable(error);
  }
  // The redirect_uri sent to the token endpoint must be the registered one, not whatever host and
  // scheme this request reached us on behind a proxy; only the query is the provider's answer.
  const current = new URL(settings.redirectUri);
  current.search = callbackUrl.search;
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      throw new OidcSignInError("provider_error", error.error_description ?? error.error, error.error);
    }
    if (isNetworkError(error)) throw unavailable(error);
    throw new OidcSignInError("invalid_response", error instanceof Error ? error.message : String(error));
  }
  const idToken = tokens.claims();
  if (!idToken) throw new OidcSignInError("invalid_response", "ID-token saknas i svaret.");
  let claims: Record<string, unknown> = idToken;
  const wanted = [settings.claims.email, settings.claims.name, settings.claims.unit].filter(Boolean) as string[];
  if (wanted.some((name) => idToken[name] === undefined) && config.serverMetadata().userinfo_endpoint) {
    try {
      const userInfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
      // The signed ID token wins where both carry a claim.
      claims = { ...userInfo, ...idToken };
    } catch (error) {
      console.warn(`OIDC: userinfo kunde inte hämtas (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  const identity = identityFromClaims(claims, config.serverMetadata().issuer, settings.claims);
  const { email } = identity;
  if (!email) {
    throw new OidcSignInError("missing_claims", `Anspråket ${settings.claims.email} saknas eller är ingen e-postadress.`);
  }
  return { ...identity, email };
}

/** Pure: maps provider claims to an identity using the configured claim names. */
export function identityFromClaims(
  claims: Record<string, unknown>,
  issuer: string,
  names: { email: string; name: string; unit?: string | undefined },
): OidcIdentity {
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
  const email = text(claims[names.email]);
  const validEmail = email && email.length <= 320 && /^[^@\s]+@[^@\s]+$/.test(email) ? email : null;
  return {
    subject: `${issuer}|${String(claims.sub)}`,
    email: validEmail,
    emailVerified: typeof claims.email_verified === "boolean" ? claims.email_verified : null,
    name: text(claims[names.name])?.slice(0, 200) ?? null,
    unit: names.unit ? text(claims[names.unit]) : null,
  };
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError && /fetch failed|network/i.test(error.message);
}

function unavailable(error: unknown): OidcSignInError {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`OIDC: identitetsleverantören svarar inte (${message}).`);
  return new OidcSignInError("unavailable", message);
}

/** The oidc cookie's content, or null when it is missing, expired, tampered with (signature) or malformed. */
export function parsePendingSignIn(value: unknown): OidcPendingSignIn | null {
  if (!value || typeof value !== "object") return null;
  const { state, nonce, codeVerifier, redirectTo } = value as Record<string, unknown>;
  const ok = [state, nonce, codeVerifier, redirectTo].every((part) => typeof part === "string" && part.length > 0 && part.length <= 2000);
  return ok ? { state, nonce, codeVerifier, redirectTo } as OidcPendingSignIn : null;
}
