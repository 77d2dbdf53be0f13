import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { figuresOf } from "~/services/business-case.server";
import { findBusinessCase } from "~/models/business-cases.server";
import { ideaAssessmentResultFor } from "~/models/assessments.server";
import {
  listPortfolio, pendingPortfolioFigures, portfolioCostsByYear, portfolioTotals, refreshPortfolioFigures, refreshPortfolioFiguresOf,
  type PortfolioQuery,
} from "~/models/portfolio.server";
import { cachedCountRead, portfolioGeneration, viewKey } from "~/services/read-cache.server";
import { portfolioPageData } from "~/services/portfolio-views.server";
import { openDemoDatabase } from "../support/demo-fixture";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo.close(); });

const everything: PortfolioQuery = {
  unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "npv", descending: true,
};

describe("portfolio figures", () => {
  it("computes the figures of every portfolio idea once, equal to the business case and assessment services", async () => {
    const { refreshed: first } = await refreshPortfolioFigures(demo.db);
    expect(first).toBeGreaterThan(0);
    expect((await refreshPortfolioFigures(demo.db)).refreshed).toBe(0);
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
    expect((await refreshPortfolioFigures(demo.db)).refreshed).toBe(2);
    expect((await refreshPortfolioFigures(demo.db)).refreshed).toBe(0);
  });

  it("recomputes every row when a criterion's weight changes, and the scores follow the new weight", async () => {
    const { total } = await listPortfolio(demo.db, everything, { limit: 1, offset: 0 });
    const criterion = await demo.db.selectFrom("assessment_criteria").select(["id", "weight"]).where("active", "=", true)
      .orderBy("position").limit(1).executeTakeFirstOrThrow();
    await demo.db.updateTable("assessment_criteria").set({ weight: criterion.weight + 7, updated_at: new Date(Date.now() + 1000) })
      .where("id", "=", criterion.id).execute();
    const { refreshed } = await refreshPortfolioFigures(demo.db);
    // Every portfolio idea (closed ones included) is recomputed once.
    expect(refreshed).toBeGreaterThanOrEqual(total);
    expect((await refreshPortfolioFigures(demo.db)).refreshed).toBe(0);
    const { rows } = await listPortfolio(demo.db, everything, { limit: 100, offset: 0 });
    for (const row of rows) expect(row.weightedScore).toBe((await ideaAssessmentResultFor(demo.db, row.id)).result.weightedScore);
  });
});

describe("the figures queue and the portfolio read cache (issue 10)", () => {
  const queued = async () =>
    (await demo.db.selectFrom("portfolio_figures_queue").select("idea_id").execute()).map((r) => r.idea_id).sort();

  it("queues an idea when a score, a business-case line or the idea changes, and only that idea", async () => {
    await refreshPortfolioFigures(demo.db);
    expect(await queued()).toEqual([]);
    const { rows } = await listPortfolio(demo.db, everything, { limit: 3, offset: 0 });
    const [scored, costed, edited] = rows.map((r) => r.id);
    const score = await demo.db.selectFrom("assessment_scores")
      .innerJoin("assessments", "assessments.id", "assessment_scores.assessment_id")
      .select(["assessment_scores.assessment_id", "assessment_scores.criterion_id"])
      .where("assessments.idea_id", "=", scored!).executeTakeFirst();
    if (score) {
      await demo.db.updateTable("assessment_scores").set({ score: 3 })
        .where("assessment_id", "=", score.assessment_id).where("criterion_id", "=", score.criterion_id).execute();
    }
    await demo.db.updateTable("business_case_lines").set({ description: "Ändrad rad" }).where("idea_id", "=", costed!).execute();
    await demo.db.updateTable("ideas").set({ version: (eb) => eb("version", "+", 1) }).where("id", "=", edited!).execute();
    const expected = [...(score ? [scored!] : []), costed!, edited!];
    // A line update only queues if the idea has lines; the two that surely do are listed.
    expect((await queued()).filter((id) => expected.includes(id)).length).toBeGreaterThanOrEqual(score ? 2 : 1);
    expect((await queued()).every((id) => expected.includes(id))).toBe(true);

    // Recomputing just one of them leaves the others queued.
    expect(await refreshPortfolioFiguresOf(demo.db, [edited!])).toBe(1);
    expect(await queued()).not.toContain(edited);
    await refreshPortfolioFigures(demo.db);
    expect(await queued()).toEqual([]);
  });

  it("a page read takes a bounded number of batches and says how many ideas are still waiting", async () => {
    await demo.db.updateTable("assessment_criteria").set({ updated_at: new Date(Date.now() + 5000) })
      .where("active", "=", true).execute();
    const waiting = (await queued()).length;
    expect(waiting).toBeGreaterThan(0);
    const first = await refreshPortfolioFigures(demo.db, { maxBatches: 1 });
    expect(first.refreshed).toBe(Math.min(waiting, 200));
    expect(first.pending).toBe(waiting - first.refreshed);
    expect(await pendingPortfolioFigures(demo.db)).toBe(first.pending);
    await refreshPortfolioFigures(demo.db);
    expect(await pendingPortfolioFigures(demo.db)).toBe(0);
  });

  it("serves a view from the cache until a change commits, then reads afresh", async () => {
    const page = { limit: 5, offset: 0 };
    const years = { firstYear: 2026, years: 3 };
    const before = await portfolioPageData(demo.db, everything, page, years);
    expect(await portfolioPageData(demo.db, everything, page, years)).toBe(before);
    const generation = await portfolioGeneration(demo.db);
    const first = before.rows[0]!;
    await demo.db.updateTable("ideas").set({ title: `${first.title} (ny titel)` }).where("id", "=", first.id).execute();
    expect(await portfolioGeneration(demo.db)).toBeGreaterThan(generation);
    const after = await portfolioPageData(demo.db, everything, page, years);
    expect(after).not.toBe(before);
    expect(after.rows.find((r) => r.id === first.id)?.title).toBe(`${first.title} (ny titel)`);
    // A transaction that changes many rows bumps the generation once, at commit.
    const beforeBulk = await portfolioGeneration(demo.db);
    await demo.db.transaction().execute(async (trx) => {
      await trx.updateTable("ideas").set({ updated_at: new Date() }).where("submitted_at", "is not", null).execute();
      await trx.updateTable("units").set({ updated_at: new Date() }).execute();
    });
    expect(await portfolioGeneration(demo.db)).toBe(beforeBulk + 1);
  });

  it("keeps counts on their own shelf: many distinct searches do not push a portfolio view out", async () => {
    const page = { limit: 5, offset: 0 };
    const years = { firstYear: 2026, years: 3 };
    const view = await portfolioPageData(demo.db, everything, page, years);
    let counted = 0;
    for (let i = 0; i < 400; i += 1) {
      await cachedCountRead(demo.db, viewKey("idea-search-total", { q: `sökning ${i}` }), async () => { counted += 1; return i; });
    }
    expect(counted).toBe(400);
    expect(await portfolioPageData(demo.db, everything, page, years)).toBe(view);
    // A count is itself served from its shelf until the data changes.
    expect(await cachedCountRead(demo.db, viewKey("idea-search-total", { q: "sökning 7" }), async () => -1)).toBe(7);
  });
});
