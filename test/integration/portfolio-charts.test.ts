import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAllPortfolio, type PortfolioQuery, refreshPortfolioFigures } from "~/models/portfolio.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { loader, type PortfolioChartsPage } from "../../app/routes/portfolio.diagram";
import { call, getRequest } from "../support/admin-requests";
import { openDemoDatabase } from "../support/demo-fixture";

// /portfolio/diagram: the tables behind the charts checked against counts and maths done here, on the
// demo data, independently of the chart module.

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo.close(); });

const page = (query = "", as: "styrgrupp" | "admin" | "medarbetare" | "kontaktperson" = "styrgrupp") =>
  call<PortfolioChartsPage>(loader, getRequest(`/portfolio/diagram${query}`, demo.cookies[as]));

/** Funnel stage per idea as the chart defines it, counted in JS from plain rows. */
async function expectedFunnel(unitIds: string[] | null): Promise<Record<string, number>> {
  let q = demo.db.selectFrom("ideas").select(["stage", "outcome", "unit_id"])
    .where("submitted_at", "is not", null).where("merged_into_id", "is", null);
  if (unitIds) q = q.where("unit_id", "in", unitIds);
  const counts: Record<string, number> = { inskickad: 0, bedomning: 0, prioritering: 0, pilot: 0, inforande: 0, inford: 0 };
  for (const idea of await q.execute()) {
    if (idea.stage === "avslutad") { if (idea.outcome === "inford") counts.inford! += 1; }
    else counts[idea.stage]! += 1;
  }
  return counts;
}

/** A plain median: middle value, or the mean of the two middle ones. */
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

