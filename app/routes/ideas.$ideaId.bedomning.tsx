import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { AssessmentResult } from "~/components/assessment/assessment-result";
import { AssessorsPanel } from "~/components/assessment/assessors-panel";
import { ScorecardForm, ScorecardReadOnly } from "~/components/assessment/scorecard-form";
import type { AssessmentActionData } from "~/components/assessment/shared";
import { fieldErrorsOf } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { listCriteria } from "~/models/assessment-criteria.server";
import { findVisibleIdea } from "~/models/idea-page.server";
import { assignAssessorSchema, chosenScores, scoreField, scorecardInput, scorecardSchema, unassignAssessorSchema } from "~/schemas/assessment";
import { type AssessmentPage, assessmentPageFor, assignAssessor, saveAssessment, unassignAssessor } from "~/services/assessments.server";
import adminStyles from "~/styles/admin.css";
import assessmentStyles from "~/styles/assessment.css";
import { requirePermission } from "~/utils/auth.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: assessmentStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: messagesFor(metaLocale(matches)).assessment.page.title(data?.idea.reference ?? "") },
];

/** Signed in, the idea is submitted, and this person sees its assessments – or 401/403/404. */
async function authorise(request: Request, rawId: string | undefined) {
  return requireSubmittedIdea(request, rawId, "idea.view_assessments");
}

/** The page as it is now for this person (after a refused save: the saved state). */
async function pageState(db: Awaited<ReturnType<typeof authorise>>["db"], user: Awaited<ReturnType<typeof authorise>>["user"], ideaId: string) {
  const found = await findVisibleIdea(db, ideaId, user.id);
  if (!found) throw new Response(messagesFor("sv").ideas.page.notFound, { status: 404 });
  return assessmentPageFor(db, { actor: user, resource: found.resource, idea: found.idea });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  return assessmentPageFor(db, { actor: user, resource, idea });
}

const NOTICES = { draft_saved: "utkast-sparat", completed: "bedomning-klar", updated: "bedomning-andrad", reopened: "bedomning-oppnad" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  const t = messagesFor("sv").assessment;
  const form = await readFormData(request);
  const intent = String(form.get("intent") ?? "");
  const base = { actor: user, ideaId: idea.id, now: new Date(), ipAddress: context.clientIp ?? null };
  const refused = async (status: number, body: Omit<AssessmentActionData, "intent" | "fresh">) =>
    data<AssessmentActionData<AssessmentPage>>({ intent, ...body, fresh: await pageState(db, user, idea.id) }, { status });
  const back = (notice: string) => redirect(`/ideas/${idea.id}/bedomning?meddelande=${notice}`);

  if (intent === "draft" || intent === "complete") {
    await requirePermission(request, "idea.assess", resource);
    const values = scorecardInput(form);
    const criteria = await listCriteria(db, { includeInactive: false });
    const parsed = scorecardSchema(criteria).safeParse(values);
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error), values });
    const result = await saveAssessment(db, {
      ...base, expectedVersion: Number(parsed.data.version), complete: parsed.data.intent === "complete",
      summary: parsed.data.summary, privateNote: parsed.data.privateNote, scores: chosenScores(parsed.data),
    });
    if (result.ok) return back(NOTICES[result.change]);
    switch (result.reason) {
      case "incomplete":
        return refused(400, { values, fieldErrors: Object.fromEntries(result.missing.map((c) => [scoreField(c.id), t.errors.missingScore(c.name)])) });
      case "conflict": return refused(409, { formError: t.errors.conflict, values });
      case "no_criteria": return refused(400, { formError: t.errors.noCriteria, values });
      case "not_editable": case "not_found": return refused(409, { formError: t.errors.notEditable, values });
    }
  }
  if (intent === "assign" || intent === "unassign") {
    await requirePermission(request, "idea.assign_assessors", resource);
    const values = { assessorId: String(form.get("assessorId") ?? "") };
    const parsed = (intent === "assign" ? assignAssessorSchema : unassignAssessorSchema).safeParse({ intent, ...values });
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error), values });
    const result = intent === "assign"
      ? await assignAssessor(db, { ...base, assessorId: parsed.data.assessorId })
      : await unassignAssessor(db, { ...base, assessorId: parsed.data.assessorId });
    if (result.ok) return back(!result.changed ? "ingen-andring" : intent === "assign" ? "bedomare-tillagd" : "bedomare-borttagen");
    if (result.reason === "not_assessable") return refused(400, { fieldErrors: { assessorId: t.errors.notAssessable }, values });
    return refused(409, { formError: t.assessors.notOpen, values });
  }
  return refused(400, { formError: t.errors.unknownIntent });
}

export default function AssessmentPageRoute() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<AssessmentActionData<AssessmentPage>>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.assessment;
  // After a refused save the page shows the saved state; what the person typed stays in the form.
  const page = (actionData?.fresh ?? loaded) as AssessmentPage;
  const { idea } = page;
  const notice = searchParams.get("meddelande");
  return (
    <section aria-labelledby="bedomning-rubrik" className="assessment-page">
      <h1 id="bedomning-rubrik">{t.page.heading(idea.reference)}</h1>
      <p className="assessment-page__links">
        <Link to={`/ideas/${idea.id}`}>{t.page.backToIdea}</Link> <Link to="/bedomningar">{t.page.queueLink}</Link>
      </p>
      <dl className="facts">
        <div><dt>{messages.inbox.facts.title}</dt><dd className="break">{idea.title}</dd></div>
        <div><dt>{messages.inbox.facts.unit}</dt><dd>{idea.unitName}</dd></div>
        <div><dt>{messages.inbox.facts.stage}</dt><dd>{messages.stages[idea.stage].name}</dd></div>
      </dl>
      <div role="status">{!actionData && knownNotice(t.page.notices, notice) && <p className="alert alert--success">{knownNotice(t.page.notices, notice)}</p>}</div>
      {actionData?.formError && !["draft", "complete", "assign", "unassign"].includes(actionData.intent) && (
        <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>
      )}
      {!idea.editable && <p className="alert">{idea.merged ? t.page.merged : t.page.readOnly}</p>}
      <p>{t.page.lead}</p>

      <section className="panel" aria-labelledby="resultat-rubrik">
        <h2 id="resultat-rubrik" className="panel__heading">{t.result.heading}</h2>
        <AssessmentResult criteria={page.criteria} result={page.result} completed={page.completed} userId={page.userId} />
      </section>

      <section className="panel" aria-labelledby="bedomare-rubrik">
        <h2 id="bedomare-rubrik" className="panel__heading">{t.assessors.heading}</h2>
        <AssessorsPanel assignments={page.assignments} people={page.people} canAssign={page.canAssign} editable={idea.editable}
          userId={page.userId} actionData={actionData} />
      </section>

      {page.canAssess && (
        <section className="panel" aria-labelledby="min-bedomning-rubrik">
          <h2 id="min-bedomning-rubrik" className="panel__heading">{t.form.heading}</h2>
          {page.criteria.length === 0 ? <p>{t.form.noCriteria}</p>
            : idea.editable ? (
              <>
                <p>{t.form.lead}</p>
                <ScorecardForm criteria={page.criteria} mine={page.mine} actionData={actionData} />
              </>
            ) : <ScorecardReadOnly criteria={page.criteria} mine={page.mine} />}
        </section>
      )}
    </section>
  );
}
