import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { fieldErrorsOf } from "~/components/forms";
import { type ManageActionData, MergeForm, ReassignForm, TakeForm } from "~/components/inbox/manage-forms";
import { wholeDaysBetween } from "~/domain/inbox";
import { can } from "~/domain/permissions";
import { mayMergeAt } from "~/domain/stage-machine";
import { messagesFor } from "~/i18n";
import { assignablePeople, findManagedIdea } from "~/models/inbox.server";
import { unitPathOf } from "~/models/unit-path.server";
import { mergeSchema, reassignSchema, takeOwnershipSchema } from "~/schemas/inbox";
import { changeIdeaOwner, type OwnerChangeResult } from "~/services/idea-ownership.server";
import { mergeIdeas } from "~/services/merge-ideas.server";
import adminStyles from "~/styles/admin.css";
import inboxStyles from "~/styles/inbox.css";
import { requirePermission, requireUser, safeRedirectPath } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { ideasSv } from "~/i18n/ideas.sv";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: inboxStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).inbox.manageTitle }];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Signed in, the idea exists and is submitted, and the person may manage it – or 401/403/404. */
async function authorise(request: Request, ideaId: string | undefined) {
  await requireUser(request);
  const { db } = await getDatabase();
  const idea = ideaId && UUID.test(ideaId) ? await findManagedIdea(db, ideaId) : null;
  if (!idea || !idea.submittedAt) throw new Response(ideasSv.page.notFound, { status: 404 });
  const resource = { unitPath: await unitPathOf(db, idea.unitId), submitterId: idea.submitterId, stage: idea.stage, ownerId: idea.ownerId };
  const user = await requirePermission(request, "idea.manage", resource);
  return { db, idea, user };
}

type Idea = Awaited<ReturnType<typeof authorise>>["idea"];
const view = (idea: Idea, now: Date) => ({
  id: idea.id, reference: idea.reference ?? "", title: idea.title, unitName: idea.unitName, stage: idea.stage,
  ownerId: idea.ownerId, ownerName: idea.ownerName, version: idea.version, mergedIntoId: idea.mergedIntoId,
  mergedIntoReference: idea.mergedIntoReference, daysInStage: wholeDaysBetween(idea.stageChangedAt, now),
});
type IdeaView = ReturnType<typeof view>;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, idea, user } = await authorise(request, params.ideaId);
  return {
    idea: view(idea, new Date()), userId: user.id, people: await assignablePeople(db), hasInbox: can(user, "inbox.view"),
  };
}

type ActionData = ManageActionData & { idea?: IdeaView };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { db, idea, user } = await authorise(request, params.ideaId);
  const t = messagesFor("sv").inbox;
  const form = Object.fromEntries(await readFormData(request));
  const values = Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
  const intent = values.intent ?? "";
  const base = { actor: user, ideaId: idea.id, now: new Date(), ipAddress: context.clientIp ?? null };
  const refused = async (status: number, body: Omit<ActionData, "intent" | "values">) => {
    const fresh = await findManagedIdea(db, idea.id);
    return data<ActionData>({ intent, values, ...body, ...(fresh ? { idea: view(fresh, new Date()) } : {}) }, { status });
  };
  const ownerRefusal = (result: Exclude<OwnerChangeResult, { ok: true }>) =>
    result.reason === "conflict" || result.reason === "not_found" ? refused(409, { formError: t.conflict })
    : result.reason === "merged" ? refused(409, { formError: t.errors.alreadyMerged })
    : refused(400, { fieldErrors: { ownerId: result.reason === "same_owner" ? t.errors.sameOwner : t.errors.notAssignable } });

  if (intent === "take") {
    const parsed = takeOwnershipSchema.safeParse(form);
    if (!parsed.success) return refused(400, { formError: t.conflict });
    const result = await changeIdeaOwner(db, { ...base, newOwnerId: user.id, message: null, expectedVersion: Number(parsed.data.version) });
    if (!result.ok) return ownerRefusal(result);
    return redirect(withNotice(safeRedirectPath(parsed.data.redirectTo, `/ideas/${idea.id}/hantera`), result.changed ? "arende-taget" : "ingen-andring"));
  }
  if (intent === "reassign") {
    const parsed = reassignSchema.safeParse(form);
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await changeIdeaOwner(db, {
      ...base, newOwnerId: parsed.data.ownerId, message: parsed.data.message, expectedVersion: Number(parsed.data.version),
    });
    if (!result.ok) return ownerRefusal(result);
    return redirect(`/ideas/${idea.id}/hantera?meddelande=arende-overlamnat`);
  }
  if (intent === "merge") {
    const parsed = mergeSchema.safeParse(form);
    if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error) });
    const result = await mergeIdeas(db, {
      actor: user, sourceId: idea.id, targetReference: parsed.data.targetReference, motivation: parsed.data.motivation,
      expectedVersion: Number(parsed.data.version), now: base.now, ipAddress: base.ipAddress,
    });
    if (!result.ok) {
      return result.reason === "conflict" ? refused(409, { formError: idea.mergedIntoId ? t.errors.alreadyMerged : t.conflict })
        : result.reason === "stage" ? refused(409, { formError: t.errors.notMergeableStage })
        : refused(400, { fieldErrors: { targetReference: result.message } });
    }
    return redirect(`/ideas/${idea.id}/hantera?meddelande=ideer-sammanslagna`);
  }
  return refused(400, { formError: t.conflict });
}

