import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { action, loader } from "../../app/routes/ideas.$ideaId.nyttorealisering";
import { businessCaseAndBenefitsFor } from "../../app/services/benefits.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let ostermalmId: string;
let referenceNumber = 0;

const who = ["medarbetare", "kontaktperson", "styrgrupp", "admin", "pilotOwner"] as const;
type Who = (typeof who)[number];

/**
 * A submitted Östermalm idea in a stage with a business case (start 2026, 3 years, 450 kr/h):
 * one-off cost 500 000 in year 0; savings 1 000 000 and 1 000 hours (450 000 kr) in years 1 and 2 –
 * 1 450 000 kr of planned savings a year. Its pilot plan (owned by pilotOwner) has one indicator.
 */
async function newIdea(stage: "prioritering" | "pilot" | "inforande" | "avslutad", options: { withCase?: boolean; outcome?: "inford" | "parkerad" } = {}) {
  referenceNumber += 1;
  const { id } = await db.insertInto("ideas").values({
    title: `Nyttoidé ${referenceNumber}`, problem: "Problem", proposed_solution: "Lösning",
    submitter_id: ids.medarbetare!, unit_id: ostermalmId, owner_id: ids.kontaktperson!, stage, outcome: options.outcome ?? null,
    reference_year: 2097, reference_number: referenceNumber, submitted_at: new Date(),
  }).returning("id").executeTakeFirstOrThrow();
  if (options.withCase !== false) {
    await db.insertInto("business_cases").values({ idea_id: id, horizon_years: 3, hourly_cost: 450, start_year: 2026, updated_by: ids.kontaktperson! }).execute();
    const lines = [
      ["one_off_cost", [500_000, 0, 0]], ["saving", [0, 1_000_000, 1_000_000]], ["time_saving", [0, 1_000, 1_000]],
    ] as const;
    await db.insertInto("business_case_lines").values(lines.map(([kind, amounts], position) => ({
      idea_id: id, position, kind, description: kind, unit_id: ostermalmId, amounts: [...amounts],
    }))).execute();
  }
  await db.insertInto("pilot_plans").values({
    idea_id: id, goal: "Kortare handläggning", starts_on: "2026-09-01", ends_on: "2026-12-31", owner_id: ids.pilotOwner!, updated_by: ids.kontaktperson!,
  }).execute();
  const indicator = await db.insertInto("pilot_indicators").values({ idea_id: id, position: 0, name: "Handläggningstid", measure_unit: "dagar", baseline: 20, target: 10 })
    .returning("id").executeTakeFirstOrThrow();
  return { id, indicatorId: indicator.id };
}

const load = (ideaId: string, as: Who = "kontaktperson", query = "") =>
  call(loader, getRequest(`/ideas/${ideaId}/nyttorealisering${query}`, cookies[as]!), { ideaId });
async function yearFields(ideaId: string, indicatorId: string, yearIndex: number, fields: Record<string, string>) {
  const page = await load(ideaId, "kontaktperson", `?ar=${yearIndex}`);
  const form = page.data.page.forms[yearIndex];
  return {
    intent: "save_year", yearIndex: String(yearIndex), stamp: form?.stamp ?? "",
    one_off_cost: "", running_cost: "", saving: "", time_saving: "",
    "indicators.0.indicatorId": indicatorId, "indicators.0.name": "Handläggningstid", "indicators.0.value": "",
    ...fields,
  };
}
const post = (ideaId: string, fields: Record<string, string>, as: Who = "kontaktperson") =>
  call(action, postRequest(`/ideas/${ideaId}/nyttorealisering`, cookies[as]!, Object.entries(fields)), { ideaId });
const actualRows = (ideaId: string) =>
  db.selectFrom("business_case_actuals").select(["year_index", "kind", "amount"]).where("idea_id", "=", ideaId).orderBy("year_index").orderBy("kind").execute();
const indicatorRows = (indicatorId: string) =>
  db.selectFrom("pilot_indicator_actuals").select(["year_index", "value"]).where("indicator_id", "=", indicatorId).orderBy("year_index").execute();
