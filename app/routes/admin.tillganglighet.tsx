import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { type AdminActionData, fieldErrorsByField } from "~/components/admin/action-data";
import { AdminNotice, SubmitButton } from "~/components/admin/feedback";
import { Pagination } from "~/components/admin/pagination";
import { ErrorSummary, Field } from "~/components/forms";
import { formatDate, messagesFor } from "~/i18n";
import { type FeedbackRow, listFeedback } from "~/models/accessibility-feedback.server";
import { FEEDBACK_LIMITS, FEEDBACK_STATUS_FILTERS, feedbackListSchema, markHandledSchema } from "~/schemas/accessibility-feedback";
import { markAccessibilityFeedbackHandled } from "~/services/accessibility-feedback.server";
import feedbackStyles from "~/styles/accessibility-feedback.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: feedbackStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).accessibilityFeedback.admin.title }];

const PAGE_SIZE = 25;

type ReportView = Omit<FeedbackRow, "createdAt" | "handledAt"> & { createdAt: string; handledAt: string | null };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.accessibility_feedback.manage");
  const parsed = feedbackListSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const error = fieldErrorsByField(parsed.error).status ?? null;
    return data({ status: "ny" as const, error, rows: [] as ReportView[], total: 0, page: 1, pageCount: 0 }, { status: 400 });
  }
  const { status, sida } = parsed.data;
  const { db } = await getDatabase();
  const result = await listFeedback(db, { status: status === "alla" ? null : status, page: sida, pageSize: PAGE_SIZE });
  const rows: ReportView[] = result.rows.map((row) => ({
    ...row, createdAt: row.createdAt.toISOString(), handledAt: row.handledAt?.toISOString() ?? null,
  }));
  return data({ status, error: null, rows, total: result.total, page: sida, pageCount: Math.ceil(result.total / PAGE_SIZE) });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "admin.accessibility_feedback.manage");
  const form = Object.fromEntries(await readFormData(request));
  const intent = typeof form.intent === "string" ? form.intent.slice(0, 60) : "";
  const values = { note: typeof form.note === "string" ? form.note : "" };
  const parsed = markHandledSchema.safeParse(form);
  if (!parsed.success) {
    return data<AdminActionData>({ intent, fieldErrors: fieldErrorsByField(parsed.error), values }, { status: 400 });
  }
  const { db } = await getDatabase();
  const result = await markAccessibilityFeedbackHandled(db, {
    id: parsed.data.id, note: parsed.data.note, actorId: admin.id, ipAddress: context.clientIp ?? null, now: new Date(),
  });
  if (!result.ok) {
    const e = messagesFor("sv").accessibilityFeedback.errors;
    const refusal = result.reason === "already_handled" ? { formError: e.alreadyHandled, status: 409 } : { formError: e.unknownReport, status: 404 };
    return data<AdminActionData>({ intent, formError: refusal.formError, values }, { status: refusal.status });
  }
  // Back to the same filter from its first page: the handled report may have been the last on its page.
  const back = new URL(request.url).searchParams;
  back.delete("sida");
  back.set("meddelande", "rapport-hanterad");
  return redirect(`/admin/tillganglighet?${back}`);
}

export default function AdminAccessibilityFeedback() {
  const { status, error, rows, total, page, pageCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<AdminActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().accessibilityFeedback.admin;
  const localise = useLocalise();
  return (
    <section aria-labelledby="tillganglighet-admin-rubrik">
      <h2 id="tillganglighet-admin-rubrik" className="admin__page-heading">{t.heading}</h2>
      <p className="lead">{t.lead}</p>
      <AdminNotice />
      <nav aria-label={t.filterLabel} className="feedback-filter">
        <ul>
          {FEEDBACK_STATUS_FILTERS.map((filter) => (
            <li key={filter}>
              <Link to={filter === "ny" ? "/admin/tillganglighet" : `/admin/tillganglighet?status=${filter}`}
                aria-current={filter === status ? "page" : undefined}>{t.filters[filter]}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {error && <p className="alert alert--error" role="alert">{localise(error)}</p>}
      {/* A refusal for a report no longer shown as open (handled meanwhile, or gone) is said here. */}
      {actionData?.formError && !rows.some((row) => row.status === "ny" && actionData.intent === `handle-${row.id}`) && (
        <p className="alert alert--error" role="alert">{localise(actionData.formError)}</p>
      )}
      <p className="result-count">{t.shown(rows.length, total)}</p>
      {rows.length === 0
        ? <p className="empty-state">{t.empty[status]}</p>
        : (
          <ol className="feedback-list">
            {rows.map((row) => <li key={row.id}><Report row={row} actionData={actionData} /></li>)}
          </ol>
        )}
      <Pagination page={page} pageCount={pageCount} search={searchParams} />
    </section>
  );
}

function Report({ row, actionData }: { row: ReportView; actionData: AdminActionData | undefined }) {
  const t = useMessages().accessibilityFeedback.admin;
  const locale = useLocale();
  const localise = useLocalise();
  const intent = `handle-${row.id}`;
  const mine = actionData?.intent === intent ? actionData : undefined;
  const noteField = `note-${row.id}`;
  const headingId = `rapport-${row.id}`;
  return (
    <article className="panel feedback-report" aria-labelledby={headingId}>
      <h3 id={headingId}>{t.reportHeading(row.reference)}</h3>
      <dl>
        <dt>{t.status}</dt>
        <dd>{row.status === "ny" ? t.statusNew : t.statusHandled(formatDate(locale, new Date(row.handledAt!)), row.handledByName ?? "–")}</dd>
        <dt>{t.received}</dt>
        <dd>{formatDate(locale, new Date(row.createdAt))}</dd>
        <dt>{t.page}</dt>
        <dd>{row.pageUrl || t.noPage}</dd>
        <dt>{t.reporter}</dt>
        <dd>{row.submittedByName ?? t.anonymous}</dd>
        <dt>{t.contact}</dt>
        <dd>
          {row.contactName}{row.contactName && row.contactEmail ? ", " : ""}
          {row.contactEmail ? <a href={`mailto:${row.contactEmail}`}>{row.contactEmail}</a> : null}
          {!row.contactName && !row.contactEmail && t.noContact}
          {row.wantsReply && <> ({t.wantsReply})</>}
        </dd>
        {row.status === "hanterad" && row.handledNote && (<><dt>{t.note}</dt><dd className="feedback-report__text">{row.handledNote}</dd></>)}
      </dl>
      <p className="feedback-report__text">{row.description}</p>
      {row.status === "ny" && (
        <Form method="post" className="stack">
          {mine?.formError && <div className="alert alert--error" role="alert">{localise(mine.formError)}</div>}
          <ErrorSummary errors={mine?.fieldErrors?.note ? { [noteField]: mine.fieldErrors.note } : {}} title={t.errorSummaryTitle} />
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="id" value={row.id} />
          <Field name={noteField} label={t.noteLabel} hint={t.noteHint} error={mine?.fieldErrors?.note}>
            {(a11y) => <textarea {...a11y} name="note" rows={2} maxLength={FEEDBACK_LIMITS.note} defaultValue={mine?.values?.note as string | undefined} />}
          </Field>
          <SubmitButton intent={intent} label={t.markHandled} />
        </Form>
      )}
    </article>
  );
}