function withNotice(path: string, code: string): string {
  const url = new URL(path, "http://idesluss.invalid");
  url.searchParams.set("meddelande", code);
  return `${url.pathname}${url.search}`;
}

export default function ManageIdea() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.inbox;
  const idea = actionData?.idea ?? loaded.idea;
  const notice = searchParams.get("meddelande");
  return (
    <section aria-labelledby="hantera-rubrik">
      <h1 id="hantera-rubrik">{t.manageHeading(idea.reference)}</h1>
      <div className="manage-links">
        <Link to={`/ideas/${idea.id}`}>{t.openIdea}</Link>
        {loaded.hasInbox && <Link to="/inbox">{t.backToInbox}</Link>}
      </div>
      <div role="status" className="inbox-notice">
        {!actionData && knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}
      </div>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <dl className="facts">
        <div><dt>{t.facts.title}</dt><dd className="break">{idea.title}</dd></div>
        <div><dt>{t.facts.unit}</dt><dd>{idea.unitName}</dd></div>
        <div><dt>{t.facts.stage}</dt><dd>{messages.stages[idea.stage].name}</dd></div>
        <div><dt>{t.facts.owner}</dt><dd>{idea.ownerId === loaded.userId ? t.you : (idea.ownerName ?? t.noOwner)}</dd></div>
        <div><dt>{t.facts.daysInStage}</dt><dd>{t.days(idea.daysInStage)}</dd></div>
      </dl>
      {idea.mergedIntoId ? (
        <p className="alert alert--success">
          {t.mergedInto(idea.mergedIntoReference ?? "")} <Link to={`/ideas/${idea.mergedIntoId}`}>{idea.mergedIntoReference}</Link>
        </p>
      ) : (
        <div className="manage-sections">
          <section className="panel" aria-labelledby="ta-rubrik">
            <h2 id="ta-rubrik" className="panel__heading">{t.takeHeading}</h2>
            {idea.ownerId === loaded.userId ? <p>{t.alreadyOwner}</p> : <><p>{t.takeText}</p><TakeForm version={idea.version} /></>}
          </section>
          <section className="panel" aria-labelledby="overlamna-rubrik">
            <h2 id="overlamna-rubrik" className="panel__heading">{t.reassignHeading}</h2>
            <p>{t.reassignText}</p>
            <ReassignForm version={idea.version} people={loaded.people} actionData={actionData} />
          </section>
          <section className="panel" aria-labelledby="sla-ihop-rubrik">
            <h2 id="sla-ihop-rubrik" className="panel__heading">{t.mergeHeading}</h2>
            {mayMergeAt(idea.stage) ? (
              <><p>{t.mergeText}</p><MergeForm version={idea.version} actionData={actionData} /></>
            ) : <p>{t.errors.notMergeableStage}</p>}
          </section>
        </div>
      )}
    </section>
  );
}
