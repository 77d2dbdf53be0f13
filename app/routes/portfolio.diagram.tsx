import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import type { FieldErrors } from "~/components/forms";
import { CHART_FILTER_FIELDS, ChartFilters, type ChartFilterValues } from "~/components/portfolio/charts/chart-filters";
import { FocusChart, FunnelChart, StageTimeChart, UnitsChart } from "~/components/portfolio/charts/flow-charts";
import { BubbleChart, CumulativeChart } from "~/components/portfolio/charts/value-charts";
import { messagesFor } from "~/i18n";
import { FiguresPendingNotice } from "~/components/portfolio/figures-pending-notice";
import { PORTFOLIO_CHART_LIMIT, type PortfolioChartsData } from "~/models/portfolio-charts.server";
import { PAGE_REFRESH_BATCHES } from "~/models/portfolio.server";
import { portfolioChartsView, portfolioUnitGroups, refreshedPortfolioState } from "~/services/portfolio-views.server";
import type { UnitGroup } from "~/models/selectable-unit.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { portfolioFilterSchema } from "~/schemas/portfolio";
import chartStyles from "~/styles/charts.css";
import portfolioChartStyles from "~/styles/portfolio-charts.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: chartStyles }, { rel: "stylesheet", href: portfolioChartStyles },
];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).portfolioCharts.title }];

export interface PortfolioChartsPage {
  values: ChartFilterValues;
  errors: FieldErrors;
  unitGroups: UnitGroup[];
  /** null when the filter could not be used (400). */
  charts: PortfolioChartsData | null;
  /** Ideas whose figures are still being recomputed after a change. */
  figuresPending: number;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(CHART_FILTER_FIELDS.map((f) => [f, raw[f] ?? ""])) as ChartFilterValues;
  const { db } = await getDatabase();
  const refuse = async (errors: FieldErrors) => data<PortfolioChartsPage>(
    { values, errors, unitGroups: await portfolioUnitGroups(db), charts: null, figuresPending: 0 }, { status: 400 },
  );
  const parsed = portfolioFilterSchema.safeParse(raw);
  if (!parsed.success) return refuse(fieldErrorsByField(parsed.error));
  const filter = parsed.data;

  const unitIds = filter.enhet ? await unitSubtreeIds(db, [filter.enhet.toLowerCase()]) : null;
  if (unitIds && unitIds.length === 0) return refuse({ enhet: messagesFor("sv").portfolioCharts.filters.unknownUnit });
  const focusArea = filter.fokus ?? null;
  // The portfolio's own query (same numbers as /portfolio); its sort only decides which ideas a very
  // large portfolio shows first.
  const state = await refreshedPortfolioState(db, PAGE_REFRESH_BATCHES);
  const [unitGroups, charts] = await Promise.all([
    portfolioUnitGroups(db, state),
    portfolioChartsView(db, { unitIds, focusArea }, {
      unitIds, focusArea, stage: filter.steg ?? null,
      selfFinancing: filter.sjalvfinansierande === undefined ? null : filter.sjalvfinansierande === "ja",
      search: filter.sok ?? null, sort: filter.sortering, descending: filter.ordning === "fallande",
    }, state),
  ]);
  return data<PortfolioChartsPage>({ values, errors: {}, unitGroups, charts, figuresPending: state.pending });
}

export default function PortfolioDiagram() {
  const { values, errors, unitGroups, charts, figuresPending } = useLoaderData<PortfolioChartsPage>();
  const t = useMessages().portfolioCharts;
  const listSearch = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ""));
  return (
    <section aria-labelledby="portfoljdiagram-rubrik" className="portfolio-charts">
      <h1 id="portfoljdiagram-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <p><Link to={`/portfolio${listSearch.size > 0 ? `?${listSearch}` : ""}`}>{t.backToPortfolio}</Link></p>
      <ChartFilters values={values} errors={errors} unitGroups={unitGroups} />
      <FiguresPendingNotice pending={figuresPending} />
      {charts && (
        <div className="charts portfolio-charts__grid">
          {charts.portfolioTruncated && <p className="alert">{t.truncated(PORTFOLIO_CHART_LIMIT)}</p>}
          <FunnelChart rows={charts.funnel} />
          <UnitsChart rows={charts.byUnit.rows} restGroups={charts.byUnit.restGroups} />
          <FocusChart rows={charts.byFocus.rows} ideas={charts.byFocus.ideas} withoutArea={charts.byFocus.withoutArea} />
          <BubbleChart points={charts.bubbles.points} notPlotted={charts.bubbles.notPlotted} total={charts.cumulative.ideas} />
          <CumulativeChart rows={charts.cumulative.rows} ideas={charts.cumulative.ideas} ideasWithActuals={charts.cumulative.ideasWithActuals} />
          <StageTimeChart rows={charts.stageTimes} />
        </div>
      )}
    </section>
  );
}