describe("portfolio charts", () => {
  it("counts ideas per stage, förvaltning and focus area like plain queries do", async () => {
    const res = await page();
    expect(res.status).toBe(200);
    const charts = res.data.charts!;
    const expected = await expectedFunnel(null);
    expect(Object.fromEntries(charts.funnel.map((r) => [r.stage, r.count]))).toEqual(expected);
    expect(expected.prioritering).toBeGreaterThan(0);
    expect(expected.inford).toBeGreaterThan(0);
    const total = Object.values(expected).reduce((a, b) => a + b, 0);

    // Per förvaltning: Östermalm's row counts the ideas of every unit below it.
    expect(charts.byUnit.rows.reduce((s, r) => s + r.count, 0)).toBe(total);
    const ostermalm = await expectedFunnel(await unitSubtreeIds(demo.db, [demo.ostermalmId]));
    expect(charts.byUnit.rows.find((r) => r.id === demo.ostermalmId)?.count).toBe(Object.values(ostermalm).reduce((a, b) => a + b, 0));
    const counts = charts.byUnit.rows.map((r) => r.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));

    // Per focus area: an idea counts in each of its areas.
    const ideas = await demo.db.selectFrom("ideas").select(["focus_areas", "stage", "outcome"])
      .where("submitted_at", "is not", null).where("merged_into_id", "is", null).execute();
    const counted = ideas.filter((i) => i.stage !== "avslutad" || i.outcome === "inford");
    expect(charts.byFocus.ideas).toBe(total);
    for (const row of charts.byFocus.rows) {
      expect(row.count, row.area).toBe(counted.filter((i) => i.focus_areas.includes(row.area)).length);
    }
  });

  it("filters by unit and focus area, and answers 400 with a Swedish message for bad filters", async () => {
    const filtered = await page(`?enhet=${demo.ostermalmId}`);
    expect(filtered.status).toBe(200);
    const expected = await expectedFunnel(await unitSubtreeIds(demo.db, [demo.ostermalmId]));
    expect(Object.fromEntries(filtered.data.charts!.funnel.map((r) => [r.stage, r.count]))).toEqual(expected);
    expect(filtered.data.charts!.byUnit.rows.map((r) => r.id)).toEqual([demo.ostermalmId]);

    const focus = await page("?fokus=informationshantering");
    const withFocus = focus.data.charts!.byFocus.rows.find((r) => r.area === "informationshantering")!;
    expect(focus.data.charts!.byFocus.ideas).toBe(withFocus.count);
    expect(focus.data.charts!.funnel.reduce((s, r) => s + r.count, 0)).toBe(withFocus.count);

    const badUnit = await page("?enhet=inte-en-enhet");
    expect(badUnit.status).toBe(400);
    expect(badUnit.data.errors.enhet).toBe("Välj en förvaltning eller enhet i listan.");
    expect(badUnit.data.charts).toBeNull();
    const badFocus = await page("?fokus=allt");
    expect(badFocus.status).toBe(400);
    expect(badFocus.data.errors.fokus).toBe("Välj ett fokusområde i listan.");
    const unknownUnit = await page("?enhet=00000000-0000-4000-8000-000000000000");
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.data.errors.enhet).toMatch(/finns inte/);
  });

  it("is only for the steering group and administrators", async () => {
    expect((await page("", "medarbetare")).status).toBe(403);
    expect((await page("", "kontaktperson")).status).toBe(403);
    expect((await page("", "admin")).status).toBe(200);
    const anonymous = await call(loader, getRequest("/portfolio/diagram", null));
    expect(anonymous.location).toMatch(/^\/login/);
  });

  it("measures completed stays per stage from the gate decisions of every submitted idea, whatever its outcome", async () => {
    const charts = (await page()).data.charts!;
    // All submitted, unmerged ideas: rejected and parked ideas' stays count as much as the survivors'.
    const rows = await demo.db.selectFrom("gate_decisions as d").innerJoin("ideas as i", "i.id", "d.idea_id")
      .select(["d.id", "d.idea_id", "d.from_stage", "d.decided_at", "i.submitted_at", "i.stage", "i.outcome"])
      .where("i.submitted_at", "is not", null).where("i.merged_into_id", "is", null)
      .orderBy("d.idea_id").orderBy("d.decided_at").orderBy("d.id").execute();
    // The demo must hold closed ideas that were not införda and left a timed stage, or this proves nothing.
    expect(rows.some((r) => r.stage === "avslutad" && r.outcome !== "inford" && r.from_stage !== "avslutad")).toBe(true);
    const stays = new Map<string, number[]>();
    let previous: { ideaId: string; at: Date } | null = null;
    for (const r of rows) {
      const entered = previous && previous.ideaId === r.idea_id ? previous.at : new Date(r.submitted_at!);
      previous = { ideaId: r.idea_id, at: new Date(r.decided_at) };
      if (r.from_stage === "avslutad") continue;
      const list = stays.get(r.from_stage) ?? [];
      list.push((new Date(r.decided_at).getTime() - entered.getTime()) / 86_400_000);
      stays.set(r.from_stage, list);
    }
    expect(stays.get("inskickad")?.length).toBeGreaterThan(0);
    for (const row of charts.stageTimes) {
      const days = stays.get(row.stage) ?? [];
      expect(row.stays, row.stage).toBe(days.length);
      if (days.length === 0) expect(row.medianDays).toBeNull();
      else expect(row.medianDays, row.stage).toBeCloseTo(median(days), 1);
    }
    // The 90th percentile is the same definition as PostgreSQL's percentile_cont.
    const { rows: pg } = await sql<{ p90: unknown }>`
      select percentile_cont(0.9) within group (order by extract(epoch from (d.decided_at - coalesce(
        (select max(p.decided_at) from gate_decisions p where p.idea_id = d.idea_id and (p.decided_at, p.id) < (d.decided_at, d.id)),
        i.submitted_at))) / 86400.0) as p90
      from gate_decisions d join ideas i on i.id = d.idea_id
      where d.from_stage = 'inskickad' and i.submitted_at is not null and i.merged_into_id is null`.execute(demo.db);
    expect(charts.stageTimes[0]!.p90Days).toBeCloseTo(Number(pg[0]!.p90), 1);
  });

  it("plots the portfolio's ideas and sets realised costs and savings against the plan", async () => {
    await refreshPortfolioFigures(demo.db);
    const query: PortfolioQuery = { unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "score", descending: true };
    const portfolio = await listAllPortfolio(demo.db, query, 1000);
    const before = (await page()).data.charts!;
    expect(before.bubbles.points.length + before.bubbles.notPlotted.length).toBe(portfolio.length);
    for (const point of before.bubbles.points) {
      const row = portfolio.find((r) => r.id === point.id)!;
      expect([point.score, point.cost, point.npv]).toEqual([row.weightedScore, row.totalCosts, row.npv]);
    }
    const first = Math.min(...portfolio.filter((r) => r.startYear !== null).map((r) => r.startYear!));
    const plannedCostsFirstYear = portfolio.reduce((s, r) => s + (r.startYear === first ? r.costsByYear[0]! : 0), 0);
    expect(before.cumulative.rows[0]).toMatchObject({ year: first, plannedCosts: plannedCostsFirstYear });
    const totalPlanned = portfolio.reduce((s, r) => s + r.costsByYear.reduce((a, b) => a + b, 0), 0);
    expect(before.cumulative.rows.at(-1)!.plannedCosts).toBe(totalPlanned);

    // Actuals for one idea with a case: year 0 and 1 (time saving valued at the case's hourly cost).
    const idea = portfolio.find((r) => r.startYear !== null)!;
    const bc = await demo.db.selectFrom("business_cases").select(["hourly_cost", "start_year"]).where("idea_id", "=", idea.id).executeTakeFirstOrThrow();
    const actual = (year_index: number, kind: "one_off_cost" | "saving" | "time_saving", amount: number) =>
      ({ idea_id: idea.id, year_index, kind, amount, updated_by: demo.ids.styrgrupp });
    await demo.db.insertInto("business_case_actuals").values([
      actual(0, "one_off_cost", 120_000), actual(1, "saving", 40_000), actual(1, "time_saving", 100),
    ]).execute();
    const after = (await page()).data.charts!;
    const year1 = Number(bc.start_year) + 1;
    const row = after.cumulative.rows.find((r) => r.year === year1)!;
    expect(row.realisedCosts).toBe(120_000);
    expect(row.realisedSavings).toBe(40_000 + Math.round(100 * Number(bc.hourly_cost)));
    expect(after.cumulative.ideasWithActuals).toBe(1);
    expect(after.cumulative.rows.filter((r) => r.year > year1).every((r) => r.realisedCosts === null)).toBe(true);
  });
});
