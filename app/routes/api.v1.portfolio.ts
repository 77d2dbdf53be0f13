import type { LoaderFunctionArgs } from "@remix-run/node";
import type { z } from "zod";
import { can } from "~/domain/permissions";
import { costsInBudgetYears, type PortfolioStage } from "~/domain/portfolio";
import { PAGE_REFRESH_BATCHES, type PortfolioQuery, refreshPortfolioFigures } from "~/models/portfolio.server";
import { apiPortfolioData } from "~/services/portfolio-views.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { apiPortfolioQuerySchema, type apiPortfolioResponseSchema } from "~/schemas/api";
import { apiBadRequest, apiJson, apiMethodNotAllowed, pageLinks, requireApiPermission } from "~/services/api-tokens.server";
import { EXPORT_BUDGET_YEARS, stockholmDay } from "~/services/exports.server";
import { getDatabase } from "~/utils/db.server";

// GET /api/v1/portfolio: the portfolio's aggregates and key figures, through the same model
// functions as /portfolio and its exports. "portfolio.view" for the token's user (403 otherwise).

export async function loader({ request }: LoaderFunctionArgs) {
  const { db } = await getDatabase();
  await requireApiPermission(db, request, (actor) => can(actor, "portfolio.view"));
  const url = new URL(request.url);
  const parsed = apiPortfolioQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return apiBadRequest(parsed.error.issues);
  const p = parsed.data;
  const unitIds = p.unit ? await unitSubtreeIds(db, [p.unit]) : null;
  if (unitIds && unitIds.length === 0) return apiJson({ error: "Ogiltiga parametrar.", fields: { unit: "Enheten finns inte." } }, 400);
  const query: PortfolioQuery = {
    unitIds, focusArea: p.focusArea ?? null, stage: p.stage ?? null,
    selfFinancing: p.selfFinancing === undefined ? null : p.selfFinancing === "true",
    search: p.q ?? null, sort: "score", descending: true,
  };
  const figures = await refreshPortfolioFigures(db, { maxBatches: PAGE_REFRESH_BATCHES });
  const firstYear = Number(stockholmDay(new Date()).slice(0, 4));
  const { totals, costs, rows, total, stageCounts } = await apiPortfolioData(
    db, query, { limit: p.pageSize, offset: (p.page - 1) * p.pageSize }, { firstYear, years: EXPORT_BUDGET_YEARS },
  );
  const pageCount = Math.ceil(total / p.pageSize);
  const body: z.input<typeof apiPortfolioResponseSchema> = {
    totals,
    countsByStage: Object.fromEntries(stageCounts) as Record<PortfolioStage, number>,
    costsByYear: costs.map((cost, y) => ({ year: firstYear + y, cost })),
    data: rows.map((r) => ({
      id: r.id, reference: r.reference, title: r.title, unit: { id: r.unitId, name: r.unitName }, focusAreas: r.focusAreas,
      stage: r.stage, outcome: r.outcome, weightedScore: r.weightedScore, npv: r.npv, financialNpv: r.financialNpv,
      benefitCostRatio: r.benefitCostRatio, paybackMonths: r.paybackMonths, selfFinancing: r.selfFinancing,
      totalCosts: r.totalCosts, totalSavings: r.totalSavings,
      costsInBudgetYears: costsInBudgetYears(r, firstYear, EXPORT_BUDGET_YEARS),
      submittedAt: r.submittedAt.toISOString(), stageChangedAt: r.stageChangedAt.toISOString(), links: { html: `/ideas/${r.id}` },
    })),
    page: p.page, pageSize: p.pageSize, total, pageCount, links: pageLinks(url, p.page, pageCount),
  };
  // Figures still being recomputed after a change (the numbers may change): said in a header, so the
  // response body keeps its documented shape.
  return apiJson(body, 200, { "Idesluss-Figures-Pending": String(figures.pending) });
}

export const action = () => apiMethodNotAllowed();
