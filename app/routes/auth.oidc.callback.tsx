import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignInFailure, type SignInFailureReason } from "~/components/sign-in-failure";
import { messagesFor } from "~/i18n";
import { recordOidcFailure, signInWithOidc } from "~/services/oidc-sign-in.server";
import { readSessionToken, safeRedirectPath, sessionTimeouts } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { oidcEnabled } from "~/utils/oidc-config.server";
import { completeSignIn, OidcSignInError, parsePendingSignIn } from "~/utils/oidc.server";
import { getCookies } from "~/utils/session-cookie.server";
import { metaLocale } from "~/utils/locale";
import { ssoSv } from "~/i18n/sso.sv";

// GET /auth/oidc/callback: where the city's identity provider sends the person back.

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).sso.signInFailedTitle }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!oidcEnabled()) throw new Response(ssoSv.validation.oidcDisabled, { status: 404 });
  const cookies = getCookies();
  // The sign-in state is single use: whatever happens next, it is cleared.
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", await cookies.oidc.serialize("", { maxAge: 0 }));
  const pending = parsePendingSignIn(await cookies.oidc.parse(request.headers.get("Cookie")));
  const ipAddress = context.clientIp ?? null;
  const { db } = await getDatabase();
  const failure = (reason: SignInFailureReason, status: number) =>
    data({ reason, redirectTo: pending ? safeRedirectPath(pending.redirectTo) : null }, { status, headers });

  if (!pending) {
    await recordOidcFailure(db, { reason: "missing_state", ipAddress });
    return failure("missing_state", 400);
  }
  let identity;
  try {
    identity = await completeSignIn(new URL(request.url), pending);
  } catch (error) {
    if (!(error instanceof OidcSignInError)) throw error;
    await recordOidcFailure(db, { reason: error.reason, providerError: error.providerError, ipAddress });
    return failure(error.reason, error.reason === "unavailable" ? 503 : 400);
  }
  const result = await signInWithOidc(db, {
    identity,
    previousToken: await readSessionToken(request),
    now: new Date(),
    timeouts: sessionTimeouts(),
    ipAddress,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok) return failure(result.reason, result.reason === "deactivated" ? 403 : 400);

  headers.append("Set-Cookie", await cookies.session.serialize(result.token));
  const redirectTo = safeRedirectPath(pending.redirectTo);
  return redirect(result.hasUnit ? redirectTo : `/valj-enhet?${new URLSearchParams({ redirectTo })}`, { headers });
}

type FailureData = { reason: SignInFailureReason; redirectTo: string | null };

export default function OidcCallback() {
  const { reason, redirectTo } = useLoaderData<FailureData>();
  return <SignInFailure reason={reason} redirectTo={redirectTo} />;
}
