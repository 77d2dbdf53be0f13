import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { action as adoptAction, loader as adoptLoader } from "~/routes/goda-exempel.$ideaId.infor";
import GoodExamples, { loader as listLoader } from "~/routes/goda-exempel._index";
import GoodExampleMark, { action as markAction, loader as markLoader } from "~/routes/ideas.$ideaId.gott-exempel";
import { findBusinessCase } from "~/models/business-cases.server";
import { figuresOf } from "~/services/business-case.server";
import { seedDemoGoodExamples } from "../../db/seed/demo-good-examples";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { type DemoAccount, openDemoDatabase } from "../support/demo-fixture";
import { testDatabaseKind } from "../support/test-database";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
let implementedIds: string[] = [];
let prioritisedId: string;

beforeAll(async () => {
  demo = await openDemoDatabase();
  // Införda ideas, those with a business case first, so the adoption copies a real case.
  const rows = await demo.db.selectFrom("ideas as i")
    .select(["i.id", (eb) => eb.exists(eb.selectFrom("business_case_lines as l").select("l.id").whereRef("l.idea_id", "=", "i.id")).as("hasCase")])
    .where("i.stage", "=", "avslutad").where("i.outcome", "=", "inford").where("i.merged_into_id", "is", null)
    .orderBy("i.reference").execute();
  implementedIds = [...rows.filter((r) => r.hasCase), ...rows.filter((r) => !r.hasCase)].map((r) => r.id);
  prioritisedId = (await demo.db.selectFrom("ideas").select("id").where("stage", "=", "prioritering")
    .where("merged_into_id", "is", null).orderBy("reference").limit(1).executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await demo?.close(); });

const mark = (ideaId: string, who: DemoAccount, fields: [string, string][]) =>
  call(markAction, postRequest(`/ideas/${ideaId}/gott-exempel`, demo.cookies[who], fields), { ideaId });
const adopt = (ideaId: string, who: DemoAccount, unitId: string) =>
  call(adoptAction, postRequest(`/goda-exempel/${ideaId}/infor`, demo.cookies[who], [["unitId", unitId]]), { ideaId });
const auditRows = (action: string, entityId: string) => demo.db.selectFrom("audit_log").selectAll()
  .where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();

describe(`good examples on ${testDatabaseKind()}`, () => {
  it("has införda demo ideas to work with", () => {
    expect(implementedIds.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses marking to kontaktperson and medarbetare (403) and a non-införd idea (409)", async () => {
    const example = implementedIds[0]!;
    expect((await mark(example, "kontaktperson", [["intent", "mark"], ["motivation", "Bra"]])).status).toBe(403);
    expect((await mark(example, "medarbetare", [["intent", "mark"], ["motivation", "Bra"]])).status).toBe(403);
    expect((await call(markLoader, getRequest(`/ideas/${example}/gott-exempel`, demo.cookies.medarbetare), { ideaId: example })).status).toBe(403);
    const refused = await mark(prioritisedId, "styrgrupp", [["intent", "mark"], ["motivation", "Bra"]]);
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toMatch(/har inte införts/);
    const blank = await mark(example, "styrgrupp", [["intent", "mark"], ["motivation", "  "]]);
    expect(blank.status).toBe(400);
    expect(blank.data.fieldErrors.motivation).toBe("Skriv en motivering.");
    expect(await demo.db.selectFrom("audit_log").select("id").where("action", "like", "good_example.%").execute()).toEqual([]);
  });

  it("marks an införd idea with audit row and timeline event, lists it for everyone, and unmarks", async () => {
    const [first, second] = implementedIds as [string, string];
    const marked = await mark(first, "styrgrupp", [["intent", "mark"], ["motivation", "Halverade handläggningstiden."]]);
    expect(marked.status).toBe(302);
    expect(marked.location).toBe(`/ideas/${first}/gott-exempel?meddelande=markerad`);
    const row = await demo.db.selectFrom("good_examples").selectAll().where("idea_id", "=", first).executeTakeFirstOrThrow();
    expect(row.motivation).toBe("Halverade handläggningstiden.");
    expect(row.marked_by).toBe(demo.ids.styrgrupp);
    expect((await auditRows("good_example.marked", first)).map((a) => a.actor_id)).toEqual([demo.ids.styrgrupp]);
    expect(await demo.db.selectFrom("idea_events").select("kind").where("idea_id", "=", first)
      .where("kind", "=", "good_example_marked").execute()).toHaveLength(1);

    expect((await mark(second, "admin", [["intent", "mark"], ["motivation", "Sparar pengar."]])).status).toBe(302);
    const list = await call(listLoader, getRequest("/goda-exempel", demo.cookies.medarbetare));
    expect(list.status).toBe(200);
    // Newest mark first (the demo data may hold other, older examples).
    const listed = list.data.examples.map((e: { id: string }) => e.id);
    expect(listed.slice(0, 2)).toEqual([second, first]);
    expect(list.data.mayAdopt).toBe(false);

    const unmarked = await mark(second, "styrgrupp", [["intent", "unmark"]]);
    expect(unmarked.location).toBe(`/ideas/${second}/gott-exempel?meddelande=avmarkerad`);
    expect(await demo.db.selectFrom("good_examples").select("idea_id").where("idea_id", "=", second).execute()).toEqual([]);
    expect(await auditRows("good_example.unmarked", second)).toHaveLength(1);
    const after = await call(listLoader, getRequest("/goda-exempel?sok=" + encodeURIComponent("zzzz-ingen-träff"), demo.cookies.kontaktperson));
    expect(after.data.examples).toEqual([]);
    const all = await call(listLoader, getRequest("/goda-exempel", demo.cookies.kontaktperson));
    const remaining = all.data.examples.map((e: { id: string }) => e.id);
    expect(remaining).toContain(first);
    expect(remaining).not.toContain(second);
    expect(all.data.mayAdopt).toBe(true);
  });

  it("adopts an example as a linked idea in bedömning with a copied business case, once per unit", async () => {
    const original = implementedIds[0]!;
    const source = await demo.db.selectFrom("ideas").selectAll().where("id", "=", original).executeTakeFirstOrThrow();
    // A unit the Östermalm kontaktperson covers that is not the original's.
    const targetUnit = source.unit_id === demo.ostermalmId
      ? (await demo.db.selectFrom("units").select("id").where("parent_id", "=", demo.ostermalmId).orderBy("name").limit(1).executeTakeFirstOrThrow()).id
      : demo.ostermalmId;

    expect((await adopt(original, "medarbetare", targetUnit)).status).toBe(403);
    expect((await adopt(original, "styrgrupp", targetUnit)).status).toBe(403);
    const outside = await adopt(original, "kontaktperson", demo.brommaId);
    expect(outside.status).toBe(400);
    expect(outside.data.fieldErrors.unitId).toMatch(/kontaktperson/);

    const page = await call(adoptLoader, getRequest(`/goda-exempel/${original}/infor`, demo.cookies.kontaktperson), { ideaId: original });
    expect(page.status).toBe(200);
    const offered = page.data.groups.flatMap((g: { units: { id: string }[] }) => g.units.map((u) => u.id));
    expect(offered).toContain(targetUnit);
    expect(offered).not.toContain(demo.brommaId);

    const adopted = await adopt(original, "kontaktperson", targetUnit);
    expect(adopted.status).toBe(302);
    const newId = /^\/ideas\/([0-9a-f-]{36})\?meddelande=gott-exempel-infort$/.exec(adopted.location ?? "")?.[1];
    expect(newId).toBeDefined();
    const idea = await demo.db.selectFrom("ideas").selectAll().where("id", "=", newId!).executeTakeFirstOrThrow();
    expect(idea).toMatchObject({
      stage: "bedomning", outcome: null, adopted_from_idea_id: original, unit_id: targetUnit,
      submitter_id: demo.ids.kontaktperson, owner_id: demo.ids.kontaktperson, problem: source.problem,
      proposed_solution: source.proposed_solution, kind: source.kind,
      // As the submit form's default (the name-hiding box unchecked).
      name_visibility: "public",
    });
    expect(idea.focus_areas).toEqual(source.focus_areas);
    expect(idea.reference).toMatch(/^IDE-\d{4}-\d+$/);
    expect(idea.title.startsWith(source.title)).toBe(true);

    const decisions = await demo.db.selectFrom("gate_decisions").selectAll().where("idea_id", "=", newId!).orderBy("decided_at").execute();
    expect(decisions.map((d) => [d.from_stage, d.to_stage, d.decided_by])).toEqual([["inskickad", "bedomning", demo.ids.kontaktperson]]);
    expect(decisions[0]!.motivation).toContain(source.reference!);
    expect(decisions[0]!.is_override).toBe(false);

    const originalCase = await findBusinessCase(demo.db, original);
    const copiedCase = await findBusinessCase(demo.db, newId!);
    // The demo's införda ideas have business cases; the copy must match the original's figures.
    expect(originalCase?.lines.length ?? 0).toBeGreaterThan(0);
    if (originalCase) {
      expect(copiedCase).not.toBeNull();
      expect(copiedCase!.version).toBe(1);
      expect(copiedCase!.lines.every((l) => l.unitId === targetUnit)).toBe(true);
      expect(copiedCase!.lines.map((l) => l.amounts)).toEqual(originalCase.lines.map((l) => l.amounts));
      const a = figuresOf(originalCase).result;
      const b = figuresOf(copiedCase!).result;
      expect([b.npv, b.financialNpv, b.paybackMonths, b.selfFinancing]).toEqual([a.npv, a.financialNpv, a.paybackMonths, a.selfFinancing]);
      const versions = await demo.db.selectFrom("business_case_versions").select("version").where("idea_id", "=", newId!).orderBy("version").execute();
      expect(versions.map((v) => v.version)).toEqual([1]);
      expect(decisions[0]!.business_case_version).toBe(1);
    }
    const audit = await auditRows("good_example.adopted", original);
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor_id).toBe(demo.ids.kontaktperson);

    const again = await adopt(original, "kontaktperson", targetUnit);
    expect(again.status).toBe(409);
    expect(again.data.existing.id).toBe(newId);
    expect(await demo.db.selectFrom("ideas").select("id").where("adopted_from_idea_id", "=", original).execute()).toHaveLength(1);

    const list = await call(listLoader, getRequest("/goda-exempel", demo.cookies.medarbetare));
    expect(list.data.examples.find((e: { id: string }) => e.id === original).adoptedUnits).toBe(1);

    // The list page as the server renders it.
    const consoleError = vi.spyOn(console, "error");
    const loaded = { ...JSON.parse(JSON.stringify(list.data)), locale: "sv" };
    const handler = createStaticHandler([{ id: "root", path: "/goda-exempel", loader: () => loaded, element: createElement(GoodExamples) }]);
    const context = await handler.query(new Request("http://localhost/goda-exempel"));
    if (context instanceof Response) throw new Error("unexpected response");
    const html = renderToString(createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false,
    }));
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
    expect(html).toContain("Infört i 1 enhet");
    expect(html).toContain(source.reference!);
    expect(html).not.toContain("/infor\""); // a medarbetare gets no adopt link
  });

  it("refuses adopting an example into the original's own unit (400), even for an administrator", async () => {
    const original = implementedIds[0]!;
    const { unit_id: ownUnit } = await demo.db.selectFrom("ideas").select("unit_id").where("id", "=", original).executeTakeFirstOrThrow();
    expect(await demo.db.selectFrom("good_examples").select("idea_id").where("idea_id", "=", original).execute()).toHaveLength(1);
    const before = await demo.db.selectFrom("ideas").select("id").where("adopted_from_idea_id", "=", original).orderBy("id").execute();
    const refused = await adopt(original, "admin", ownUnit);
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.unitId).toBe("Välj en av de enheter du är kontaktperson för.");
    expect(refused.data.values.unitId).toBe(ownUnit);
    expect(await demo.db.selectFrom("ideas").select("id").where("adopted_from_idea_id", "=", original).orderBy("id").execute()).toEqual(before);
    expect(await demo.db.selectFrom("ideas").select("id").where("adopted_from_idea_id", "=", original).where("unit_id", "=", ownUnit).execute()).toEqual([]);
  });

  it("answers a bad search with 400, the field error and the typed search, rendered with the form", async () => {
    const long = "x".repeat(201);
    const res = await call(listLoader, getRequest(`/goda-exempel?sok=${long}`, demo.cookies.medarbetare));
    expect(res.status).toBe(400);
    expect(res.data.errors).toEqual({ sok: "Sökningen får vara högst 200 tecken." });
    expect(res.data.search).toBe(long);
    const loaded = { ...JSON.parse(JSON.stringify(res.data)), locale: "sv" };
    const handler = createStaticHandler([{ id: "root", path: "/goda-exempel", loader: () => loaded, element: createElement(GoodExamples) }]);
    const context = await handler.query(new Request("http://localhost/goda-exempel"));
    if (context instanceof Response) throw new Error("unexpected response");
    const html = renderToString(createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false,
    }));
    expect(html).toContain('href="#falt-sok"');
    expect(html).toMatch(/id="falt-sok"[^>]*aria-invalid="true"/);
    expect(html).toContain('aria-describedby="falt-sok-error"');
    expect(html).toContain(`value="${long}"`);
  });

  it("shows only the mark page's own notices (not Object.prototype members)", async () => {
    const ideaId = implementedIds[0]!;
    const page = await call(markLoader, getRequest(`/ideas/${ideaId}/gott-exempel`, demo.cookies.styrgrupp), { ideaId });
    const render = async (code: string) => {
      const loaded = { ...JSON.parse(JSON.stringify(page.data)), locale: "sv" };
      const handler = createStaticHandler([{ id: "root", path: "/", loader: () => loaded, element: createElement(GoodExampleMark) }]);
      const context = await handler.query(new Request(`http://localhost/?meddelande=${code}`));
      if (context instanceof Response) throw new Error("unexpected response");
      const html = renderToString(createElement(StaticRouterProvider, {
        router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false,
      }));
      return /<div role="status">(.*?)<\/div>/s.exec(html)?.[1];
    };
    expect(await render("constructor")).toBe("");
    expect(await render("toString")).toBe("");
    expect(await render("markerad")).toContain("Idén är markerad som gott exempel.");
  });

  it("refuses adopting an idea that is not a good example (404)", async () => {
    expect((await adopt(prioritisedId, "kontaktperson", demo.ostermalmId)).status).toBe(404);
    expect((await adopt(implementedIds[1]!, "admin", demo.ostermalmId)).status).toBe(404);
  });

  it("seeds the demo good examples idempotently", async () => {
    await seedDemoGoodExamples(demo.db, { now: new Date() });
    const marked = await demo.db.selectFrom("good_examples as g").innerJoin("ideas as i", "i.id", "g.idea_id")
      .select(["i.title", "i.stage", "i.outcome"]).orderBy("i.title").execute();
    expect(marked.map((m) => m.title)).toContain("Dokumentation i mobilen direkt vid besöket i hemtjänsten");
    expect(marked.every((m) => m.stage === "avslutad" && m.outcome === "inford")).toBe(true);
    expect(await seedDemoGoodExamples(demo.db, { now: new Date() })).toBe(0);
  });
});
