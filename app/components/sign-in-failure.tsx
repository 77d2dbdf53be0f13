import { Link } from "@remix-run/react";
import type { Messages } from "~/i18n";
import { useMessages } from "~/utils/locale";

export type SignInFailureReason = keyof Messages["sso"]["failures"];

/** The page a failed or refused sign-in with the city's account ends on: what happened, and a way back. */
export function SignInFailure({ reason, redirectTo }: { reason: SignInFailureReason; redirectTo?: string | null }) {
  const t = useMessages().sso;
  const back = redirectTo && redirectTo !== "/" ? `/login?${new URLSearchParams({ redirectTo })}` : "/login";
  return (
    <section className="narrow" aria-labelledby="inloggningsfel-rubrik">
      <h1 id="inloggningsfel-rubrik">{reason === "deactivated" ? t.refusedHeading : t.signInFailedHeading}</h1>
      <p className="alert alert--error">{t.failures[reason]}</p>
      <p><Link className="button button--primary" to={back}>{t.backToLogin}</Link></p>
    </section>
  );
}
