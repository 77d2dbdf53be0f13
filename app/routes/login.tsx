import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, type FieldErrors, fieldErrorsOf, useValidatedForm } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { loginSchema, type LoginInput } from "~/schemas/login";
import { signInWithPassword } from "~/services/sign-in.server";
import { getSessionUser, readSessionToken, safeRedirectPath, sessionTimeouts } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { oidcEnabled } from "~/utils/oidc-config.server";
import { clearFailedLogins, loginBlockedForSeconds, recordFailedLogin } from "~/utils/login-rate-limit.server";
import { metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { getCookies } from "~/utils/session-cookie.server";
import { readFormData } from "~/utils/form-data.server";

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).auth.loginTitle }];

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  if (await getSessionUser(request)) throw redirect(redirectTo);
  const { kind } = await getDatabase();
  return { sso: oidcEnabled(), demo: kind === "pglite" };
}

type ActionData = { formError?: string; fieldErrors?: FieldErrors; values?: Partial<LoginInput> };

export async function action({ request, context }: ActionFunctionArgs) {
  const t = messagesFor("sv").auth;
  const form = Object.fromEntries(await readFormData(request));
  const parsed = loginSchema.safeParse(form);
  const values = { email: typeof form.email === "string" ? form.email : "" };
  if (!parsed.success) {
    return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  }
  const ip = context.clientIp ?? null;
  const waitSeconds = await loginBlockedForSeconds(parsed.data.email, ip);
  if (waitSeconds > 0) {
    return data<ActionData>(
      { formError: t.tooManyAttempts(Math.max(1, Math.ceil(waitSeconds / 60))), values },
      { status: 429, headers: { "Retry-After": String(waitSeconds) } },
    );
  }
  const { db } = await getDatabase();
  const result = await signInWithPassword(db, {
    email: parsed.data.email,
    password: parsed.data.password,
    previousToken: await readSessionToken(request),
    now: new Date(),
    timeouts: sessionTimeouts(),
    ipAddress: ip,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!result.ok) {
    if (result.reason === "invalid_credentials") await recordFailedLogin(parsed.data.email, ip);
    const formError = result.reason === "deactivated" ? t.deactivated : t.invalidCredentials;
    return data<ActionData>({ formError, values }, { status: result.reason === "deactivated" ? 403 : 401 });
  }
  await clearFailedLogins(parsed.data.email);
  return redirect(safeRedirectPath(parsed.data.redirectTo), {
    headers: { "Set-Cookie": await getCookies().session.serialize(result.token) },
  });
}

export default function LoginPage() {
  const localise = useLocalise();
  const { sso, demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const t = useMessages().auth;
  const redirectTo = safeRedirectPathClient(searchParams.get("redirectTo"));
  const { form, formRef, onSubmit, field } = useValidatedForm({
    schema: loginSchema,
    defaultValues: { email: actionData?.values?.email ?? "", password: "", redirectTo },
    serverErrors: actionData?.fieldErrors,
  });
  const errors = form.formState.errors;
  const submitting = navigation.state === "submitting";
  const summary: FieldErrors = {
    ...(actionData?.fieldErrors ?? {}),
    ...(errors.email?.message ? { email: errors.email.message } : {}),
    ...(errors.password?.message ? { password: errors.password.message } : {}),
  };

  return (
    <section className="narrow" aria-labelledby="inloggning-rubrik">
      <h1 id="inloggning-rubrik">{t.loginHeading}</h1>
      <p className="lead">{t.loginLead}</p>
      {sso && (
        <div className="panel">
          <a className="button button--primary button--large" href={`/auth/oidc?${new URLSearchParams({ redirectTo })}`}>
            {t.ssoButton}
          </a>
          <p className="muted">{t.ssoHint}</p>
          <h2 className="h3">{t.orLocal}</h2>
        </div>
      )}
      {actionData?.formError && (
        <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>
      )}
      <ErrorSummary errors={actionData?.formError ? {} : summary} title={t.errorSummaryTitle} />
      <Form method="post" ref={formRef} onSubmit={onSubmit} noValidate className="stack">
        <input type="hidden" {...field("redirectTo")} />
        <Field name="email" label={t.email} error={errors.email?.message}>
          {(a11y) => <input {...a11y} type="email" autoComplete="username" required {...field("email")} />}
        </Field>
        <Field name="password" label={t.password} error={errors.password?.message}>
          {(a11y) => <input {...a11y} type="password" autoComplete="current-password" required {...field("password")} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={submitting} aria-disabled={submitting}>
          {submitting ? t.submitting : t.submit}
        </button>
      </Form>
      {demo && (
        <aside className="panel panel--muted" aria-labelledby="demokonton">
          <h2 id="demokonton" className="h3">{t.demoHeading}</h2>
          <p>{t.demoText} <code>idesluss-demo</code>:</p>
          <ul className="plain-list">
            {["medarbetare", "kontaktperson", "styrgrupp", "admin"].map((who) => (
              <li key={who}><code>{who}@idesluss.test</code></li>
            ))}
          </ul>
        </aside>
      )}
    </section>
  );
}

/** The client-side twin of safeRedirectPath for the hidden field (the server checks again). */
function safeRedirectPathClient(target: string | null): string {
  return target && target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/";
}
