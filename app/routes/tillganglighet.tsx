import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FeedbackForm, type FeedbackActionData } from "~/components/accessibility/feedback-form";
import { fieldErrorsOf } from "~/components/forms";
import { formatDate, messagesFor } from "~/i18n";
import { accessibilityFeedbackSchema, FEEDBACK_LIMITS } from "~/schemas/accessibility-feedback";
import { reportAccessibilityProblem } from "~/services/accessibility-feedback.server";
import feedbackStyles from "~/styles/accessibility-feedback.css";
import { getSessionUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { takeFeedbackAllowance } from "~/utils/feedback-rate-limit.server";
import { metaLocale, useLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

// The accessibility statement (public) and its report form: anyone may report, also without signing in –
// the problem may be that signing in does not work.

// The date the statement's content was last reviewed (not the build date).
const STATEMENT_UPDATED = new Date("2026-11-24T12:00:00Z");
const DIGG_REPORT_URL = "https://www.digg.se/tdosanmalan";
const REFERENCE = /^TG-\d{4}-\d{4,}$/;

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).accessibilityStatement.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await getSessionUser(request);
  const sent = url.searchParams.get("skickat");
  return {
    pageUrl: reportedPage(url, request.headers.get("Referer")),
    sentReference: sent && REFERENCE.test(sent) ? sent : null,
    signedInAs: user?.name ?? null,
  };
}

/** The page the report is about: ?sida=… or, failing that, the page of this site the visitor came from. */
function reportedPage(url: URL, referer: string | null): string {
  const given = url.searchParams.get("sida");
  if (given) return given.slice(0, FEEDBACK_LIMITS.pageUrl);
  if (!referer) return "";
  try {
    const from = new URL(referer);
    if (from.origin !== url.origin || from.pathname === url.pathname) return "";
    return `${from.pathname}${from.search}`.slice(0, FEEDBACK_LIMITS.pageUrl);
  } catch {
    return "";
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getSessionUser(request);
  const form = await readFormData(request);
  const values: FeedbackActionData["values"] = {};
  for (const name of ["description", "pageUrl", "name", "email", "wantsReply"] as const) {
    const value = form.get(name);
    if (typeof value === "string") values[name] = value.slice(0, 10_000);
  }
  const parsed = accessibilityFeedbackSchema.safeParse(values);
  if (!parsed.success) return data<FeedbackActionData>({ fieldErrors: fieldErrorsOf(parsed.error), values }, { status: 400 });
  const ipAddress = context.clientIp ?? null;
  const waitSeconds = await takeFeedbackAllowance(ipAddress);
  if (waitSeconds > 0) {
    return data<FeedbackActionData>(
      { formError: messagesFor("sv").accessibilityFeedback.errors.tooMany, values },
      { status: 429, headers: { "Retry-After": String(waitSeconds) } },
    );
  }
  const { db } = await getDatabase();
  const { reference } = await reportAccessibilityProblem(db, {
    report: parsed.data, reporterId: user?.id ?? null, ipAddress, now: new Date(),
  });
  return redirect(`/tillganglighet?${new URLSearchParams({ skickat: reference })}#rapportera`);
}

export default function AccessibilityStatement() {
  const { pageUrl, sentReference, signedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<FeedbackActionData>();
  const messages = useMessages();
  const t = messages.accessibilityStatement;
  const locale = useLocale();
  return (
    <article className="prose" aria-labelledby="tillganglighet-rubrik">
      <h1 id="tillganglighet-rubrik">{t.heading}</h1>
      <p className="lead">{t.intro}</p>
      <h2>{t.statusHeading}</h2>
      <p>{t.status}</p>
      <h2>{t.knownIssuesHeading}</h2>
      <ul>{t.knownIssues.map((issue) => <li key={issue}>{issue}</li>)}</ul>
      <h2>{t.reportHeading}</h2>
      <p>{t.report}</p>
      <section className="panel feedback-form" id="rapportera" tabIndex={-1} aria-labelledby="rapportera-rubrik">
        <h3 id="rapportera-rubrik">{messages.accessibilityFeedback.form.heading}</h3>
        <p>{messages.accessibilityFeedback.form.lead}</p>
        <div role="status" className="feedback-form__status">
          {sentReference && <p className="alert alert--success">{messages.accessibilityFeedback.form.sent(sentReference)}</p>}
        </div>
        {/* A new key after sending empties the form for the next report. */}
        <FeedbackForm key={sentReference ?? "ny"} actionData={actionData} pageUrl={pageUrl} signedInAs={signedInAs} />
      </section>
      <h2>{t.supervisionHeading}</h2>
      <p>{t.supervision}</p>
      <p><a href={DIGG_REPORT_URL} hrefLang="sv">{t.supervisionLink}</a></p>
      <p className="muted">{t.updated} {formatDate(locale, STATEMENT_UPDATED)}.</p>
    </article>
  );
}
