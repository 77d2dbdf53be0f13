import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { evaluateBusinessCase, evaluateScenarios } from "../../app/domain/business-case";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/admin.installningar";
import { action as caseAction, loader as caseLoader } from "../../app/routes/ideas.$ideaId.nyttokalkyl";
import { businessCaseAndBenefitsFor } from "../../app/services/benefits.server";
import { decideGate } from "../../app/services/gate-decision.server";
import { loader as ideaLoader } from "../../app/routes/ideas.$ideaId._index";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { type DemoAccount, openDemoDatabase } from "../support/demo-fixture";
import { testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let fixture: Awaited<ReturnType<typeof openDemoDatabase>>;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let ostermalmId: string;
let brommaId: string;
let referenceNumber = 0;

type Who = DemoAccount;

async function newIdea(stage: "bedomning" | "prioritering") {
  referenceNumber += 1;
  const { id } = await db.insertInto("ideas").values({
    title: `Kalkylidé ${referenceNumber}`, problem: "Problem", proposed_solution: "Lösning",
    submitter_id: ids.medarbetare!, unit_id: ostermalmId, owner_id: ids.kontaktperson!, stage,
    reference_year: 2097, reference_number: referenceNumber, submitted_at: new Date(),
  }).returning("id").executeTakeFirstOrThrow();
  return id;
}

type Line = { kind: string; description: string; category?: string; certainty?: string; unitId: string; amounts: string[] };
function caseFields(version: number, lines: Line[], overrides: Record<string, string> = {}): [string, string][] {
  const base: Record<string, string> = {
    intent: "save", version: String(version), horizonYears: "3", startYear: "2027", discountRate: "3,5", hourlyCost: "450",
    nonMonetaryBenefits: "Bättre arbetsmiljö", lowSavings: "0,7", lowCosts: "1,2", highSavings: "1,2", highCosts: "0,9", ...overrides,
  };
  const rows = lines.flatMap((line, i) => [
    [`lines.${i}.kind`, line.kind], [`lines.${i}.description`, line.description], [`lines.${i}.category`, line.category ?? ""],
    [`lines.${i}.certainty`, line.certainty ?? "medel"], [`lines.${i}.unitId`, line.unitId],
    ...line.amounts.map((a, t) => [`lines.${i}.amounts.${t}`, a]),
  ]) as [string, string][];
  // A blank row, as the form without JavaScript sends it.
  const n = lines.length;
  const blank: [string, string][] = [[`lines.${n}.kind`, "one_off_cost"], [`lines.${n}.description`, ""], [`lines.${n}.category`, ""],
    [`lines.${n}.certainty`, "medel"], [`lines.${n}.unitId`, ""], [`lines.${n}.amounts.0`, ""], [`lines.${n}.amounts.1`, ""], [`lines.${n}.amounts.2`, ""]];
  return [...Object.entries(base), ...rows, ...blank];
}
const lines = (): Line[] => [
  { kind: "one_off_cost", description: "Utveckling", category: "IT", unitId: ostermalmId, amounts: ["1 200 000", "0", "0"] },
  { kind: "running_cost", description: "Licenser", unitId: ostermalmId, amounts: ["0", "100000", "100 000"] },
  { kind: "saving", description: "Färre bemanningstimmar", certainty: "lag", unitId: brommaId, amounts: ["0", "800 000", "900000"] },
  { kind: "time_saving", description: "Kortare handläggning", certainty: "hog", unitId: brommaId, amounts: ["0", "500", "700"] },
];

const save = (ideaId: string, fields: [string, string][], as: Who = "kontaktperson") =>
  call(caseAction, postRequest(`/ideas/${ideaId}/nyttokalkyl`, cookies[as]!, fields), { ideaId });
const load = (ideaId: string, query = "", as: Who = "medarbetare") =>
  call(caseLoader, getRequest(`/ideas/${ideaId}/nyttokalkyl${query}`, cookies[as]!), { ideaId });
const caseRow = (ideaId: string) => db.selectFrom("business_cases").selectAll().where("idea_id", "=", ideaId).executeTakeFirst();
const versionRows = (ideaId: string) =>
  db.selectFrom("business_case_versions").selectAll().where("idea_id", "=", ideaId).orderBy("version").execute();
const lineRows = (ideaId: string) =>
  db.selectFrom("business_case_lines").selectAll().where("idea_id", "=", ideaId).orderBy("position").execute();
const snapshotOf = (row: { snapshot: unknown }) => (typeof row.snapshot === "string" ? JSON.parse(row.snapshot) : row.snapshot);

beforeAll(async () => {
  fixture = await openDemoDatabase();
  ({ handle, db, ostermalmId, brommaId } = fixture);
  Object.assign(ids, fixture.ids);
  Object.assign(cookies, fixture.cookies);
});

afterAll(async () => {
  await fixture?.close();
});

describe(`the business case on ${testDatabaseKind()}`, () => {
  it("seeds a version 1 snapshot for every demo case, named by the decisions taken after it", async () => {
    const cases = await db.selectFrom("business_cases").leftJoin("business_case_versions as v", (join) =>
      join.onRef("v.idea_id", "=", "business_cases.idea_id").on("v.version", "=", 1))
      .select(["business_cases.idea_id", "v.version", "v.snapshot"]).orderBy("business_cases.idea_id").execute();
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.version, c.idea_id).toBe(1);
      const page = await load(c.idea_id);
      expect(page.data.page.shown).toBeNull();
      expect(snapshotOf({ snapshot: c.snapshot }).lines).toEqual(page.data.page.current.lines);
    }
    const intoPrioritering = await db.selectFrom("gate_decisions").select(["idea_id", "business_case_version"])
      .where("to_stage", "=", "prioritering").orderBy("idea_id").orderBy("decided_at").execute();
    expect(intoPrioritering.length).toBeGreaterThan(0);
    for (const d of intoPrioritering) expect(d.business_case_version, d.idea_id).toBe(1);
  });

  it("saves a new case as version 1, then version 2, each with a snapshot equal to what was saved", async () => {
    const id = await newIdea("bedomning");
    const first = await save(id, caseFields(0, lines()));
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/ideas/${id}/nyttokalkyl?meddelande=kalkyl-sparad`);
    const changed = lines();
    changed[0]!.amounts = ["1 500 000", "0", "0"];
    const second = await save(id, caseFields(1, changed, { discountRate: "4" }));
    expect(second.status).toBe(302);

    const row = await caseRow(id);
    expect(row!.version).toBe(2);
    expect(Number(row!.discount_rate)).toBe(0.04);
    const saved = await lineRows(id);
    expect(saved.map((l) => [l.kind, l.description, l.category, l.certainty, l.unit_id, l.amounts.map(Number)])).toEqual([
      ["one_off_cost", "Utveckling", "IT", "medel", ostermalmId, [1_500_000, 0, 0]],
      ["running_cost", "Licenser", "", "medel", ostermalmId, [0, 100_000, 100_000]],
      ["saving", "Färre bemanningstimmar", "", "lag", brommaId, [0, 800_000, 900_000]],
      ["time_saving", "Kortare handläggning", "", "hog", brommaId, [0, 500, 700]],
    ]);
    const versions = await versionRows(id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[1]!.saved_by).toBe(ids.kontaktperson);
    expect(snapshotOf(versions[1]!)).toEqual({
      horizonYears: 3, discountRate: 0.04, hourlyCost: 450, startYear: 2027, nonMonetaryBenefits: "Bättre arbetsmiljö",
      scenarios: { low: { savings: 0.7, costs: 1.2 }, high: { savings: 1.2, costs: 0.9 } },
      lines: saved.map((l) => ({
        kind: l.kind, description: l.description, category: l.category, certainty: l.certainty, unitId: l.unit_id, amounts: l.amounts.map(Number),
      })),
    });
    expect(snapshotOf(versions[0]!).lines[0].amounts).toEqual([1_200_000, 0, 0]);
    const audits = await db.selectFrom("audit_log").select("details").where("entity_id", "=", id)
      .where("action", "=", "business_case.saved").orderBy("id").execute();
    expect(audits.map((a) => (a.details as { version: number }).version)).toEqual([1, 2]);
    const events = await db.selectFrom("idea_events").select("kind").where("idea_id", "=", id)
      .where("kind", "=", "business_case_saved").execute();
    expect(events).toHaveLength(2);

    // Saving the same again makes no new version.
    const same = await save(id, caseFields(2, changed, { discountRate: "4" }));
    expect(same.location).toBe(`/ideas/${id}/nyttokalkyl?meddelande=kalkyl-oforandrad`);
    expect((await versionRows(id)).length).toBe(2);
  });

  it("shows figures that match evaluateBusinessCase of the saved lines, to everyone signed in", async () => {
    const id = await newIdea("bedomning");
    await save(id, caseFields(0, lines()));
    const page = await load(id);
    expect(page.status).toBe(200);
    const input = {
      horizonYears: 3, discountRate: 0.035, hourlyCost: 450,
      lines: [
        { kind: "one_off_cost" as const, unitId: ostermalmId, amounts: [1_200_000, 0, 0] },
        { kind: "running_cost" as const, unitId: ostermalmId, amounts: [0, 100_000, 100_000] },
        { kind: "saving" as const, unitId: brommaId, amounts: [0, 800_000, 900_000] },
        { kind: "time_saving" as const, unitId: brommaId, amounts: [0, 500, 700] },
      ],
    };
    const expected = evaluateBusinessCase(input);
    expect(page.data.page.figures.result).toEqual(expected);
    expect(page.data.page.figures.scenarios).toEqual(evaluateScenarios(input));
    expect(page.data.page.mayEdit).toBe(false);
    expect(page.data.page.unitNames[brommaId]).toBe("Bromma stadsdelsförvaltning");
    const idea = await db.selectFrom("ideas").select(["id", "stage", "outcome", "merged_into_id"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect((await businessCaseAndBenefitsFor(db, idea)).businessCase).toEqual({
      version: 1, npv: expected.npv, financialNpv: expected.financialNpv, paybackMonths: expected.paybackMonths, selfFinancing: expected.selfFinancing,
    });
    expect((await load(id, "", "kontaktperson")).data.page.mayEdit).toBe(true);
    expect((await load(id, "?version=9")).status).toBe(404);
  });

  it("refuses bad amounts, a wrong number of amounts and a rate above 20 % with Swedish messages, saving nothing", async () => {
    const id = await newIdea("bedomning");
    const bad = lines();
    bad[0]!.amounts = ["12,5", "-3", "100000000000"];
    bad[1]!.amounts = ["0", "1"];
    const refused = await save(id, caseFields(0, bad, { discountRate: "25", horizonYears: "3" }));
    expect(refused.status).toBe(400);
    const errors = refused.data.fieldErrors;
    expect(errors["lines.0.amounts.0"]).toBe("Beloppet på rad 1, år 1, ska vara hela kronor (eller timmar), 0 eller mer och under 100 miljarder.");
    expect(errors["lines.0.amounts.1"]).toMatch(/^Beloppet på rad 1, år 2/);
    expect(errors["lines.0.amounts.2"]).toMatch(/^Beloppet på rad 1, år 3/);
    expect(errors["lines.1.amounts"]).toBe("Rad 2 ska ha ett belopp för vart och ett av de 3 åren.");
    expect(errors.discountRate).toBe("Ange diskonteringsräntan i procent, 0–20, med högst två decimaler (till exempel 3 eller 3,5).");
    expect(refused.data.values.lines[0].amounts).toEqual(["12,5", "-3", "100000000000"]);
    expect(refused.data.values.nonMonetaryBenefits).toBe("Bättre arbetsmiljö");

    const horizon = await save(id, caseFields(0, lines(), { horizonYears: "16", hourlyCost: "6000" }));
    expect(horizon.status).toBe(400);
    expect(horizon.data.fieldErrors.horizonYears).toBe("Ange kalkylperioden som ett helt antal år från 1 till 15.");
    expect(horizon.data.fieldErrors.hourlyCost).toBe("Ange timkostnaden i hela kronor, 1–5 000.");
    expect(await caseRow(id)).toBeUndefined();
    expect(await versionRows(id)).toEqual([]);
  });

  it("answers a stale version with 409, the case as it is now and the typed values kept", async () => {
    const id = await newIdea("bedomning");
    await save(id, caseFields(0, lines()));
    await save(id, caseFields(1, lines(), { hourlyCost: "500" }), "styrgrupp");
    const mine = lines();
    mine[0]!.description = "Min ändring";
    const stale = await save(id, caseFields(1, mine));
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/har ändrats sedan du öppnade den/);
    expect(stale.data.values.lines[0].description).toBe("Min ändring");
    expect(stale.data.values.version).toBe("2");
    expect(stale.data.fresh.page.current.hourlyCost).toBe(500);
    expect((await caseRow(id))!.version).toBe(2);
    expect((await lineRows(id))[0]!.description).toBe("Utveckling");
  });

  it("refuses a medarbetare with 403", async () => {
    const id = await newIdea("bedomning");
    const refused = await save(id, caseFields(0, lines()), "medarbetare");
    expect(refused.status).toBe(403);
    expect(await caseRow(id)).toBeUndefined();
  });

  it("re-renders the grid with a new horizon without saving (no JavaScript), warning when amounts are dropped", async () => {
    const id = await newIdea("bedomning");
    const resized = await save(id, [...caseFields(0, lines(), { horizonYears: "2" }), ["resize", "1"]]);
    expect(resized.status).toBe(200);
    expect(resized.data.trimmed).toBe(true);
    expect(resized.data.values.lines[2].amounts).toEqual(["0", "800 000"]);
    expect(await caseRow(id)).toBeUndefined();
  });

  it("keeps the version a gate decision was taken on after the case changes", async () => {
    const id = await newIdea("prioritering");
    await save(id, caseFields(0, lines()));
    const changed = lines();
    changed[2]!.amounts = ["0", "2 000 000", "2 000 000"];
    await save(id, caseFields(1, changed));
    const idea = await db.selectFrom("ideas").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    const decided = await decideGate(db, {
      actor: { id: ids.styrgrupp!, name: "Styrgruppen", roles: ["styrgrupp"], scopeUnitIds: [] }, ideaId: id,
      transitionId: "back_to_assessment", motivation: "Kalkylen behöver ses över.", meetingReference: null,
      expectedVersion: idea.version, now: new Date(), ipAddress: null,
    });
    expect(decided.ok).toBe(true);
    const later = lines();
    later[2]!.amounts = ["0", "10", "10"];
    expect((await save(id, caseFields(2, later))).status).toBe(302);

    const decision = await db.selectFrom("gate_decisions").select("business_case_version").where("idea_id", "=", id).executeTakeFirstOrThrow();
    expect(decision.business_case_version).toBe(2);
    const old = await load(id, "?version=2");
    expect(old.status).toBe(200);
    expect(old.data.page.shown.version).toBe(2);
    expect(old.data.page.shown.lines[2].amounts).toEqual([0, 2_000_000, 2_000_000]);
    const oldInput = {
      horizonYears: 3, discountRate: 0.035, hourlyCost: 450,
      lines: old.data.page.shown.lines.map((l: { kind: never; unitId: string; amounts: number[] }) => ({ kind: l.kind, unitId: l.unitId, amounts: l.amounts })),
    };
    expect(old.data.page.figures.result).toEqual(evaluateBusinessCase(oldInput));
    const current = await load(id);
    expect(current.data.page.current.version).toBe(3);
    expect(current.data.page.figures.result.npv).not.toBe(old.data.page.figures.result.npv);
    const listed = current.data.page.versions.find((v: { version: number }) => v.version === 2);
    expect(listed.decisions.map((d: { toStage: string }) => d.toStage)).toEqual(["bedomning"]);
    // The idea page's decision list names (and links) the version the decision was taken on.
    const ideaPage = await call(ideaLoader, getRequest(`/ideas/${id}`, cookies.styrgrupp!), { ideaId: id });
    const decisionId = decided.ok ? decided.decisionId : "";
    const panelDecision = ideaPage.data.stagePanel.decisions.find((d: { id: string }) => d.id === decisionId);
    expect(panelDecision.businessCaseVersion).toBe(2);
  });

  it("starts a new case from the administrators' defaults", async () => {
    const changed = await call(settingsAction, postRequest("/admin/installningar", cookies.admin!, [
      ["intent", "business_case_defaults"], ["horizonYears", "7"], ["discountRate", "2,5"], ["hourlyCost", "520"],
    ]));
    expect(changed.status).toBe(302);
    const audit = await db.selectFrom("audit_log").select("details").where("action", "=", "settings.changed")
      .where("entity_id", "=", "business_case_hourly_cost").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ before: 450, after: 520 });
    const settings = await call(settingsLoader, getRequest("/admin/installningar", cookies.admin!));
    expect(settings.data.businessCaseDefaults).toEqual({ horizonYears: 7, discountRate: 0.025, hourlyCost: 520 });
    const badDefaults = await call(settingsAction, postRequest("/admin/installningar", cookies.admin!, [
      ["intent", "business_case_defaults"], ["horizonYears", "0"], ["discountRate", "21"], ["hourlyCost", "0"],
    ]));
    expect(badDefaults.status).toBe(400);
    expect(badDefaults.data.fieldErrors.discountRate).toMatch(/^Ange diskonteringsräntan/);
    expect((await call(settingsAction, postRequest("/admin/installningar", cookies.kontaktperson!, [
      ["intent", "business_case_defaults"], ["horizonYears", "3"], ["discountRate", "3"], ["hourlyCost", "450"],
    ]))).status).toBe(403);

    const id = await newIdea("bedomning");
    const page = await load(id, "", "kontaktperson");
    expect(page.data.page.current).toMatchObject({ version: 0, horizonYears: 7, discountRate: 0.025, hourlyCost: 520, lines: [] });
    expect(page.data.page.figures).toBeNull();
    await call(settingsAction, postRequest("/admin/installningar", cookies.admin!, [
      ["intent", "business_case_defaults"], ["horizonYears", "5"], ["discountRate", "3"], ["hourlyCost", "450"],
    ]));
  });
});
