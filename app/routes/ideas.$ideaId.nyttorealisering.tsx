import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { forbidden } from "~/utils/auth.server";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ActualsForm } from "~/components/benefits/actuals-form";
import { IndicatorTable } from "~/components/benefits/indicator-table";
import { type BenefitsActionData, type BenefitsPageData, useBenefitsFormat } from "~/components/benefits/shared";
import { YearTable } from "~/components/benefits/year-table";
import { type FieldErrors, fieldErrorsOf } from "~/components/forms";
import { messagesFor } from "~/i18n";
import { actualsFormSchema, formFieldsOf, yearActualsOf } from "~/schemas/benefits";
import { benefitsPageFor, recordYearActuals } from "~/services/benefits.server";
import benefitsStyles from "~/styles/benefits.css";
import { requireSubmittedIdea } from "~/utils/idea-guard.server";
import { knownNotice, metaLocale, useLocalise, useMessages } from "~/utils/locale";
import { readFormData } from "~/utils/form-data.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: benefitsStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [{ title: messagesFor(metaLocale(matches)).benefits.title(data?.idea.reference ?? "") }];

type Guarded = Awaited<ReturnType<typeof requireSubmittedIdea>>;

/** The year whose form is open: ?ar=<index>, else the latest year with actuals, else this calendar year, else the first. */
function selectedYearOf(url: URL, page: BenefitsPageData["page"]): number {
  const H = page.plan?.horizonYears ?? 0;
  const asked = url.searchParams.get("ar");
  if (asked && /^\d{1,2}$/.test(asked) && Number(asked) < H) return Number(asked);
  const withActuals = page.realisation?.years.filter((y) => y.hasActuals).at(-1);
  if (withActuals) return withActuals.t;
  const current = new Date().getFullYear() - (page.plan?.startYear ?? 0);
  return current >= 0 && current < H ? current : 0;
}

