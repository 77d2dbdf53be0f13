import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import Agenda, { loader as agendaLoader } from "~/routes/portfolio.agenda";
import { call, getRequest } from "../support/admin-requests";
import { openDemoDatabase } from "../support/demo-fixture";
import { testDatabaseKind } from "../support/test-database";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo?.close(); });

const load = (query: string, cookie: string) => call(agendaLoader, getRequest(`/portfolio/agenda${query}`, cookie));

/**
 * Independently of the app: submitted, unmerged ideas in the stages the styrgrupp decides – pilots only
 * once evaluated (until then no move out of pilot is possible).
 */
async function waitingIds(unitIds: string[] | null) {
  let q = demo.db.selectFrom("ideas").select(["id", "stage_changed_at"])
    .where("submitted_at", "is not", null).where("merged_into_id", "is", null)
    .where((eb) => eb.or([
      eb("stage", "in", ["prioritering", "inforande"]),
      eb.and([eb("stage", "=", "pilot"), eb.exists(eb.selectFrom("pilot_evaluations").select("idea_id").whereRef("pilot_evaluations.idea_id", "=", "ideas.id"))]),
    ]));
  if (unitIds) q = q.where("unit_id", "in", unitIds);
  return (await q.orderBy("stage_changed_at").orderBy("id").execute()).map((r) => r.id);
}

/** The page server-rendered from its loader data, serialised as it reaches the browser, under a "root" route (useLocale reads it). */
async function render(data: unknown): Promise<string> {
  const consoleError = vi.spyOn(console, "error");
  const loaded = { ...JSON.parse(JSON.stringify(data)), locale: "sv" };
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => loaded, element: createElement(Agenda) }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const html = renderToString(createElement(StaticRouterProvider, {
    router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false,
  }));
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
  return html;
}

describe(`meeting agenda on ${testDatabaseKind()}`, () => {
  it("refuses medarbetare and kontaktperson", async () => {
    expect((await load("", demo.cookies.medarbetare)).status).toBe(403);
    expect((await load("", demo.cookies.kontaktperson)).status).toBe(403);
  });

  it("lists exactly the ideas in prioritering, evaluated pilots and införande, longest waiting first, with their summaries", async () => {
    const expected = await waitingIds(null);
    expect(expected.length).toBeGreaterThan(0);
    const { status, data } = await load("", demo.cookies.styrgrupp);
    expect(status).toBe(200);
    expect(data.total).toBe(expected.length);
    const ids = data.items.map((i: { id: string }) => i.id);
    expect(ids.length).toBe(Math.min(expected.length, data.limit));
    expect(new Set(ids)).toEqual(new Set(expected.slice(0, data.limit)));
    const days = data.items.map((i: { daysWaiting: number }) => i.daysWaiting);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    for (const item of data.items) {
      expect(["prioritering", "pilot", "inforande"]).toContain(item.stage);
      expect(typeof item.problem).toBe("string");
      expect(item.screening.status).toMatch(/^(not_started|draft|completed)$/);
      expect(Array.isArray(item.deviations)).toBe(true);
      if (item.stage === "prioritering") expect(item.checklist.nextMoveId).toBe("start_pilot");
      if (item.stage === "pilot") expect(item.checklist.nextMoveId).toBe("start_implementation");
      if (item.stage === "inforande") expect(item.checklist.next).toEqual({ stage: "avslutad", outcome: "inford" });
      // The chart's series comes from the same case as the key figures.
      if (item.businessCase) expect(item.businessCase.result.npv).toBe(item.npv);
      else expect(item.npv).toBeNull();
    }
  });

  it("filters by förvaltning and carries the meeting title and date", async () => {
    const subtree = (await demo.db.withRecursive("tree", (db) => db.selectFrom("units").select("id").where("id", "=", demo.ostermalmId)
      .unionAll((u) => u.selectFrom("units").innerJoin("tree", "tree.id", "units.parent_id").select("units.id")))
      .selectFrom("tree").select("id").execute()).map((r) => r.id);
    const expected = await waitingIds(subtree);
    const { status, data } = await load(`?enhet=${demo.ostermalmId}&datum=2026-12-01&rubrik=M%C3%B6te+4`, demo.cookies.admin);
    expect(status).toBe(200);
    expect(new Set(data.items.map((i: { id: string }) => i.id))).toEqual(new Set(expected.slice(0, data.limit)));
    expect(data.params).toEqual({ enhet: demo.ostermalmId, datum: "2026-12-01", rubrik: "Möte 4" });
  });

  it("answers bad parameters with 400, the Swedish field errors and the typed values", async () => {
    const badDate = await load("?datum=2026-02-30&rubrik=M%C3%B6te+4", demo.cookies.styrgrupp);
    expect(badDate.status).toBe(400);
    expect(badDate.data.errors).toEqual({ datum: "Mötesdatumet finns inte i kalendern." });
    expect(badDate.data.values).toEqual({ enhet: "", datum: "2026-02-30", rubrik: "Möte 4" });
    expect(badDate.data.items).toEqual([]);
    const badUnit = await load("?enhet=inte-en-enhet", demo.cookies.styrgrupp);
    expect(badUnit.status).toBe(400);
    expect(badUnit.data.errors.enhet).toBe("Välj en förvaltning i listan.");
    expect(badUnit.data.values.enhet).toBe("inte-en-enhet");
    const unknown = await load("?enhet=00000000-0000-4000-8000-000000000000", demo.cookies.styrgrupp);
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors.enhet).toBe("Förvaltningen finns inte.");
  });

  it("renders the refused options form with the error summary linked to the field and the typed value", async () => {
    const { data } = await load("?datum=2026-02-30&rubrik=M%C3%B6te+4", demo.cookies.styrgrupp);
    const html = await render(data);
    expect(html).toContain("error-summary");
    expect(html).toContain('href="#falt-datum"');
    expect(html).toMatch(/id="falt-datum"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/aria-describedby="falt-datum-hint falt-datum-error"/);
    expect(html).toContain('value="2026-02-30"');
    expect(html).toContain('value="Möte 4"');
    expect(html).not.toContain("<article");
  });

  it("shows an empty agenda when nothing waits", async () => {
    const kind = (await demo.db.selectFrom("units").select("kind").where("id", "=", demo.ostermalmId).executeTakeFirstOrThrow()).kind;
    const empty = await demo.db.insertInto("units").values({ name: "Nämnd utan idéer", kind, parent_id: null })
      .returning("id").executeTakeFirstOrThrow();
    const { status, data } = await load(`?enhet=${empty.id}`, demo.cookies.styrgrupp);
    expect(status).toBe(200);
    expect(data.items).toEqual([]);
    expect(data.total).toBe(0);
  });

  it("renders every idea's one-page summary on the server (chart table, security, gate, decide link)", async () => {
    const { data } = await load("?rubrik=M%C3%B6te+4&datum=2026-12-01", demo.cookies.styrgrupp);
    const html = await render(data);
    expect(html).toContain("Möte 4 2026-12-01");
    const articles = html.split("<article").slice(1);
    expect(articles).toHaveLength(data.items.length);
    data.items.forEach((item: { id: string; reference: string; businessCase: unknown }, i: number) => {
      const article = articles[i]!;
      expect(article).toContain(item.reference);
      expect(article).toContain(`href="/ideas/${item.id}/beslut"`);
      expect(article).toContain("security-summary");
      expect(article).toContain("Nästa beslut");
      if (item.businessCase) expect(article).toContain("<table");
    });
  });
});
