import { type ComponentType, createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import PortfolioPage, { loader as pageLoader } from "../../app/routes/portfolio._index";
import OptimisePage, { action as optimiseAction, loader as optimiseLoader } from "../../app/routes/portfolio.optimera";
import ProposalPage, { loader as proposalLoader } from "../../app/routes/portfolio.forslag.$proposalId";
import ProposalsPage, { loader as proposalsLoader } from "../../app/routes/portfolio.forslag._index";
import ComparePage, { loader as compareLoader } from "../../app/routes/portfolio.forslag.jamfor";
import { buildCandidates, resolvePins } from "../../app/domain/portfolio";
import { selectPortfolio } from "../../app/domain/portfolio-selection";
import {
  listAllPortfolio, listPortfolio, type PortfolioQuery, portfolioTotals, refreshPortfolioFigures,
} from "../../app/models/portfolio.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { openDemoDatabase } from "../support/demo-fixture";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo.close(); });

const everything: PortfolioQuery = {
  unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "score", descending: true,
};
/** Server-renders a page from its loader data (as the browser gets it), failing on console errors. */
async function render(component: ComponentType, data: unknown, url = "http://localhost/"): Promise<string> {
  const consoleError = vi.spyOn(console, "error");
  const loaded = { ...JSON.parse(JSON.stringify(data)), locale: "sv" };
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => loaded, element: createElement(component) }]);
  const context = await handler.query(new Request(url));
  if (context instanceof Response) throw new Error("unexpected response");
  const html = renderToString(createElement(StaticRouterProvider, {
    router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false,
  }));
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
  return html;
}

const get = (handler: Parameters<typeof call>[0], path: string, who: keyof typeof demo.cookies = "styrgrupp", params = {}) =>
  call(handler, getRequest(path, demo.cookies[who]), params);

describe("the portfolio page", () => {
  it("is the styrgrupp's: others get 403", async () => {
    expect((await get(pageLoader, "/portfolio", "medarbetare")).status).toBe(403);
    expect((await get(pageLoader, "/portfolio", "kontaktperson")).status).toBe(403);
    expect((await get(pageLoader, "/portfolio", "admin")).status).toBe(200);
  });

  it("shows the same figures as listPortfolio and the totals of the whole set", async () => {
    const { status, data } = await get(pageLoader, "/portfolio");
    expect(status).toBe(200);
    await refreshPortfolioFigures(demo.db);
    const expected = await listPortfolio(demo.db, everything, { limit: 25, offset: 0 });
    expect(data.total).toBe(expected.total);
    expect(data.rows.map((r: { id: string }) => r.id)).toEqual(expected.rows.map((r) => r.id));
    for (const [i, row] of expected.rows.entries()) {
      const shown = data.rows[i];
      expect([shown.npv, shown.financialNpv, shown.weightedScore, shown.paybackMonths, shown.benefitCostRatio])
        .toEqual([row.npv, row.financialNpv, row.weightedScore, row.paybackMonths, row.benefitCostRatio]);
      expect(shown.budgetCosts).toHaveLength(5);
    }
    expect(data.totals).toEqual(await portfolioTotals(demo.db, everything));
    expect(data.costs).toHaveLength(5);
  });

  it("filters and sorts through the URL", async () => {
    const pilots = await get(pageLoader, "/portfolio?steg=pilot&sortering=npv&ordning=stigande");
    expect(pilots.status).toBe(200);
    expect(pilots.data.rows.length).toBeGreaterThan(0);
    expect(pilots.data.rows.every((r: { stage: string }) => r.stage === "pilot")).toBe(true);
    const npvs = pilots.data.rows.map((r: { npv: number | null }) => r.npv).filter((v: number | null) => v !== null);
    expect(npvs).toEqual([...npvs].sort((a, b) => a - b));
    const own = await get(pageLoader, `/portfolio?enhet=${demo.ostermalmId}`);
    expect(own.data.rows.length).toBeLessThan((await get(pageLoader, "/portfolio")).data.total);
  });

  it("answers bad parameters with 400 and Swedish messages, not 500", async () => {
    const bad = await get(pageLoader, "/portfolio?steg=bedomning&sortering=x&enhet=abc");
    expect(bad.status).toBe(400);
    expect(bad.data.errors.steg).toBe("Välj ett steg i listan.");
    expect(bad.data.errors.sortering).toBe("Välj en sortering i listan.");
    expect(bad.data.errors.enhet).toMatch(/förvaltning/);
    const unknownUnit = await get(pageLoader, "/portfolio?enhet=00000000-0000-4000-8000-000000000000");
    expect(unknownUnit.status).toBe(400);
    expect(unknownUnit.data.errors.enhet).toMatch(/finns inte/);
  });
});

