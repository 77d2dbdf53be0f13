import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { fieldErrorsOf } from "~/components/forms";
import { DecideDeviationForm, type DeviationActionData, DeviationRequestForm, WithdrawDeviationForm } from "~/components/security/deviation-forms";
import { DeviationDetails } from "~/components/security/idea-deviations";
import { can } from "~/domain/permissions";
import { stockholmDate } from "~/domain/security-screening";
import { formatDate, messagesFor } from "~/i18n";
import { type IdeaDeviation, listIdeaDeviations } from "~/models/deviations.server";
import { deviationDecisionSchema, deviationRequestSchema, deviationWithdrawSchema } from "~/schemas/security";
import { decideDeviation, requestDeviation, withdrawDeviation } from "~/services/deviations.server";
import ideasStyles from "~/styles/ideas.css";
import securityStyles from "~/styles/security.css";
import { forbidden, requirePermission } from "~/utils/auth.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: ideasStyles }, { rel: "stylesheet", href: securityStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: messagesFor(metaLocale(matches)).security.deviations.ideaTitle(data?.idea.reference ?? "") },
];

const notFound = () => new Response(messagesFor("sv").ideas.page.notFound, { status: 404 });

/** Signed in and the idea is submitted and visible (everyone may see an idea's deviations) – or 404. */
async function authorise(request: Request, rawId: string | undefined) {
  return requireSubmittedIdea(request, rawId);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  const open = idea.merged_into_id === null && idea.stage !== "avslutad";
  return {
    idea: { id: idea.id, reference: idea.reference ?? "", title: idea.title },
    deviations: await listIdeaDeviations(db, idea.id),
    userId: user.id,
    isAdmin: user.roles.includes("administrator"),
    canRequest: open && can(user, "idea.request_deviation", resource),
    canDecide: can(user, "deviation.decide"),
    canList: can(user, "deviation.list"),
    today: stockholmDate(new Date()),
  };
}

type ActionData = DeviationActionData & { deviations?: IdeaDeviation[] };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, user, idea, resource } = await authorise(request, params.ideaId);
  const t = messagesFor("sv").security;
  const form = Object.fromEntries(await readFormData(request));
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
  const intent = values.intent ?? "";
  const deviationId = values.deviationId;
  const refused = async (status: number, body: Pick<ActionData, "formError" | "fieldErrors">) =>
    data<ActionData>({ intent, values, ...(deviationId ? { deviationId } : {}), ...body, deviations: await listIdeaDeviations(db, idea.id) }, { status });
  const base = { ideaId: idea.id, now: new Date(), ipAddress: context.clientIp ?? null };
  const back = (notice: string) => redirect(`/ideas/${idea.id}/avsteg?meddelande=${notice}`);

  if (intent === "decide") {
    await requirePermission(request, "deviation.decide");
    const parsed = deviationDecisionSchema.safeParse(form);
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await decideDeviation(db, { ...base, actor: user, deviationId: parsed.data.deviationId, decision: parsed.data.decision, motivation: parsed.data.motivation });
    if (result.ok) return back("avsteg-beslutat");
    if (result.reason === "not_allowed") throw forbidden();
    if (result.reason === "not_found") return refused(400, { formError: t.errors.deviationNotFound });
    const current = result.current;
    return refused(409, {
      formError: current.status === "withdrawn" || !current.decidedAt ? t.errors.alreadyWithdrawn
        : t.errors.alreadyDecided(t.deviations.statuses[current.status].toLowerCase(), current.decidedByName ?? "", formatDate("sv", current.decidedAt)),
    });
  }
  if (intent === "withdraw") {
    const parsed = deviationWithdrawSchema.safeParse(form);
    if (!parsed.success) return refused(400, { formError: t.errors.deviationNotFound });
    const result = await withdrawDeviation(db, { ...base, actor: user, deviationId: parsed.data.deviationId });
    if (result.ok) return back("avsteg-aterkallat");
    if (result.reason === "not_requester") throw new Response(t.errors.notRequester, { status: 403 });
    return refused(result.reason === "not_open" ? 409 : 400, { formError: result.reason === "not_open" ? t.errors.notOpen : t.errors.deviationNotFound });
  }
  await requirePermission(request, "idea.request_deviation", resource);
  const parsed = deviationRequestSchema(stockholmDate(base.now)).safeParse(form);
  if (!parsed.success) {
    const { intent: intentError, ...fieldErrors } = fieldErrorsOf(parsed.error);
    return refused(400, { fieldErrors, ...(intentError ? { formError: intentError } : {}) });
  }
  const result = await requestDeviation(db, {
    ...base, actor: user, standard: parsed.data.standard, description: parsed.data.description, justification: parsed.data.justification,
    validUntil: parsed.data.validUntil || null, today: stockholmDate(base.now),
  });
  if (result.ok) return back("avsteg-begart");
  if (result.reason === "not_found") throw notFound();
  if (result.reason === "valid_until") {
    const message = { past: t.errors.validUntilPast, invalid: t.errors.validUntilInvalid, too_late: t.errors.validUntilTooLate }[result.problem];
    return refused(400, { fieldErrors: { validUntil: message } });
  }
  return refused(409, { formError: result.reason === "merged" ? t.errors.merged : t.errors.closed });
}

export default function IdeaDeviationsPage() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().security.deviations;
  const { idea } = loaded;
  const deviations = actionData?.deviations ?? loaded.deviations;
  const notice = searchParams.get("meddelande");
  // A decision that lost the race: its form is gone (the request is settled), so show what was typed.
  const lost = actionData?.intent === "decide" && actionData.formError && !deviations.some((d) => d.id === actionData.deviationId && d.status === "requested");
  return (
    <section aria-labelledby="avsteg-rubrik" className="deviation-page">
      <h1 id="avsteg-rubrik">{t.ideaHeading(idea.reference)}</h1>
      <p className="security-page__idea break">{idea.title}</p>
      <p>
        <Link to={`/ideas/${idea.id}`}>{t.backToIdea}</Link>
        {loaded.canList && <> · <Link to="/avsteg">{t.allDeviations}</Link></>}
      </p>
      <div role="status">{!actionData && knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}</div>
      {lost && (
        <div className="alert alert--error" role="alert">
          {localise(actionData.formError)}
          {actionData.values?.motivation && <><br />{t.yourText}<span className="deviation-lost-text">{actionData.values.motivation}</span></>}
        </div>
      )}
      {actionData?.intent === "withdraw" && actionData.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <p className="lead">{t.ideaLead}</p>
      <h2>{t.listHeading}</h2>
      {deviations.length === 0 ? <p>{t.none}</p> : (
        <div className="deviation-list">
          {deviations.map((d) => (
            <DeviationDetails key={d.id} deviation={d}>
              {d.status === "requested" && (
                <div className="deviation__actions">
                  {(d.requestedBy === loaded.userId || loaded.isAdmin) && <WithdrawDeviationForm deviationId={d.id} standard={d.standard} />}
                </div>
              )}
              {d.status === "requested" && loaded.canDecide && <DecideDeviationForm deviationId={d.id} actionData={lost ? undefined : actionData} />}
            </DeviationDetails>
          ))}
        </div>
      )}
      {loaded.canRequest && (
        <section aria-labelledby="begar-avsteg" className="panel">
          <h2 id="begar-avsteg" className="h3">{t.request.heading}</h2>
          <DeviationRequestForm today={loaded.today} actionData={actionData} />
        </section>
      )}
    </section>
  );
}
