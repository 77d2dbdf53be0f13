import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useMemo, useRef } from "react";
import { CaseView } from "~/components/business-case/case-view";
import { BusinessCaseEditor, formValuesOf, resizeRows } from "~/components/business-case/editor";
import type { BusinessCaseActionData, BusinessCasePageData } from "~/components/business-case/shared";
import { VersionList } from "~/components/business-case/version-list";
import { fieldErrorsOf } from "~/components/forms";
import { messagesFor } from "~/i18n";
import type { SessionUser } from "~/models/session.server";
import { type BusinessCaseFormFields, businessCaseContentOf, businessCaseFieldsOf, businessCaseFormSchema } from "~/schemas/business-case";
import { businessCasePageFor, saveBusinessCase } from "~/services/business-case.server";
import businessCaseStyles from "~/styles/business-case.css";
import chartStyles from "~/styles/charts.css";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: businessCaseStyles }, { rel: "stylesheet", href: chartStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: messagesFor(metaLocale(matches)).businessCase.title(data?.idea.reference ?? "") }];

type Guarded = Awaited<ReturnType<typeof requireSubmittedIdea>>;
const notFound = () => new Response(messagesFor("sv").businessCase.errors.notFound, { status: 404 });

async function pageData({ db, user, idea, resource }: Guarded & { user: SessionUser }, version: number | null): Promise<BusinessCasePageData> {
  const page = await businessCasePageFor(db, {
    actor: user, resource, idea: { id: idea.id, stage: idea.stage, merged: idea.merged_into_id !== null }, version, now: new Date(),
  });
  if (!page) throw notFound();
  return { idea: { id: idea.id, reference: idea.reference ?? "", title: idea.title, stage: idea.stage, outcome: idea.outcome }, page };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const guarded = await requireSubmittedIdea(request, params.ideaId);
  const raw = new URL(request.url).searchParams.get("version");
  if (raw !== null && !/^\d{1,9}$/.test(raw)) throw notFound();
  return pageData(guarded, raw === null ? null : Number(raw));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const guarded = await requireSubmittedIdea(request, params.ideaId, "idea.edit_business_case");
  const { db, user, idea } = guarded;
  const t = messagesFor("sv").businessCase.errors;
  const values = businessCaseFieldsOf(await readFormData(request));
  const intent = values.resize ? "resize" : typeof values.intent === "string" ? values.intent : "";
  const refused = async (status: number, body: Omit<BusinessCaseActionData, "intent">) => {
    const fresh = status === 409 ? await pageData(guarded, null) : undefined;
    // After a conflict what was typed stays, against the version as it is now.
    const kept = fresh ? { ...values, version: String(fresh.page.current.version) } : values;
    return data<BusinessCaseActionData>({ intent, values: kept, ...body, ...(fresh ? { fresh } : {}) }, { status });
  };
  const parsed = businessCaseFormSchema.safeParse({ ...values, intent });
  if (!parsed.success) return refused(400, { fieldErrors: fieldErrorsOf(parsed.error), ...(intent === "save" || intent === "resize" ? {} : { formError: t.unknownIntent }) });

  if (parsed.data.intent === "resize") {
    // Without JavaScript: the grid again with the new number of years; nothing is saved yet.
    const resized = resizeRows(parsed.data.lines, Number(parsed.data.horizonYears.trim()));
    const { resize: _resize, ...typed } = values;
    return data<BusinessCaseActionData>({ intent, values: { ...typed, intent: "save", lines: resized.rows }, trimmed: resized.trimmed });
  }
  const result = await saveBusinessCase(db, {
    actor: user, ideaId: idea.id, expectedVersion: Number(parsed.data.version), content: businessCaseContentOf(parsed.data),
    now: new Date(), ipAddress: context.clientIp ?? null,
  });
  if (result.ok) return redirect(`/ideas/${idea.id}/nyttokalkyl?meddelande=${result.changed ? "kalkyl-sparad" : "kalkyl-oforandrad"}`);
  switch (result.reason) {
    case "not_allowed": throw new Response(t.forbidden, { status: 403 });
    case "not_found": throw notFound();
    case "unit_invalid": return refused(400, { formError: t.unitInvalid });
    case "closed": return refused(409, { formError: t.closed });
    case "conflict": return refused(409, { formError: t.conflict });
  }
}

export default function BusinessCasePage() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>() as unknown as BusinessCasePageData;
  const actionData = useActionData<BusinessCaseActionData>();
  const [searchParams] = useSearchParams();
  const t = useMessages().businessCase;
  const { idea, page } = actionData?.fresh ?? loaded;
  const notice = knownNotice(t.notices, searchParams.get("meddelande"));
  // Each answer from the action shows the form afresh with what it sent back.
  const answers = useRef(0);
  const answer = useMemo(() => (answers.current += 1), [actionData]); // eslint-disable-line react-hooks/exhaustive-deps
  const defaults = (actionData?.values as BusinessCaseFormFields | undefined) ?? formValuesOf(page.current);
  const shown = page.shown ?? (page.current.version > 0 ? page.current : null);
  return (
    <section aria-labelledby="kalkyl-rubrik" className="business-case-page">
      <h1 id="kalkyl-rubrik">{t.headingFor(idea.reference)}</h1>
      <p><Link to={`/ideas/${idea.id}`}>{t.backToIdea}</Link></p>
      <div role="status">{notice && !actionData && <p className="alert alert--success">{notice}</p>}</div>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <p className="lead">{t.lead}</p>
      {page.shown && (
        <p className="alert">
          {t.versions.viewing(page.shown.version, page.current.version)}{" "}
          <Link to={`/ideas/${idea.id}/nyttokalkyl`}>{t.versions.backToCurrent}</Link>
        </p>
      )}
      {shown ? <CaseView view={shown} figures={page.figures} unitNames={page.unitNames} /> : <p>{t.noCase}</p>}
      {!page.shown && (page.mayEdit ? (
        <section className="panel">
          <BusinessCaseEditor key={`${page.current.version}-${answer}`} defaults={defaults} unitGroups={page.unitGroups}
            unitNames={page.unitNames} actionData={actionData} />
        </section>
      ) : <p>{page.closed ? t.closed : t.readOnly}</p>)}
      <section className="panel" aria-labelledby="versioner-rubrik">
        <h2 id="versioner-rubrik">{t.versions.heading}</h2>
        <VersionList ideaId={idea.id} versions={page.versions} currentVersion={page.current.version} shownVersion={page.shown?.version ?? null} />
      </section>
    </section>
  );
}