const audits = (ideaId: string) =>
  db.selectFrom("audit_log").selectAll().where("entity_id", "=", ideaId).where("action", "=", "benefits.recorded").orderBy("id").execute();

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  const emails: Record<Exclude<Who, "pilotOwner">, string> = {
    medarbetare: "medarbetare@idesluss.test", kontaktperson: "kontaktperson@idesluss.test",
    styrgrupp: "styrgrupp@idesluss.test", admin: "admin@idesluss.test",
  };
  for (const key of Object.keys(emails) as (keyof typeof emails)[]) {
    ids[key] = (await db.selectFrom("users").select("id").where("email", "=", emails[key]).executeTakeFirstOrThrow()).id;
    cookies[key] = await sessionCookieFor(db, emails[key]);
  }
  // The pilot's owner: an active user with no role beyond medarbetare and no scope.
  const owner = await db.selectFrom("users").select(["id", "email"]).where("email", "not in", Object.values(emails))
    .where("active", "=", true)
    .where((eb) => eb.not(eb.exists(eb.selectFrom("user_unit_scopes").select("user_id").whereRef("user_unit_scopes.user_id", "=", "users.id"))))
    .orderBy("email").limit(1).executeTakeFirstOrThrow();
  ids.pilotOwner = owner.id;
  cookies.pilotOwner = await sessionCookieFor(db, owner.email);
  ostermalmId = (await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

/** The idea page's benefits summary, read as its loader reads it (from the idea row). */
async function benefitsSummaryOfIdea(id: string) {
  const idea = await db.selectFrom("ideas").select(["id", "stage", "outcome", "merged_into_id"]).where("id", "=", id).executeTakeFirstOrThrow();
  return (await businessCaseAndBenefitsFor(db, idea)).benefits;
}

describe(`benefits realisation on ${testDatabaseKind()}`, () => {
  it("saves a year's actuals and shows the variance and the 20 % flag in the loader data, with an audit row", async () => {
    const { id, indicatorId } = await newIdea("pilot");
    // Year 1: 800 000 + 800 h × 450 = 1 160 000 of 1 450 000 – exactly 20.0 % behind, not flagged.
    const first = await post(id, await yearFields(id, indicatorId, 1, { saving: "800 000", time_saving: "800", "indicators.0.value": "12,5" }));
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/ideas/${id}/nyttorealisering?ar=1&meddelande=utfall-sparat#ar-1`);
    // Year 2: 800 000 + 797 h × 450 = 1 158 650 – 20.09 % behind, flagged.
    expect((await post(id, await yearFields(id, indicatorId, 2, { saving: "800000", time_saving: "797" }))).status).toBe(302);

    expect(await actualRows(id)).toEqual([
      { year_index: 1, kind: "saving", amount: expect.anything() }, { year_index: 1, kind: "time_saving", amount: expect.anything() },
      { year_index: 2, kind: "saving", amount: expect.anything() }, { year_index: 2, kind: "time_saving", amount: expect.anything() },
    ]);
    expect((await actualRows(id)).map((r) => Number(r.amount))).toEqual([800_000, 800, 800_000, 797]);
    expect((await indicatorRows(indicatorId)).map((r) => [r.year_index, Number(r.value)])).toEqual([[1, 12.5]]);

    const page = (await load(id, "medarbetare")).data.page;
    const [y0, y1, y2] = page.realisation.years;
    expect(y0.hasActuals).toBe(false);
    expect(y1.savings).toEqual({ planned: 1_450_000, actual: 1_160_000, variance: -290_000, variancePercent: -20 });
    expect(y1.behindPlan).toBe(false);
    expect(y1.kinds.find((k: { kind: string }) => k.kind === "time_saving"))
      .toMatchObject({ planned: 1_000, actual: 800, varianceKronor: -90_000, variancePercent: -20 });
    expect(y2.savings).toEqual({ planned: 1_450_000, actual: 1_158_650, variance: -291_350, variancePercent: -20.1 });
    expect(y2.behindPlan).toBe(true);
    expect(page.realisation.toDate.savings).toMatchObject({ planned: 2_900_000, actual: 2_318_650 });
    expect(page.indicators[0].actuals).toEqual({ 1: 12.5 });
    expect(page.mayRecord).toBe(false);

    const rows = await audits(id);
    expect(rows).toHaveLength(2);
    const details = (r: (typeof rows)[number]) => (typeof r.details === "string" ? JSON.parse(r.details) : r.details);
    expect(details(rows[0]!)).toMatchObject({ yearIndex: 1, amounts: { saving: 800_000, time_saving: 800 } });
    expect(rows[0]!.actor_id).toBe(ids.kontaktperson);
    expect(details(rows[1]!).yearIndex).toBe(2);

    const summary = await benefitsSummaryOfIdea(id);
    expect(summary).toMatchObject({ yearsWithActuals: 2, plannedSavings: 2_900_000, actualSavings: 2_318_650, behindYears: [2028] });
  });

  it("an emptied field deletes the saved value; an unchanged form writes no audit row", async () => {
    const { id, indicatorId } = await newIdea("inforande");
    await post(id, await yearFields(id, indicatorId, 0, { one_off_cost: "600 000", saving: "5", "indicators.0.value": "18" }));
    expect((await actualRows(id)).map((r) => r.kind)).toEqual(["one_off_cost", "saving"]);
    const again = await post(id, await yearFields(id, indicatorId, 0, { one_off_cost: "600000", saving: "", "indicators.0.value": "" }));
    expect(again.status).toBe(302);
    expect((await actualRows(id)).map((r) => [r.kind, Number(r.amount)])).toEqual([["one_off_cost", 600_000]]);
    expect(await indicatorRows(indicatorId)).toEqual([]);
    expect(await audits(id)).toHaveLength(2);
    await post(id, await yearFields(id, indicatorId, 0, { one_off_cost: "600 000" }));
    expect(await audits(id)).toHaveLength(2);
  });

  it("refuses bad numbers and a year outside the horizon with 400 and Swedish messages, nothing saved", async () => {
    const { id, indicatorId } = await newIdea("pilot");
    const bad = await post(id, await yearFields(id, indicatorId, 1, {
      saving: "12,5", time_saving: "-3", one_off_cost: "100 000 000 000", running_cost: "tusen", "indicators.0.value": "4,555",
    }));
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors).toEqual({
      saving: "Besparing (budgetpåverkande) anges i hela kronor (eller hela timmar), utan decimaler.",
      time_saving: "Frigjord tid kan inte vara negativt.",
      one_off_cost: "Engångskostnad är orimligt stort – högst 99 999 999 999.",
      running_cost: "Löpande kostnad måste vara ett belopp i siffror, till exempel 1 200 000.",
      "indicators.0.value": "Värdet för ”Handläggningstid” får ha högst två decimaler.",
    });
    expect(bad.data.values.saving).toBe("12,5");
    const outside = await post(id, await yearFields(id, indicatorId, 1, { yearIndex: "3", saving: "100" }));
    expect(outside.status).toBe(400);
    expect(outside.data.formError).toBe("Välj ett år inom kalkylperioden.");
    expect(await actualRows(id)).toEqual([]);
    expect(await indicatorRows(indicatorId)).toEqual([]);
    expect(await audits(id)).toEqual([]);
  });

  it("refuses a stale form with 409 and keeps what was typed", async () => {
    const { id, indicatorId } = await newIdea("pilot");
    const opened = await yearFields(id, indicatorId, 1, { saving: "700 000" });
    await post(id, await yearFields(id, indicatorId, 1, { saving: "900 000" }), "styrgrupp");
    const stale = await post(id, opened);
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/har ändrats sedan du öppnade/);
    expect(stale.data.values.saving).toBe("700 000");
    expect((await actualRows(id)).map((r) => Number(r.amount))).toEqual([900_000]);
  });

  it("before the pilot: the page explains when it opens, recording is refused and nothing is saved", async () => {
    const { id, indicatorId } = await newIdea("prioritering");
    const page = (await load(id)).data.page;
    expect(page.open).toBe(false);
    expect(page.refusal).toBe("stage");
    expect(page.canRecord).toBe(false);
    const refused = await post(id, await yearFields(id, indicatorId, 1, { saving: "100" }));
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toBe("Utfall kan föras in från piloten och framåt.");
    expect(await actualRows(id)).toEqual([]);
    expect(await benefitsSummaryOfIdea(id)).toBeNull();
  });

  it("after closing: införd stays open, another outcome keeps what was recorded readable but refuses more", async () => {
    const inford = await newIdea("avslutad", { outcome: "inford" });
    expect((await post(inford.id, await yearFields(inford.id, inford.indicatorId, 2, { saving: "1 000 000" }))).status).toBe(302);

    const parked = await newIdea("pilot");
    expect((await post(parked.id, await yearFields(parked.id, parked.indicatorId, 1, { saving: "500 000" }))).status).toBe(302);
    await db.updateTable("ideas").set({ stage: "avslutad", outcome: "parkerad" }).where("id", "=", parked.id).execute();
    const page = (await load(parked.id)).data.page;
    expect(page.open).toBe(false);
    expect(page.canRecord).toBe(false);
    expect(page.realisation.years[1].savings.actual).toBe(500_000);
    const refused = await post(parked.id, await yearFields(parked.id, parked.indicatorId, 1, { saving: "600 000" }));
    expect(refused.status).toBe(409);
    expect((await actualRows(parked.id)).map((r) => Number(r.amount))).toEqual([500_000]);
  });

  it("without a business case the page says so and recording is refused", async () => {
    const { id, indicatorId } = await newIdea("pilot", { withCase: false });
    const page = (await load(id)).data.page;
    expect(page.plan).toBeNull();
    expect(page.canRecord).toBe(false);
    const refused = await post(id, { intent: "save_year", yearIndex: "0", stamp: "", one_off_cost: "", running_cost: "", saving: "1", time_saving: "",
      "indicators.0.indicatorId": indicatorId, "indicators.0.name": "x", "indicators.0.value": "" });
    expect(refused.status).toBe(409);
    expect(await actualRows(id)).toEqual([]);
  });

  it("a medarbetare may read but not record (403); the pilot's owner may record", async () => {
    const { id, indicatorId } = await newIdea("pilot");
    expect((await load(id, "medarbetare")).status).toBe(200);
    const forbidden = await post(id, await yearFields(id, indicatorId, 1, { saving: "100" }), "medarbetare");
    expect(forbidden.status).toBe(403);
    expect(await actualRows(id)).toEqual([]);

    const ownerPage = (await load(id, "pilotOwner")).data.page;
    expect(ownerPage.canRecord).toBe(true);
    const byOwner = await post(id, await yearFields(id, indicatorId, 1, { saving: "1 450 000" }), "pilotOwner");
    expect(byOwner.status).toBe(302);
    expect((await actualRows(id)).map((r) => Number(r.amount))).toEqual([1_450_000]);
    expect((await audits(id))[0]!.actor_id).toBe(ids.pilotOwner);
  });
});
