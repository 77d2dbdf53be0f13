import { data, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { SignInFailure, type SignInFailureReason } from "~/components/sign-in-failure";
import { messagesFor } from "~/i18n";
import { getSessionUser, safeRedirectPath } from "~/utils/auth.server";
import { oidcEnabled } from "~/utils/oidc-config.server";
import { beginSignIn, OidcSignInError } from "~/utils/oidc.server";
import { getCookies } from "~/utils/session-cookie.server";
import { metaLocale } from "~/utils/locale";
import { ssoSv } from "~/i18n/sso.sv";

// GET /auth/oidc?redirectTo=…  (named _index so that /auth/oidc/callback is not nested inside it).
// A link target, not a form: CSP form-action 'self' would block a POST that redirects off-site.

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).sso.signInFailedTitle }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (!oidcEnabled()) throw new Response(ssoSv.validation.oidcDisabled, { status: 404 });
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (await getSessionUser(request)) throw redirect(redirectTo);
  try {
    const { url, pending } = await beginSignIn(redirectTo);
    return redirect(url.href, {
      headers: { "Set-Cookie": await getCookies().oidc.serialize(pending), "Cache-Control": "no-store" },
    });
  } catch (error) {
    if (error instanceof OidcSignInError) {
      return data({ reason: error.reason, redirectTo }, { status: 503, headers: { "Cache-Control": "no-store" } });
    }
    throw error;
  }
}

type FailureData = { reason: SignInFailureReason; redirectTo: string };

export default function StartOidcSignIn() {
  const { reason, redirectTo } = useLoaderData<FailureData>();
  return <SignInFailure reason={reason} redirectTo={redirectTo} />;
}
