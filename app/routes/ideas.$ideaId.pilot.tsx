import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { type FieldErrors, fieldErrorsOf } from "~/components/forms";
import { EvaluationForm } from "~/components/pilot/evaluation-form";
import { EvaluationHistory } from "~/components/pilot/evaluation-history";
import { PlanForm } from "~/components/pilot/plan-form";
import { PlanView } from "~/components/pilot/plan-view";
import type { PilotActionData, PilotPageData } from "~/components/pilot/shared";
import type { SessionUser } from "~/models/session.server";
import { messagesFor } from "~/i18n";
import { findVisibleIdea } from "~/models/idea-page.server";
import { evaluationFormSchema, evaluationInputOf, formFieldsOf, planFormSchema, planInputOf } from "~/schemas/pilot";
import { evaluatePilot, pilotPageFor, savePilotPlan } from "~/services/pilots.server";
import adminStyles from "~/styles/admin.css";
import pilotStyles from "~/styles/pilot.css";
import { forbidden, requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: pilotStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: messagesFor(metaLocale(matches)).pilot.page.title(data?.idea.reference ?? "") }];

type Db = Awaited<ReturnType<typeof getDatabase>>["db"];
const notFound = () => new Response(messagesFor("sv").pilot.errors.notFound, { status: 404 });

/** Signed in and the idea is submitted (everyone may read its pilot) – or 401/404. */
async function authorise(request: Request, rawId: string | undefined) {
  return requireSubmittedIdea(request, rawId);
}

async function pageData(db: Db, user: SessionUser, ideaId: string): Promise<PilotPageData> {
  const found = await findVisibleIdea(db, ideaId, user.id);
  if (!found) throw notFound();
  const { idea, resource } = found;
  const merged = idea.merged_into_id !== null;
  return {
    idea: {
      id: idea.id, reference: idea.reference ?? "", title: idea.title, stage: idea.stage, outcome: idea.outcome,
      unitId: idea.unit_id, unitName: idea.unitName, merged,
    },
    page: await pilotPageFor(db, { actor: user, resource, idea: { id: idea.id, stage: idea.stage, merged } }),
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, idea } = await authorise(request, params.ideaId);
  return pageData(db, user, idea.id);
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  const values = formFieldsOf(await readFormData(request));
  const intent = typeof values.intent === "string" ? values.intent : "";
  await requirePermission(request, intent === "evaluate" ? "idea.evaluate_pilot" : "idea.plan_pilot", resource);
  const t = messagesFor("sv").pilot;
  const refused = async (status: number, body: { formError?: string; fieldErrors?: FieldErrors }) =>
    data<PilotActionData>({ intent, values, ...body, ...(status === 409 ? { fresh: await pageData(db, user, idea.id) } : {}) }, { status });
  const base = { actor: user, ideaId: idea.id, now: new Date(), ipAddress: context.clientIp ?? null };

  if (intent === "save_plan") {
    const parsed = planFormSchema.safeParse(values);
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await savePilotPlan(db, { ...base, expectedVersion: Number(parsed.data.version), plan: planInputOf(parsed.data) });
    if (result.ok) return redirect(`/ideas/${idea.id}/pilot?meddelande=${result.changed ? "plan-sparad" : "plan-oforandrad"}#pilotplan`);
    switch (result.reason) {
      case "not_allowed": throw forbidden();
      case "incomplete": return refused(400, { formError: t.errors.planIncomplete });
      case "owner_invalid": return refused(400, { fieldErrors: { ownerId: t.errors.ownerInvalid } });
      case "unit_invalid": return refused(400, { fieldErrors: { unitIds: t.errors.unitInvalid } });
      case "stage": case "merged": return refused(409, { formError: t.planForm.refused[result.reason] });
      case "conflict": case "not_found": return refused(409, { formError: t.errors.planConflict });
    }
  }
  if (intent === "evaluate") {
    const parsed = evaluationFormSchema.safeParse(values);
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await evaluatePilot(db, {
      ...base, expectedPlanVersion: Number(parsed.data.planVersion), evaluation: evaluationInputOf(parsed.data),
    });
    if (result.ok) return redirect(`/ideas/${idea.id}/pilot?meddelande=utvardering-sparad#utvarderingar`);
    switch (result.reason) {
      case "not_allowed": throw forbidden();
      case "stage": case "merged": case "no_plan": return refused(409, { formError: t.evaluationForm.refused[result.reason] });
      case "conflict": case "not_found": return refused(409, { formError: t.errors.evaluationPlanChanged });
    }
  }
  return refused(400, { formError: t.errors.unknownIntent });
}

export default function PilotPage() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<PilotActionData>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.pilot;
  // After a refusal the page shows the pilot as it is now; what the person typed stays in the form.
  const { idea, page } = actionData?.fresh ?? (loaded as PilotPageData);
  const notice = knownNotice(t.page.notices, searchParams.get("meddelande"));
  return (
    <section aria-labelledby="pilot-rubrik" className="pilot-page">
      <h1 id="pilot-rubrik">{t.page.headingFor(idea.reference)}</h1>
      <p><Link to={`/ideas/${idea.id}`}>{t.page.backToIdea}</Link></p>
      <div role="status">{notice && !actionData && <p className="alert alert--success">{notice}</p>}</div>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <dl className="facts">
        <div><dt>{t.page.facts.title}</dt><dd className="break">{idea.title}</dd></div>
        <div><dt>{t.page.facts.stage}</dt><dd>{messages.stages[idea.stage].name}{idea.outcome && ` – ${messages.vocabulary.outcomes[idea.outcome]}`}</dd></div>
        <div><dt>{t.page.facts.unit}</dt><dd>{idea.unitName}</dd></div>
      </dl>
      <p className="lead">{t.page.lead}</p>
      {!page.mayPlan && !page.mayEvaluate && <p>{t.page.readOnly}</p>}

      <section id="pilotplan" className="panel" aria-labelledby="pilotplan-rubrik">
        <h2 id="pilotplan-rubrik">{t.plan.heading}</h2>
        <PlanView plan={page.plan} />
        {page.canPlan ? (
          <>
            <h3 className="h3">{page.plan ? t.planForm.headingEdit : t.planForm.headingNew}</h3>
            <PlanForm key={`plan-${page.plan?.version ?? 0}`} plan={page.plan} ideaUnitId={idea.unitId} owners={page.owners}
              units={page.units} actionData={actionData} />
          </>
        ) : page.planRefusal && <p className="muted">{t.planForm.refused[page.planRefusal]}</p>}
      </section>

      <section id="utvardera" className="panel" aria-labelledby="utvardera-rubrik">
        <h2 id="utvardera-rubrik">{t.evaluationForm.heading}</h2>
        <h3 className="h3">{t.page.nextHeading}</h3>
        <ul>{t.page.next.map((line) => <li key={line}>{line}</li>)}</ul>
        {page.canEvaluate && page.plan
          ? <EvaluationForm key={`utvardering-${page.plan.version}-${page.evaluations.length}`} plan={page.plan} actionData={actionData} />
          : page.evaluateRefusal && <p className="muted">{t.evaluationForm.refused[page.evaluateRefusal]}</p>}
      </section>

      <section id="utvarderingar" className="panel" aria-labelledby="utvarderingar-rubrik">
        <h2 id="utvarderingar-rubrik">{t.history.heading}</h2>
        <EvaluationHistory evaluations={page.evaluations} />
        <p><Link to="/lardomar">{t.page.lessonsLink}</Link></p>
      </section>
    </section>
  );
}