/** The form's fields for a computation. */
function selectionFields(values: Record<string, string>, pins: Record<string, string> = {}): [string, string][] {
  return [...Object.entries({ ar: "2027", antal: "1", mal: "npv", ...values }), ...Object.entries(pins).map(([id, pin]) => [`las.${id}`, pin] as [string, string])];
}
const query = (fields: [string, string][]) => `/portfolio/optimera?${new URLSearchParams(fields)}`;
/** Computes through the action (a POST with intent=berakna), as the form does. */
const compute = (fields: [string, string][], who: keyof typeof demo.cookies = "styrgrupp") =>
  call(optimiseAction, postRequest("/portfolio/optimera", demo.cookies[who], [...fields, ["intent", "berakna"]]));

describe("the optimiser", () => {
  it("is for the styrgrupp and administrators", async () => {
    expect((await get(optimiseLoader, "/portfolio/optimera", "medarbetare")).status).toBe(403);
    expect((await get(optimiseLoader, "/portfolio/optimera", "kontaktperson")).status).toBe(403);
    expect((await compute(selectionFields({ budget1: "1" }), "kontaktperson")).status).toBe(403);
    const byMedarbetare = await call(optimiseAction, postRequest("/portfolio/optimera", demo.cookies.medarbetare, selectionFields({ budget1: "1" })));
    expect(byMedarbetare.status).toBe(403);
    expect(await demo.db.selectFrom("prioritisation_proposals").select("id").execute()).toHaveLength(0);
    const page = await get(optimiseLoader, "/portfolio/optimera");
    expect(page.status).toBe(200);
    expect(page.data.candidates.length).toBeGreaterThan(0);
    // Ideas in pilot are committed: "Måste med" by default.
    expect(page.data.candidates.filter((c: { stage: string }) => c.stage === "pilot").every((c: { pin: string }) => c.pin === "med")).toBe(true);
  });

  it("lists the candidates of the URL's filters (as /portfolio links here), also next to a validation error", async () => {
    const pilots = await get(optimiseLoader, "/portfolio/optimera?steg=pilot");
    expect(pilots.status).toBe(200);
    expect(pilots.data.run).toBeNull();
    expect(pilots.data.candidates.length).toBeGreaterThan(0);
    expect(pilots.data.candidates.every((c: { stage: string }) => c.stage === "pilot")).toBe(true);
    const bad = await compute(selectionFields({ steg: "pilot", budget1: "abc" }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors.budget1).toMatch(/hela kronor/);
    expect(bad.data.candidates.map((c: { id: string }) => c.id)).toEqual(pilots.data.candidates.map((c: { id: string }) => c.id));
    // A bad filter is reported; the other filters still apply.
    const badStage = await get(optimiseLoader, "/portfolio/optimera?steg=bedomning&fokus=x");
    expect(badStage.status).toBe(400);
    expect(badStage.data.errors.steg).toBe("Välj ett steg i listan.");
  });

  it("computes with a POST (the pins travel in the body, not the URL) and keeps the values", async () => {
    const fields = selectionFields({ ar: "2026", budget1: "2 500 000", steg: "prioritering" });
    const answer = await compute(fields);
    expect(answer.status).toBe(200);
    expect(answer.data.run.result.feasible).toBe(true);
    expect(answer.data.run.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(answer.data.values.budget1).toBe("2 500 000");
    expect(answer.data.candidates.every((c: { stage: string }) => c.stage === "prioritering")).toBe(true);
    // A GET with the old query string no longer computes.
    expect((await get(optimiseLoader, query(fields))).data.run).toBeNull();
    expect((await call(optimiseAction, postRequest("/portfolio/optimera", demo.cookies.styrgrupp, fields))).status).toBe(400);
  });

  it("refuses a bad budget with 400 and a Swedish message", async () => {
    const bad = await compute(selectionFields({ antal: "2", budget1: "abc", budget2: "" }));
    expect(bad.status).toBe(400);
    expect(bad.data.errors.budget1).toBe("Budgeten för 2027 ska vara hela kronor, till exempel 2 500 000.");
    expect(bad.data.errors.budget2).toBe("Ange budgeten för 2028 i hela kronor.");
    expect(bad.data.values.budget1).toBe("abc");
    const badYears = await compute(selectionFields({ antal: "9", budget1: "1" }));
    expect(badYears.status).toBe(400);
    expect(badYears.data.errors.antal).toMatch(/mellan 1 och 5/);
  });

  it("says which years the must-includes alone break", async () => {
    await refreshPortfolioFigures(demo.db);
    const rows = await listAllPortfolio(demo.db, everything, 2000);
    const committed = rows.find((r) => (r.stage === "pilot" || r.stage === "inforande") && r.npv !== null && r.costsByYear.some((c) => c > 0))!;
    const year = committed.startYear! + committed.costsByYear.findIndex((c) => c > 0);
    const result = await compute(selectionFields({ ar: String(year), budget1: "0" }));
    expect(result.status).toBe(200);
    expect(result.data.run.result.feasible).toBe(false);
    expect(result.data.run.overBudgetYears).toEqual([0]);
  });

  it("accepts Swedish amounts and shows the result with reasons", async () => {
    const result = await compute(selectionFields({ ar: "2026", budget1: "2 500 000" }));
    expect(result.status).toBe(200);
    const { run } = result.data;
    expect(run.budgets).toEqual([2_500_000]);
    expect(run.result.feasible).toBe(true);
    expect(run.result.costByYear[0]).toBeLessThanOrEqual(2_500_000);
    for (const item of run.items) {
      if (item.selected) expect(["selected", "pinned_in"]).toContain(item.reason);
      else expect(["over_budget", "no_value", "pinned_out"]).toContain(item.reason);
    }
  });
});

/** Posts the save form as the page renders it after a computation: its hidden inputs and the result's fingerprint. */
async function postSave(fields: [string, string][], urval?: string, typed: [string, string][] = [
  ["titel", "Förslag inför budget"], ["motivering", "Mest nytta för pengarna."],
]) {
  const fingerprint = urval ?? (await compute(fields)).data.run.fingerprint;
  return call(optimiseAction, postRequest("/portfolio/optimera", demo.cookies.styrgrupp, [
    ...fields, ["intent", "spara"], ["urval", fingerprint], ...typed,
  ]));
}
const proposalCount = async () => (await demo.db.selectFrom("prioritisation_proposals").select("id").execute()).length;

async function saveProposal(fields: [string, string][]) {
  const answer = await postSave(fields);
  expect(answer.status).toBe(302);
  const match = /^\/portfolio\/forslag\/([0-9a-f-]{36})\?meddelande=sparat$/.exec(answer.location ?? "");
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("prioritisation proposals", () => {
  it("refuses a save without a motivation, keeping what was typed", async () => {
    const answer = await postSave(selectionFields({ budget1: "1000000", steg: "prioritering" }), undefined, [["titel", "Utan motivering"], ["motivering", " "]]);
    expect(answer.status).toBe(400);
    expect(answer.data.save.errors.motivering).toBe("Skriv en motivering till förslaget.");
    expect(answer.data.save.typed.titel).toBe("Utan motivering");
    expect(answer.data.run.result.feasible).toBe(true);
  });

  it("refuses with 409 when the result differs from the one shown, keeping the text and showing the fresh result", async () => {
    const before = await proposalCount();
    const fields = selectionFields({ ar: "2026", budget1: "2 500 000" });
    const answer = await postSave(fields, "0000000000000000");
    expect(answer.status).toBe(409);
    expect(answer.data.save.formError).toBe("Resultatet har ändrats sedan du beräknade det – granska det nya resultatet och spara igen.");
    expect(answer.data.save.typed).toEqual({ titel: "Förslag inför budget", motivering: "Mest nytta för pengarna." });
    expect(answer.data.run.fingerprint).toBe((await compute(fields)).data.run.fingerprint);
    expect(await proposalCount()).toBe(before);
  });

  it("refuses to save an infeasible result with 409", async () => {
    await refreshPortfolioFigures(demo.db);
    const rows = await listAllPortfolio(demo.db, everything, 2000);
    const committed = rows.find((r) => (r.stage === "pilot" || r.stage === "inforande") && r.npv !== null && r.costsByYear.some((c) => c > 0))!;
    const year = committed.startYear! + committed.costsByYear.findIndex((c) => c > 0);
    const fields = selectionFields({ ar: String(year), budget1: "0" });
    const before = await proposalCount();
    const answer = await postSave(fields);
    expect(answer.status).toBe(409);
    expect(answer.data.save.formError).toMatch(/kan inte sparas/);
    expect(answer.data.save.typed.motivering).toBe("Mest nytta för pengarna.");
    expect(answer.data.run.result.feasible).toBe(false);
    expect(await proposalCount()).toBe(before);
  });

  it("saves items and an audit row, re-running the optimiser: the stored choice equals a fresh selectPortfolio", async () => {
    await refreshPortfolioFigures(demo.db);
    const rows = await listAllPortfolio(demo.db, everything, 2000);
    const pilot = rows.find((r) => r.stage === "pilot" && r.npv !== null)!;
    const free = rows.find((r) => r.stage === "prioritering" && r.npv !== null)!;
    const pins = { [pilot.id]: "valfri", [free.id]: "ut" };
    const fields = selectionFields({ ar: "2026", antal: "2", budget1: "3 000 000", budget2: "2000000" }, pins);
    const id = await saveProposal(fields);

    const proposal = await demo.db.selectFrom("prioritisation_proposals").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(proposal.objective).toBe("npv");
    expect(proposal.budgets.map(Number)).toEqual([3_000_000, 2_000_000]);
    expect(proposal.must_exclude).toContain(free.id);
    const items = await demo.db.selectFrom("prioritisation_proposal_items").selectAll().where("proposal_id", "=", id)
      .orderBy("idea_id").execute();
    const built = buildCandidates(rows, "npv", 2026, 2);
    expect(items.map((i) => i.idea_id)).toEqual(built.candidates.map((c) => c.id).sort());
    expect(items.find((i) => i.idea_id === free.id)!.reason).toBe("pinned_out");

    const { mustInclude, mustExclude } = resolvePins(built.candidates.map((c) => ({ id: c.id, stage: rows.find((r) => r.id === c.id)!.stage })), pins);
    const fresh = await selectPortfolio({ candidates: built.candidates, budgets: [3_000_000, 2_000_000], mustInclude, mustExclude });
    expect(items.filter((i) => i.selected).map((i) => i.idea_id)).toEqual([...fresh.selected].sort());
    expect(Number(proposal.total_value)).toBeCloseTo(fresh.totalValue);

    const audit = await demo.db.selectFrom("audit_log").selectAll()
      .where("action", "=", "prioritisation_proposal.saved").where("entity_id", "=", id).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(demo.ids.styrgrupp);

    const page = await get(proposalLoader, `/portfolio/forslag/${id}?meddelande=sparat`, "styrgrupp", { proposalId: id });
    expect(page.status).toBe(200);
    expect(page.data.proposal.motivation).toBe("Mest nytta för pengarna.");
    expect(page.data.proposal.items.filter((i: { selected: boolean }) => i.selected)).toHaveLength(fresh.selected.length);
    const list = await get(proposalsLoader, "/portfolio/forslag");
    expect(list.data.rows[0].id).toBe(id);
  });

  it("answers 404 for an unknown proposal and 400 for a malformed id", async () => {
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await get(proposalLoader, `/portfolio/forslag/${unknown}`, "styrgrupp", { proposalId: unknown })).status).toBe(404);
    expect((await get(proposalLoader, "/portfolio/forslag/abc", "styrgrupp", { proposalId: "abc" })).status).toBe(400);
    expect((await get(proposalLoader, `/portfolio/forslag/${unknown}`, "medarbetare", { proposalId: unknown })).status).toBe(403);
    expect((await get(compareLoader, `/portfolio/forslag/jamfor?a=abc&b=${unknown}`)).status).toBe(400);
  });

  it("compares two proposals: who chose what, totals and the difference per year", async () => {
    const a = await saveProposal(selectionFields({ ar: "2026", budget1: "500000", steg: "prioritering" }));
    const b = await saveProposal(selectionFields({ ar: "2026", budget1: "50000000", steg: "prioritering" }));
    const { status, data } = await get(compareLoader, `/portfolio/forslag/jamfor?a=${a}&b=${b}`);
    expect(status).toBe(200);
    const stored = async (id: string) => demo.db.selectFrom("prioritisation_proposals").select(["total_value", "cost_by_year"])
      .where("id", "=", id).executeTakeFirstOrThrow();
    const [pa, pb] = [await stored(a), await stored(b)];
    expect(data.view.totalValue.difference).toBeCloseTo(Number(pb.total_value) - Number(pa.total_value));
    expect(data.view.years).toEqual([{
      year: 2026, a: Number(pa.cost_by_year[0]), b: Number(pb.cost_by_year[0]), difference: Number(pb.cost_by_year[0]) - Number(pa.cost_by_year[0]),
    }]);
    const selectedB = await demo.db.selectFrom("prioritisation_proposal_items").select("idea_id").where("proposal_id", "=", b)
      .where("selected", "=", true).orderBy("idea_id").execute();
    expect(data.view.ideas.filter((i: { inB: boolean }) => i.inB).map((i: { ideaId: string }) => i.ideaId).sort())
      .toEqual(selectedB.map((r) => r.idea_id));
    expect(data.view.ideas.some((i: { status: string }) => i.status === "only_b")).toBe(true);
    expect(data.options.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the pages render on the server", () => {
  it("portfolio, optimiser with a result, proposal, list and comparison", async () => {
    const page = await get(pageLoader, "/portfolio?steg=pilot");
    const html = await render(PortfolioPage, page.data, "http://localhost/?steg=pilot");
    expect(html).toContain("Exportera CSV");
    expect(html).toContain('href="/portfolio/export.csv?steg=pilot"');
    expect(html).toContain("<caption");
    // Thin U+202F between digit groups, U+00A0 before "kr" (docs/decisions/0014-number-format-thin-space.md).
    expect(html).toMatch(/\d\u202f\d{3}\u202f\d{3}\u00a0kr|\d{1,3}\u00a0kr/);
    const empty = await get(pageLoader, "/portfolio?sok=finnsintealls");
    expect(await render(PortfolioPage, empty.data)).toContain("Inga idéer matchar filtret");

    const fields = selectionFields({ ar: "2026", budget1: "2 500 000" });
    const optimised = await compute(fields);
    const optimisedHtml = await render(OptimisePage, optimised.data);
    expect(optimisedHtml).toContain("Måste med");
    expect(optimisedHtml).toContain("Spara som prioriteringsförslag");
    expect(optimisedHtml).toMatch(/bevisat bästa möjliga|högst .* % från bästa möjliga|mindre än 0,01 %|hann inte bevisa/);
    expect(optimisedHtml).toContain('name="urval"');
    expect(optimisedHtml).toContain('method="post"');
    expect(optimisedHtml).not.toMatch(/högst 0 %/);
    const bad = await compute(selectionFields({ budget1: "abc" }));
    expect(await render(OptimisePage, bad.data)).toContain("Budgeten för 2027 ska vara hela kronor");

    const a = await saveProposal(selectionFields({ ar: "2026", budget1: "1000000", steg: "prioritering" }));
    const b = await saveProposal(selectionFields({ ar: "2026", budget1: "9000000", steg: "prioritering" }));
    const proposal = await get(proposalLoader, `/portfolio/forslag/${a}`, "styrgrupp", { proposalId: a });
    const proposalHtml = await render(ProposalPage, proposal.data, "http://localhost/?meddelande=sparat");
    expect(proposalHtml).toContain("Förslaget är sparat.");
    expect(proposalHtml).toContain("Mest nytta för pengarna.");
    const listed = (await get(proposalsLoader, "/portfolio/forslag")).data;
    expect(await render(ProposalsPage, listed)).toContain("Förslag inför budget");
    // A gap is never shown as "0 %": unknown (no bound) and tiny gaps have their own words.
    const withGaps = { ...listed, rows: [
      { ...listed.rows[0], id: "g1", optimal: false, relativeGap: null },
      { ...listed.rows[0], id: "g2", optimal: false, relativeGap: 0.00001 },
      { ...listed.rows[0], id: "g3", optimal: false, relativeGap: 0.0123 },
    ] };
    const gapsHtml = await render(ProposalsPage, withGaps);
    expect(gapsHtml).toContain("Avstånd till bästa okänt");
    expect(gapsHtml).toContain("Mindre än 0,01 % från bästa");
    expect(gapsHtml).toContain("Högst 1,23 % från bästa");
    expect(gapsHtml).not.toContain("Högst 0 %");
    const unproven = { ...optimised.data, run: { ...optimised.data.run, result: { ...optimised.data.run.result, optimal: false, relativeGap: null } } };
    const unprovenHtml = await render(OptimisePage, unproven);
    expect(unprovenHtml).toContain("Optimeraren hann inte bevisa hur nära bästa möjliga förslaget är.");
    expect(unprovenHtml).toMatch(/<div role="status"><p class="alert">Optimeraren hann inte/);
    const compared = await get(compareLoader, `/portfolio/forslag/jamfor?a=${a}&b=${b}`);
    const compareHtml = await render(ComparePage, compared.data);
    expect(compareHtml).toContain("Skillnad (B − A)");
    expect(compareHtml).toContain("Bara i B");
  });
});

describe("a committed idea without the objective's figure", () => {
  it("still counts its costs (value 0, said in the result); only a non-committed one cannot be chosen", async () => {
    await refreshPortfolioFigures(demo.db);
    const rows = await listAllPortfolio(demo.db, everything, 2000);
    const pilot = rows.find((r) => r.stage === "pilot" && r.costsByYear.some((c) => c > 0))!;
    const year = pilot.startYear! + pilot.costsByYear.findIndex((c) => c > 0);
    const cost = pilot.costsByYear[year - pilot.startYear!]!;
    // Its assessments no longer count: no weighted score.
    await demo.db.updateTable("assessments").set({ completed_at: null }).where("idea_id", "=", pilot.id).execute();
    await demo.db.updateTable("ideas").set((eb) => ({ version: eb("version", "+", 1) })).where("id", "=", pilot.id).execute();
    await refreshPortfolioFigures(demo.db);
    expect((await listAllPortfolio(demo.db, everything, 2000)).find((r) => r.id === pilot.id)!.weightedScore).toBeNull();

    const answer = await compute(selectionFields({ ar: String(year), mal: "weighted_score", budget1: "900000000" }));
    expect(answer.status).toBe(200);
    const item = answer.data.run.items.find((i: { ideaId: string }) => i.ideaId === pilot.id);
    expect(item).toMatchObject({ selected: true, reason: "pinned_in", value: 0, missing: "no_score" });
    expect(answer.data.run.result.costByYear[0]).toBeGreaterThanOrEqual(cost);
    expect(answer.data.unselectable.map((u: { id: string }) => u.id)).not.toContain(pilot.id);
    const html = await render(OptimisePage, answer.data);
    expect(html).toContain("räknas med värdet 0 eftersom viktad bedömningspoäng saknas");
    // Budget below its cost: the committed idea alone breaks the budget.
    const tight = await compute(selectionFields({ ar: String(year), mal: "weighted_score", budget1: String(cost - 1) }));
    expect(tight.data.run.result.feasible).toBe(false);
  });
});
