import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { type IdeaActionData, Comments } from "~/components/idea/comments";
import { daysBetween, useFormat } from "~/components/idea/format";
import { IdeaFacts } from "~/components/idea/idea-facts";
import { Timeline } from "~/components/idea/timeline";
import { StagePanel } from "~/components/gates/stage-panel";
import { BusinessCaseSummary } from "~/components/business-case/summary-card";
import { BenefitsSummary } from "~/components/benefits/benefits-summary";
import { GoodExampleLink } from "~/components/good-examples/good-example-link";
import { AssessmentSummaryCard } from "~/components/assessment/assessment-summary";
import { PilotSummary } from "~/components/pilot/pilot-summary";
import { IdeaDeviations } from "~/components/security/idea-deviations";
import { ScreeningSummary } from "~/components/security/screening-summary";
import { can } from "~/domain/permissions";
import { messagesFor } from "~/i18n";
import { listComments } from "~/models/comments.server";
import { followIdea, unfollowIdea } from "~/models/idea-followers.server";
import { findVisibleIdea, ideaPageFieldsOf } from "~/models/idea-page.server";
import { ideaTimeline, supportAndFollowing } from "~/models/idea-queries.server";
import { ideaIdSchema, ideaPageActionSchema } from "~/schemas/idea-page";
import { addComment, editComment } from "~/services/comments.server";
import { stagePanelFor } from "~/services/gate-view.server";
import { businessCaseAndBenefitsFor } from "~/services/benefits.server";
import { goodExampleFactsFor } from "~/services/good-examples.server";
import { cachedIdeaRead, type IdeaReadScope } from "~/services/read-cache.server";
import benefitsStyles from "~/styles/benefits.css";
import goodExamplesStyles from "~/styles/good-examples.css";
import { ideaWorkSummaries } from "~/services/idea-work-summaries.server";
import businessCaseStyles from "~/styles/business-case.css";
import assessmentStyles from "~/styles/assessment.css";
import gatesStyles from "~/styles/gates.css";
import pilotStyles from "~/styles/pilot.css";
import securityStyles from "~/styles/security.css";
import ideasStyles from "~/styles/ideas.css";
import { requirePermission, requireUser } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { knownNotice, metaLocale, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () =>
  [ideasStyles, gatesStyles, assessmentStyles, securityStyles, pilotStyles, businessCaseStyles, benefitsStyles, goodExamplesStyles].map((href) => ({ rel: "stylesheet", href }));
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${data?.idea.title ?? messagesFor(metaLocale(matches)).ideas.page.untitled} – Idéslussen` },
];

const EVENT_STEP = 100;
const WORK_PATHS = {
  assessment: "bedomning", businessCase: "nyttokalkyl", security: "sakerhet", deviations: "avsteg", pilot: "pilot",
  benefits: "nyttorealisering",
} as const;
const notFound = () => new Response(messagesFor("sv").ideas.page.notFound, { status: 404 });

/** The idea for this request, or a thrown 404 (unknown, malformed, or someone else's draft). */
async function loadIdea(request: Request, rawId: string | undefined) {
  const user = await requireUser(request);
  const id = ideaIdSchema.safeParse(rawId);
  if (!id.success) throw notFound();
  const { db } = await getDatabase();
  const found = await findVisibleIdea(db, id.data.toLowerCase(), user.id);
  if (!found) throw notFound();
  await requirePermission(request, "idea.view", found.resource);
  return { db, user, ...found };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, user, idea, resource, reads } = await loadIdea(request, params.ideaId);
  const wanted = Number(new URL(request.url).searchParams.get("handelser"));
  const limit = Number.isInteger(wanted) && wanted > EVENT_STEP ? Math.min(wanted, 2000) : EVENT_STEP;
  // Independent reads, side by side: the page waits for the slowest, not for their sum. What is the
  // same for every reader is shared between them until the idea changes (cachedIdeaRead, `reads`).
  const [{ support, following }, comments, timeline, gateWork] = await Promise.all([
    supportAndFollowing(db, idea.id, user.id),
    cachedIdeaRead(db, reads, "comments", () => listComments(db, idea.id)),
    // Only the first page of the timeline is shared; a longer one (?handelser=) is read for its reader.
    limit === EVENT_STEP ? cachedIdeaRead(db, reads, "timeline", () => ideaTimeline(db, idea.id, limit)) : ideaTimeline(db, idea.id, limit),
    loadGateWork(db, user, resource, idea, reads),
  ]);
  return {
    idea: ideaPageFieldsOf(idea, can(user, "idea.see_submitter", resource)),
    userId: user.id,
    support,
    following,
    comments,
    timeline,
    eventLimit: limit,
    canComment: idea.submitted_at !== null && can(user, "idea.comment", resource),
    ...gateWork,
    now: new Date().toISOString(),
  };
}

/** The stage panel, the work summaries and the business case in brief, fetched side by side. */
async function loadGateWork(
  db: Awaited<ReturnType<typeof loadIdea>>["db"], user: Awaited<ReturnType<typeof loadIdea>>["user"],
  resource: Awaited<ReturnType<typeof loadIdea>>["resource"], idea: Awaited<ReturnType<typeof loadIdea>>["idea"],
  reads: IdeaReadScope,
) {
  const submitted = idea.submitted_at !== null;
  const [stagePanel, work, caseAndBenefits, goodExample] = await Promise.all([
    stagePanelFor(db, { actor: user, resource, idea, reads }),
    ideaWorkSummaries(db, { actor: user, resource, idea, reads }),
    submitted ? cachedIdeaRead(db, reads, "businessCase", () => businessCaseAndBenefitsFor(db, idea)) : null,
    submitted ? goodExampleFactsFor(db, user, idea, reads) : null,
  ]);
  return {
    stagePanel, work, businessCase: caseAndBenefits?.businessCase ?? null, benefits: caseAndBenefits?.benefits ?? null, goodExample,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { db, user, idea, resource } = await loadIdea(request, params.ideaId);
  const t = messagesFor("sv").ideas.page;
  const form = Object.fromEntries(await readFormData(request));
  const values = { body: typeof form.body === "string" ? form.body : "", commentId: typeof form.commentId === "string" ? form.commentId : "" };
  const intent = typeof form.intent === "string" ? form.intent : "";
  const parsed = ideaPageActionSchema.safeParse(form);
  if (!parsed.success) {
    const { intent: intentError, ...fieldErrors } = fieldErrorsByField(parsed.error);
    return data<IdeaActionData>({ intent, fieldErrors, values, ...(intentError ? { formError: intentError } : {}) }, { status: 400 });
  }
  const back = (notice: string, hash = "") => redirect(`/ideas/${idea.id}?meddelande=${notice}${hash}`);
  const now = new Date();
  switch (parsed.data.intent) {
    case "comment": {
      await requirePermission(request, "idea.comment", resource);
      if (idea.submitted_at === null) return data<IdeaActionData>({ intent, formError: t.draftNoComments, values }, { status: 400 });
      const commentId = await addComment(db, { idea, author: user, body: parsed.data.body, now });
      return back("kommentar-sparad", `#kommentar-${commentId}`);
    }
    case "edit_comment": {
      const ok = await editComment(db, { ideaId: idea.id, commentId: parsed.data.commentId, authorId: user.id, body: parsed.data.body, now });
      if (!ok) return data<IdeaActionData>({ intent, formError: t.commentNotFound, values }, { status: 400 });
      return back("kommentar-andrad", `#kommentar-${parsed.data.commentId}`);
    }
    case "follow":
      await requirePermission(request, "idea.follow_own", resource);
      await followIdea(db, idea.id, user.id);
      return back("foljer");
    case "unfollow":
      await unfollowIdea(db, idea.id, user.id);
      return back("foljer-inte");
  }
}

