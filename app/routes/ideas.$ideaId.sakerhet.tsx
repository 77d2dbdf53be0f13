import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { fieldErrorsOf } from "~/components/forms";
import { useFormat } from "~/components/idea/format";
import { ScreeningForm, type ScreeningActionData } from "~/components/security/screening-form";
import { ScreeningAnswersFacts } from "~/components/security/screening-summary";
import { can } from "~/domain/permissions";
import {
  answersFromSubmission, flaggedAtSubmission, mayReadScreening, protectionLevel, SCREENING_FIELDS, screeningEditable,
} from "~/domain/security-screening";
import { messagesFor } from "~/i18n";
import { findScreening, type SavedScreening } from "~/models/security-screenings.server";
import { screeningAnswersOf, screeningFieldsOf, screeningFormSchema } from "~/schemas/security";
import { saveScreening } from "~/services/security-screening.server";
import ideasStyles from "~/styles/ideas.css";
import securityStyles from "~/styles/security.css";
import { forbidden, requirePermission } from "~/utils/auth.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }, { rel: "stylesheet", href: securityStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: messagesFor(metaLocale(matches)).security.screening.title(data?.idea.reference ?? "") },
];

const notFound = () => new Response(messagesFor("sv").ideas.page.notFound, { status: 404 });

/**
 * Signed in, the idea is submitted and visible, and the person may read its screening: those who
 * handle the idea and its submitter (the answers can describe weaknesses in systems) – or 403/404.
 */
async function authorise(request: Request, rawId: string | undefined) {
  const found = await requireSubmittedIdea(request, rawId);
  if (!mayReadScreening(found.user, found.resource)) throw forbidden();
  return found;
}

const savedView = (saved: SavedScreening | undefined) => saved && {
  ...saved, protectionLevel: protectionLevel(saved.answers), completedAt: saved.completedAt?.toISOString() ?? null,
  updatedAt: saved.updatedAt.toISOString(),
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  const saved = await findScreening(db, idea.id);
  const submission = {
    handlesPersonalData: idea.handles_personal_data, handlesSensitivePersonalData: idea.handles_sensitive_personal_data,
    informationOwner: idea.information_owner,
  };
  const canEdit = can(user, "idea.screen_security", resource);
  return {
    idea: { id: idea.id, reference: idea.reference ?? "", title: idea.title, stage: idea.stage, merged: idea.merged_into_id !== null },
    saved: savedView(saved),
    defaults: saved ? screeningFieldsOf(saved.answers, saved.notes, saved.version) : screeningFieldsOf(answersFromSubmission(submission), "", 0),
    flagged: flaggedAtSubmission(submission),
    canEdit,
    editable: canEdit && screeningEditable({ stage: idea.stage, merged: idea.merged_into_id !== null }),
  };
}

type ActionData = ScreeningActionData & { saved?: ReturnType<typeof savedView>; conflict?: boolean };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  await requirePermission(request, "idea.screen_security", resource);
  const t = messagesFor("sv").security;
  const form = Object.fromEntries(await readFormData(request));
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
  const refused = async (status: number, body: Omit<ActionData, "saved" | "values">) =>
    data<ActionData>({ values, ...body, saved: savedView(await findScreening(db, idea.id)) }, { status });

  const parsed = screeningFormSchema.safeParse(form);
  if (!parsed.success) {
    const fieldErrors = fieldErrorsOf(parsed.error);
    const missing = SCREENING_FIELDS.filter((field) => fieldErrors[field] === t.errors.missing[field]);
    const formError = fieldErrors.intent ?? fieldErrors.version ??
      (missing.length ? t.errors.incomplete(missing.map((f) => t.screening.fieldNames[f]).join(", ")) : undefined);
    return refused(400, { fieldErrors, ...(formError ? { formError } : {}) });
  }
  const result = await saveScreening(db, {
    actorId: user.id, ideaId: idea.id, intent: parsed.data.intent, answers: screeningAnswersOf(parsed.data),
    notes: parsed.data.notes, expectedVersion: Number(parsed.data.version), now: new Date(), ipAddress: context.clientIp ?? null,
  });
  if (result.ok) {
    const notice = { draft: "utkast-sparat", completed: "bedomning-klar", reopened: "bedomning-oppnad" }[result.outcome];
    return redirect(`/ideas/${idea.id}/sakerhet?meddelande=${notice}`);
  }
  switch (result.reason) {
    case "not_found": throw notFound();
    case "locked": return refused(409, { formError: t.errors.screeningLocked });
    case "conflict": return refused(409, { formError: t.errors.screeningConflict, conflict: true });
    case "incomplete":
      return refused(400, { formError: t.errors.incomplete(result.missing.map((f) => t.screening.fieldNames[f]).join(", ")) });
    case "inconsistent":
      return refused(400, { formError: result.problems.includes("sensitive_without_personal") ? t.errors.sensitiveWithoutPersonal : t.errors.sensitiveWithoutDpia });
  }
}

export default function SecurityScreening() {
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.security.screening;
  const { idea } = loaded;
  // After a refused save the action sends the screening as it is saved now.
  const saved = actionData ? actionData.saved : loaded.saved;
  const notice = searchParams.get("meddelande");
  // A conflict moves the next save onto the fresh version; any other refusal keeps the one opened.
  const version = actionData?.conflict ? (saved?.version ?? 0) : Number(actionData?.values?.version ?? loaded.defaults.version);
  return (
    <section aria-labelledby="sakerhet-rubrik" className="security-page">
      <h1 id="sakerhet-rubrik">{t.headingFor(idea.reference)}</h1>
      <p className="security-page__idea break">{idea.title}</p>
      <p><Link to={`/ideas/${idea.id}`}>{t.backToIdea}</Link></p>
      <div role="status">{!actionData && knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}</div>
      <p className="lead">{t.lead}</p>
      <p className="muted">{t.whoSees}</p>
      {loaded.flagged && saved?.completedAt == null && <p className="alert security-flag">{t.flagged}</p>}
      {loaded.editable ? (
        <>
          {!loaded.saved && <p className="muted">{t.prefilled}</p>}
          {actionData?.conflict && saved && <SavedScreeningPanel saved={saved} heading={t.freshHeading} />}
          <ScreeningForm defaults={loaded.defaults} version={version} completed={Boolean(saved?.completedAt)} actionData={actionData} />
        </>
      ) : (
        <>
          {loaded.canEdit && <p className="alert">{idea.merged ? t.readOnlyMerged : t.readOnly(messages.stages[idea.stage].name)}</p>}
          {saved ? <SavedScreeningPanel saved={saved} heading={t.heading} /> : <p>{t.noScreening}</p>}
        </>
      )}
    </section>
  );
}

function SavedScreeningPanel({ saved, heading }: { saved: NonNullable<ReturnType<typeof savedView>>; heading: string }) {
  const t = useMessages().security;
  const fmt = useFormat();
  return (
    <section className="panel" aria-labelledby="sparad-bedomning">
      <h2 id="sparad-bedomning" className="h3">{heading}</h2>
      <p>{saved.completedAt && saved.completedByName ? t.summary.completedBy(saved.completedByName, fmt.date(saved.completedAt)) : t.summary.draft}</p>
      <dl className="security-facts">
        <ScreeningAnswersFacts answers={{ ...saved.answers, protectionLevel: saved.protectionLevel }} />
        {saved.notes && <div><dt>{t.screening.notes}</dt><dd className="security-notes">{saved.notes}</dd></div>}
      </dl>
    </section>
  );
}
