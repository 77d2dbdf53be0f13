import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { fieldErrorsByField } from "~/components/admin/action-data";
import { Pagination, withoutPage } from "~/components/admin/pagination";
import type { FieldErrors } from "~/components/forms";
import { stockholmYear } from "~/domain/stockholm-year";
import { PortfolioFilters, type PortfolioFilterValues } from "~/components/portfolio/portfolio-filters";
import { PortfolioTable, type PortfolioTableRow } from "~/components/portfolio/portfolio-table";
import { PortfolioTotalsSection } from "~/components/portfolio/portfolio-totals";
import { daysInStage, type PortfolioSort } from "~/domain/portfolio";
import { messagesFor } from "~/i18n";
import { PAGE_REFRESH_BATCHES, type PortfolioQuery, type PortfolioTotals } from "~/models/portfolio.server";
import { portfolioPageView, portfolioUnitGroups, refreshedPortfolioState } from "~/services/portfolio-views.server";
import { FiguresPendingNotice } from "~/components/portfolio/figures-pending-notice";
import type { UnitGroup } from "~/models/selectable-unit.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { PORTFOLIO_FILTER_FIELDS, portfolioFilterSchema } from "~/schemas/portfolio";
import portfolioStyles from "~/styles/portfolio.css";
import { requirePermission } from "~/utils/auth.server";
import { getDatabase } from "~/utils/db.server";
import { metaLocale, useMessages } from "~/utils/locale";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: portfolioStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: messagesFor(metaLocale(matches)).portfolio.title }];

export const PORTFOLIO_PAGE_SIZE = 25;
/** The page shows costs for this year and the next four. */
export const PORTFOLIO_PAGE_YEARS = 5;

export interface PortfolioPage {
  values: PortfolioFilterValues;
  errors: FieldErrors;
  unitGroups: UnitGroup[];
  rows: PortfolioTableRow[];
  total: number;
  page: number;
  pageCount: number;
  totals: PortfolioTotals | null;
  costs: number[];
  firstYear: number;
  sort: PortfolioSort;
  descending: boolean;
  /** Ideas whose figures are still being recomputed after a change (the numbers may change). */
  figuresPending: number;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "portfolio.view");
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  const values = Object.fromEntries(PORTFOLIO_FILTER_FIELDS.map((f) => [f, raw[f] ?? ""])) as PortfolioFilterValues;
  const { db } = await getDatabase();
  const now = new Date();
  const firstYear = stockholmYear(now);
  const refuse = async (errors: FieldErrors) => data<PortfolioPage>({
    values, errors, unitGroups: await portfolioUnitGroups(db), rows: [], total: 0, page: 1, pageCount: 0, totals: null, costs: [],
    firstYear, sort: "score", descending: true, figuresPending: 0,
  }, { status: 400 });
  const parsed = portfolioFilterSchema.safeParse(raw);
  if (!parsed.success) return refuse(fieldErrorsByField(parsed.error));
  const { enhet, fokus, steg, sjalvfinansierande, sok, sortering, ordning, sida } = parsed.data;
  const unitIds = enhet ? await unitSubtreeIds(db, [enhet.toLowerCase()]) : null;
  if (unitIds && unitIds.length === 0) return refuse({ enhet: messagesFor("sv").portfolio.filters.unknownUnit });

  const query: PortfolioQuery = {
    unitIds, focusArea: fokus ?? null, stage: steg ?? null,
    selfFinancing: sjalvfinansierande === undefined ? null : sjalvfinansierande === "ja",
    search: sok || null, sort: sortering, descending: ordning === "fallande",
  };
  const state = await refreshedPortfolioState(db, PAGE_REFRESH_BATCHES);
  const view = await portfolioPageView(
    db, state, query, { limit: PORTFOLIO_PAGE_SIZE, offset: (sida - 1) * PORTFOLIO_PAGE_SIZE },
    { firstYear, years: PORTFOLIO_PAGE_YEARS },
  );
  // The view is shared by everyone at this generation; only the days in stage depend on the moment.
  const rows = view.rows.map(({ stageChangedAt, ...row }) => ({ ...row, age: daysInStage(stageChangedAt, now) }));
  return data<PortfolioPage>({
    values, errors: {}, unitGroups: view.unitGroups, rows, total: view.total, page: sida,
    pageCount: Math.ceil(view.total / PORTFOLIO_PAGE_SIZE), totals: view.totals, costs: view.costs, firstYear,
    sort: query.sort, descending: query.descending, figuresPending: state.pending,
  });
}

export default function PortfolioIndex() {
  const page = useLoaderData<PortfolioPage>();
  const t = useMessages().portfolio;
  const [searchParams] = useSearchParams();
  const filters = withoutPage(searchParams, "meddelande");
  const suffix = filters ? `?${filters}` : "";
  // The optimiser weighs in the same ideas: it takes the unit, focus-area and stage filters along.
  const selectionFilters = new URLSearchParams(
    (["enhet", "fokus", "steg"] as const).flatMap((key) => (searchParams.get(key) ? [[key, searchParams.get(key)!]] : [])),
  ).toString();
  return (
    <section aria-labelledby="portfolj-rubrik" className="portfolio">
      <h1 id="portfolj-rubrik">{t.heading}</h1>
      <p className="lead">{t.lead}</p>
      <nav aria-label={t.links.label} className="portfolio-links">
        <ul>
          <li><Link to={`/portfolio/optimera${selectionFilters ? `?${selectionFilters}` : ""}`}>{t.links.optimise}</Link></li>
          <li><Link to="/portfolio/forslag">{t.links.proposals}</Link></li>
          <li><Link to={`/portfolio/diagram${suffix}`}>{t.links.charts}</Link></li>
          <li><Link to="/portfolio/agenda">{t.links.agenda}</Link></li>
          <li><a href={`/portfolio/export.csv${suffix}`} download>{t.links.exportCsv}</a></li>
          <li><a href={`/portfolio/export.xlsx${suffix}`} download>{t.links.exportXlsx}</a></li>
        </ul>
      </nav>
      <PortfolioFilters values={page.values} errors={page.errors} unitGroups={page.unitGroups} />
      <FiguresPendingNotice pending={page.figuresPending} />
      {page.totals && page.total === 0 && <p className="portfolio-empty">{t.empty}</p>}
      {page.rows.length > 0 && (
        <>
          <PortfolioTable rows={page.rows} firstYear={page.firstYear} search={searchParams} sort={page.sort}
            descending={page.descending} from={(page.page - 1) * PORTFOLIO_PAGE_SIZE + 1} total={page.total} />
          <Pagination page={page.page} pageCount={page.pageCount} search={searchParams} />
        </>
      )}
      {page.totals && page.total > 0 && <PortfolioTotalsSection totals={page.totals} costs={page.costs} firstYear={page.firstYear} />}
    </section>
  );
}