export default function IdeaPage() {
  const { idea, userId, support, following, comments, timeline, eventLimit, canComment, now, stagePanel, work, businessCase, benefits, goodExample } = useLoaderData<typeof loader>();
  const actionData = useActionData<IdeaActionData>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const messages = useMessages();
  const t = messages.ideas.page;
  const fmt = useFormat();
  const notice = searchParams.get("meddelande");
  const followPending = navigation.state !== "idle" && ["follow", "unfollow"].includes(String(navigation.formData?.get("intent")));
  return (
    <article aria-labelledby="ide-rubrik">
      <div role="status">{knownNotice(t.notices, notice) && <p className="alert alert--success">{knownNotice(t.notices, notice)}</p>}</div>
      <h1 id="ide-rubrik" className="break">{idea.title}</h1>
      <div className="idea-header__meta">
        <span>{idea.reference ?? t.draftReference}</span>
        <span className="badge badge--stage">
          {messages.stages[idea.stage].name}{idea.outcome && ` – ${messages.vocabulary.outcomes[idea.outcome]}`}
        </span>
        {idea.submitted_at && <span>{t.daysInStage(daysBetween(idea.stage_changed_at, now))}</span>}
      </div>
      {idea.merged_into_id && (
        <p className="alert">{t.mergedNotice}{" "}
          <Link to={`/ideas/${idea.merged_into_id}`}>{[idea.mergedIntoReference, idea.mergedIntoTitle].filter(Boolean).join(" ")}</Link>
        </p>
      )}
      <dl className="facts">
        <div><dt>{t.unit}</dt><dd>{idea.unitName}</dd></div>
        <div><dt>{t.owner}</dt><dd>{idea.ownerName ?? t.noOwner}</dd></div>
        <div><dt>{t.submitter}</dt><dd>{idea.submitterName ?? <span className="muted">{t.submitterHidden}</span>}</dd></div>
        {idea.submitted_at && <div><dt>{t.submittedAt}</dt><dd><time dateTime={fmt.iso(idea.submitted_at)}>{fmt.date(idea.submitted_at)}</time></dd></div>}
      </dl>
      <div className="idea-layout">
        <div>
          {goodExample && <GoodExampleLink {...goodExample} />}
          <IdeaFacts idea={idea} />
          {stagePanel && (
            <StagePanel
              ideaId={idea.id} stage={idea.stage} outcome={idea.outcome} checklist={stagePanel.checklist}
              decisions={stagePanel.decisions} canDecide={stagePanel.canDecide} showFixLinks={stagePanel.showFixLinks}
            />
          )}
          {work?.assessment && <AssessmentSummaryCard summary={work.assessment} />}
          {stagePanel && <BusinessCaseSummary ideaId={idea.id} summary={businessCase} />}
          {work?.screening && <ScreeningSummary ideaId={idea.id} summary={work.screening} canEdit={work.canEditScreening} />}
          {work?.deviations && <IdeaDeviations ideaId={idea.id} deviations={work.deviations} canRequest={work.canRequestDeviation} />}
          {work && <PilotSummary ideaId={idea.id} summary={work.pilot} canWork={work.canWorkOnPilot} />}
          <BenefitsSummary summary={benefits} />
          <Comments comments={comments} userId={userId} canComment={canComment} actionData={actionData} />
          <h2 id="handelser">{t.timelineHeading}</h2>
          <Timeline entries={timeline.entries} more={timeline.more} moreHref={`?handelser=${eventLimit + EVENT_STEP}#handelser`} />
        </div>
        {idea.submitted_at && (
          <aside className="idea-actions" aria-label={t.supportHeading}>
            <div className="panel">
              <h2 className="h3">{t.supportHeading}</h2>
              <p>{t.supportCount(support.count, fmt.number(support.count))}</p>
              {support.mine ? <p><strong>{t.supported}</strong></p> : (
                <Form method="post" action={`/ideas/${idea.id}/stod`}>
                  <button type="submit" className="button button--primary" disabled={navigation.formAction === `/ideas/${idea.id}/stod`}>
                    {navigation.formAction === `/ideas/${idea.id}/stod` ? t.supporting : t.support}
                  </button>
                </Form>
              )}
            </div>
            {stagePanel && stagePanel.workLinks.length > 0 && (
              <nav className="panel" aria-labelledby="arbeta-rubrik">
                <h2 id="arbeta-rubrik" className="h3">{messages.gates.panel.workLinks}</h2>
                <ul className="work-links">
                  {stagePanel.workLinks.map((link) => (
                    <li key={link}><Link to={`/ideas/${idea.id}/${WORK_PATHS[link]}`}>{messages.gates.panel.work[link]}</Link></li>
                  ))}
                </ul>
              </nav>
            )}
            <div className="panel">
              <h2 className="h3">{t.followHeading}</h2>
              <p>{following ? t.following : t.followHint}</p>
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
                <button type="submit" className="button" disabled={followPending} aria-disabled={followPending}>
                  {followPending ? t.pending : following ? t.unfollow : t.follow}
                </button>
              </Form>
            </div>
          </aside>
        )}
      </div>
    </article>
  );
}