async function pageData({ db, user, idea, resource }: Guarded, url: URL): Promise<BenefitsPageData> {
  const view = { id: idea.id, reference: idea.reference ?? "", title: idea.title, stage: idea.stage, outcome: idea.outcome, merged: idea.merged_into_id !== null };
  const page = await benefitsPageFor(db, { actor: user, resource, idea: view });
  return { idea: view, page, selectedYear: selectedYearOf(url, page) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  return pageData(await requireSubmittedIdea(request, params.ideaId), new URL(request.url));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const guarded = await requireSubmittedIdea(request, params.ideaId, "idea.record_benefits");
  const { db, user, idea } = guarded;
  const values = formFieldsOf(await readFormData(request));
  const t = messagesFor("sv").benefits;
  const url = new URL(request.url);
  if (typeof values.yearIndex === "string") url.searchParams.set("ar", values.yearIndex);
  const refused = async (status: number, body: { formError?: string; fieldErrors?: FieldErrors }) =>
    data<BenefitsActionData>({ values, ...body, ...(status === 409 ? { fresh: await pageData(guarded, url) } : {}) }, { status });
  if (values.intent !== "save_year") return refused(400, { formError: t.errors.unknownIntent });
  const parsed = actualsFormSchema.safeParse(values);
  if (!parsed.success) {
    // The year travels in a hidden field: its message goes above the form, not beside a field.
    const { yearIndex, intent: _intent, ...fieldErrors } = fieldErrorsOf(parsed.error);
    return refused(400, { fieldErrors, ...(yearIndex ? { formError: yearIndex } : {}) });
  }
  const actuals = yearActualsOf(parsed.data);
  const result = await recordYearActuals(db, {
    actor: user, ideaId: idea.id, actuals, stamp: parsed.data.stamp, now: new Date(), ipAddress: context.clientIp ?? null,
  });
  if (result.ok) return redirect(`/ideas/${idea.id}/nyttorealisering?ar=${actuals.yearIndex}&meddelande=utfall-sparat#ar-${actuals.yearIndex}`);
  switch (result.reason) {
    case "not_allowed": throw forbidden();
    case "not_found": throw new Response(t.errors.notFound, { status: 404 });
    case "stage": case "merged": return refused(409, { formError: t.form.refused[result.reason] });
    case "no_case": return refused(409, { formError: t.errors.noCase });
    case "year": return refused(400, { formError: t.errors.year });
    case "indicator_unknown": return refused(400, { formError: t.errors.indicatorUnknown });
    case "conflict": return refused(409, { formError: t.errors.conflict });
  }
}

export default function BenefitsRealisationPage() {
  const localise = useLocalise();
  const loaded = useLoaderData<typeof loader>() as BenefitsPageData;
  const actionData = useActionData<BenefitsActionData>();
  const [searchParams] = useSearchParams();
  const messages = useMessages();
  const t = messages.benefits;
  const f = useBenefitsFormat();
  const switchingYear = useNavigation().state === "loading";
  const { idea, page, selectedYear } = actionData?.fresh ?? loaded;
  const notice = knownNotice(t.notices, searchParams.get("meddelande"));
  const { plan, realisation } = page;
  const form = page.forms[selectedYear];
  const savings = realisation?.toDate.savings;
  return (
    <section aria-labelledby="nytta-rubrik" className="benefits-page">
      <h1 id="nytta-rubrik">{t.headingFor(idea.reference)}</h1>
      <p><Link to={`/ideas/${idea.id}`}>{t.backToIdea}</Link></p>
      <div role="status">{notice && !actionData && <p className="alert alert--success">{notice}</p>}</div>
      {actionData?.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <p className="lead">{t.lead}</p>

      {/* Closed or merged after the pilot: what was recorded stays readable; before the pilot there is nothing yet. */}
      {!page.open && !realisation?.toDate.years ? (
        <p className="panel">{page.refusal === "merged" ? t.form.refused.merged : idea.stage === "avslutad" ? t.empty.closedOther : t.empty.notYet}</p>
      ) : !plan || !realisation ? (
        <div className="panel">
          <p>{t.empty.noCase}</p>
          <p><Link to={`/ideas/${idea.id}/nyttokalkyl`}>{t.empty.noCaseLink}</Link></p>
        </div>
      ) : (
        <>
          <p className="benefits-summary-sentence">
            {savings?.actual == null ? t.summary.noActuals
              : t.summary.sentence(f.number(savings.actual), f.number(savings.planned), savings.variancePercent === null ? "–" : f.percent(savings.variancePercent))}
          </p>
          {!page.mayRecord && <p>{t.readOnly}</p>}
          <section className="panel" aria-labelledby="ar-rubrik">
            <h2 id="ar-rubrik">{t.years.heading}</h2>
            <p className="muted">{t.years.timeValued(f.number(plan.hourlyCost))}</p>
            {realisation.years.map((year) => (
              <YearTable key={year.t} year={year} calendarYear={plan.startYear + year.t} ideaId={idea.id} canRecord={page.canRecord} />
            ))}
          </section>
          <section className="panel" aria-labelledby="indikatorer-rubrik">
            <h2 id="indikatorer-rubrik">{t.indicators.heading}</h2>
            <IndicatorTable indicators={page.indicators} startYear={plan.startYear} horizonYears={plan.horizonYears} />
          </section>
          {page.canRecord && form && (
            <section id="utfall" className="panel" aria-labelledby="utfall-rubrik">
              <h2 id="utfall-rubrik">{t.form.heading(plan.startYear + selectedYear)}</h2>
              <Form method="get" className="filter-form benefits-year-picker" preventScrollReset>
                <div className="field">
                  <label htmlFor="valj-ar">{t.form.chooseYear}</label>
                  <select id="valj-ar" name="ar" defaultValue={String(selectedYear)}>
                    {page.forms.map((y) => <option key={y.yearIndex} value={y.yearIndex}>{plan.startYear + y.yearIndex}</option>)}
                  </select>
                </div>
                <div className="filter-form__actions"><button type="submit" className="button" disabled={switchingYear}>{switchingYear ? t.form.showingYear : t.form.showYear}</button></div>
              </Form>
              <ActualsForm key={`${selectedYear}-${form.stamp}`} form={form} calendarYear={plan.startYear + selectedYear}
                indicators={page.indicators} actionData={actionData} />
            </section>
          )}
          {page.mayRecord && page.refusal && <p className="muted">{idea.stage === "avslutad" && page.refusal === "stage" ? t.empty.closedOther : t.form.refused[page.refusal]}</p>}
        </>
      )}
    </section>
  );
}
