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

  it("recomputes a row when its business case is saved again", async () => {
    const { rows } = await listPortfolio(demo.db, everything, { limit: 1, offset: 0 });
    const idea = rows[0]!;
    await demo.db.updateTable("business_cases").set({ version: (eb) => eb("version", "+", 1) }).where("idea_id", "=", idea.id).execute();
    expect(await refreshPortfolioFigures(demo.db)).toBe(1);
  });
});
