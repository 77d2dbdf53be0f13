import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { fieldErrorsOf } from "~/components/forms";
import { type DecisionActionData, GateDecisionForm } from "~/components/gates/gate-decision-form";
import { can } from "~/domain/permissions";
import { messagesFor } from "~/i18n";
import { findVisibleIdea } from "~/models/idea-page.server";
import { gateDecisionSchema } from "~/schemas/gate-decision";
import { decideGate } from "~/services/gate-decision.server";
import { gateViewFor } from "~/services/gate-view.server";
import gatesStyles from "~/styles/gates.css";
import { requirePermission } from "~/utils/auth.server";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: gatesStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: messagesFor(metaLocale(matches)).gates.page.title(data?.idea.reference ?? "") },
];

type Found = Awaited<ReturnType<typeof requireSubmittedIdea>>;

/** The idea as the decision page shows it, and the moves open to this person now. */
async function pageState({ db, user, idea, resource }: Pick<Found, "db" | "user" | "idea" | "resource">) {
  const gate = await gateViewFor(db, { actor: user, resource, ideaId: idea.id });
  return {
    idea: {
      id: idea.id, reference: idea.reference ?? "", title: idea.title, stage: idea.stage, outcome: idea.outcome,
      version: idea.version, unitName: idea.unitName, ownerName: idea.ownerName, merged: idea.merged_into_id !== null,
    },
    moves: can(user, "idea.decide_gate", resource) ? gate.moves : [],
  };
}

/** The page: signed in, the idea is submitted and this person decides some move from its stage – or 401/403/404. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  return pageState(await requireSubmittedIdea(request, params.ideaId, "idea.decide_gate"));
}

/**
 * The decision. The route asks only whether this person decides gates at all and may see the idea:
 * whether they may take this move is judged by the service against the idea as it is when the decision
 * is made – after its version check, so someone who lost a race is told the idea changed (409, with
 * what they typed), not just refused.
 */
export async function action({ request, params, context }: ActionFunctionArgs) {
  await requirePermission(request, "idea.decide_gate");
  const { db, user, idea, resource } = await requireSubmittedIdea(request, params.ideaId);
  const t = messagesFor("sv").gates;
  const form = Object.fromEntries(await readFormData(request));
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
  const refused = async (status: number, body: Pick<DecisionActionData, "formError" | "fieldErrors">) =>
    data<DecisionActionData>({ values, ...body, fresh: await freshState() }, { status });
  const freshState = async () => {
    const found = await findVisibleIdea(db, idea.id, user.id);
    if (!found) throw new Response(messagesFor("sv").ideas.page.notFound, { status: 404 });
    return pageState({ db, user, ...found });
  };

  if (!can(user, "idea.decide_gate", resource)) {
    // A page opened on an earlier version: the idea moved on to a stage that is not this person's.
    const seen = Number(values.version);
    const stale = /^\d{1,9}$/.test(values.version ?? "") && seen !== idea.version;
    return refused(stale ? 409 : 403, { formError: stale ? t.errors.conflict : t.errors.notAllowed });
  }
  const parsed = gateDecisionSchema.safeParse(form);
  if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error) });
  const result = await decideGate(db, {
    actor: user, ideaId: idea.id, transitionId: parsed.data.transitionId, motivation: parsed.data.motivation,
    meetingReference: parsed.data.meetingReference, expectedVersion: Number(parsed.data.version),
    now: new Date(), ipAddress: context.clientIp ?? null,
  });
  if (result.ok) return redirect(`/ideas/${idea.id}?meddelande=beslut-registrerat#steg-och-beslut`);
  switch (result.reason) {
    case "conflict": case "not_found": return refused(409, { formError: t.errors.conflict });
    case "merged": return refused(409, { formError: t.errors.merged });
    case "not_allowed": return refused(403, { formError: t.errors.notAllowed });
    case "no_such_move": return refused(400, { fieldErrors: { transitionId: t.errors.noSuchMove } });
    case "motivation_required": return refused(400, { fieldErrors: { motivation: t.errors.motivationRequired } });
    case "requirements_unmet":
      return refused(400, {
        fieldErrors: { transitionId: t.errors.requirementsUnmet(result.unmet.map((r) => t.requirements[r].label.toLowerCase()).join(", ")) },
      });
  }
}

export default function GateDecisionPage() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<DecisionActionData>();
  const messages = useMessages();
  const t = messages.gates;
  // After a refused decision the page shows the idea as it is now; what the person typed stays in the form.
  const { idea, moves } = actionData?.fresh ?? loaded;
  return (
    <section aria-labelledby="beslut-rubrik" className="gate-page">
      <h1 id="beslut-rubrik">{t.page.heading(idea.reference)}</h1>
      <p><Link to={`/ideas/${idea.id}`}>{t.page.backToIdea}</Link></p>
      <dl className="facts">
        <div><dt>{messages.inbox.facts.title}</dt><dd className="break">{idea.title}</dd></div>
        <div><dt>{messages.inbox.facts.unit}</dt><dd>{idea.unitName}</dd></div>
        <div>
          <dt>{t.panel.currentStage}</dt>
          <dd>{messages.stages[idea.stage].name}{idea.outcome && ` – ${messages.vocabulary.outcomes[idea.outcome]}`}</dd>
        </div>
        <div><dt>{messages.inbox.facts.owner}</dt><dd>{idea.ownerName ?? messages.inbox.noOwner}</dd></div>
      </dl>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      {idea.merged ? <p className="alert">{t.page.merged}</p>
        : moves.length === 0 ? <p>{t.page.noMoves}</p>
        : (
          <>
            <p>{t.page.lead}</p>
            <GateDecisionForm ideaId={idea.id} version={idea.version} moves={moves} actionData={actionData} />
          </>
        )}
    </section>
  );
}
