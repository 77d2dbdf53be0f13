import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figuresOf } from "~/services/business-case.server";
import { findBusinessCase } from "~/models/business-cases.server";
import { ideaAssessmentResultFor } from "~/models/assessments.server";
import { listPortfolio, portfolioCostsByYear, portfolioTotals, refreshPortfolioFigures, type PortfolioQuery } from "~/models/portfolio.server";
import { openDemoDatabase } from "../support/demo-fixture";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo.close(); });

const everything: PortfolioQuery = {
  unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "npv", descending: true,
};

describe("portfolio figures", () => {
  it("computes the figures of every portfolio idea once, equal to the business case and assessment services", async () => {
    const first = await refreshPortfolioFigures(demo.db);
    expect(first).toBeGreaterThan(0);
    expect(await refreshPortfolioFigures(demo.db)).toBe(0);
    const { rows, total } = await listPortfolio(demo.db, everything, { limit: 100, offset: 0 });
    expect(rows.length).toBe(total);
    expect(rows.every((r) => ["prioritering", "pilot", "inforande"].includes(r.stage))).toBe(true);
    for (const row of rows) {
      const current = await findBusinessCase(demo.db, row.id);
      if (current && current.lines.length > 0) {
        const { result } = figuresOf(current);
        expect(row.npv).toBe(result.npv);
        expect(row.financialNpv).toBe(result.financialNpv);
        expect(row.costsByYear).toEqual(result.years.map((y) => y.costs));
      } else {
        expect(row.npv).toBeNull();
      }
      expect(row.weightedScore).toBe((await ideaAssessmentResultFor(demo.db, row.id)).result.weightedScore);
    }
    // Sorted by NPV descending, missing NPVs last.
    const npvs = rows.map((r) => r.npv);
    const present = npvs.filter((v): v is number => v !== null);
    expect(present).toEqual([...present].sort((a, b) => b - a));
    expect(npvs.slice(present.length).every((v) => v === null)).toBe(true);

    const totals = await portfolioTotals(demo.db, everything);
    expect(totals.count).toBe(total);
    expect(totals.npv).toBe(present.reduce((a, b) => a + b, 0));
    const year = rows.find((r) => r.startYear !== null)?.startYear ?? 2026;
    const costs = await portfolioCostsByYear(demo.db, everything, year, 3);
    expect(costs[0]).toBe(rows.reduce((sum, r) => sum + (r.startYear === null ? 0 : r.costsByYear[year - r.startYear] ?? 0), 0));
  });

  it("recomputes a row when its business case is saved again or the idea changes", async () => {
    const { rows } = await listPortfolio(demo.db, everything, { limit: 2, offset: 0 });
    const [first, second] = [rows[0]!, rows[1]!];
    await demo.db.updateTable("business_cases").set({ version: (eb) => eb("version", "+", 1) }).where("idea_id", "=", first.id).execute();
    await demo.db.updateTable("ideas").set({ version: (eb) => eb("version", "+", 1) }).where("id", "=", second.id).execute();
    expect(await refreshPortfolioFigures(demo.db)).toBe(2);
    expect(await refreshPortfolioFigures(demo.db)).toBe(0);
  });

  it("recomputes every row when a criterion's weight changes, and the scores follow the new weight", async () => {
    const { total } = await listPortfolio(demo.db, everything, { limit: 1, offset: 0 });
    const criterion = await demo.db.selectFrom("assessment_criteria").select(["id", "weight"]).where("active", "=", true)
      .orderBy("position").limit(1).executeTakeFirstOrThrow();
    await demo.db.updateTable("assessment_criteria").set({ weight: criterion.weight + 7, updated_at: new Date(Date.now() + 1000) })
      .where("id", "=", criterion.id).execute();
    const refreshed = await refreshPortfolioFigures(demo.db);
    // Every portfolio idea (closed ones included) is recomputed once.
    expect(refreshed).toBeGreaterThanOrEqual(total);
    expect(await refreshPortfolioFigures(demo.db)).toBe(0);
    const { rows } = await listPortfolio(demo.db, everything, { limit: 100, offset: 0 });
    for (const row of rows) expect(row.weightedScore).toBe((await ideaAssessmentResultFor(demo.db, row.id)).result.weightedScore);
  });
});
