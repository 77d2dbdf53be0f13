import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { gatherGateEvidence } from "../../app/models/gate-evidence.server";
import { pilotSummaryFor } from "../../app/models/pilots.server";
import { loader as lessonsLoader } from "../../app/routes/lardomar";
import { action as pilotAction, loader as pilotLoader } from "../../app/routes/ideas.$ideaId.pilot";
import { decideGate } from "../../app/services/gate-decision.server";
import { savePilotPlan } from "../../app/services/pilots.server";
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
type Stage = "bedomning" | "prioritering" | "pilot" | "inskickad";

/** A fresh submitted idea in a stage (reference IDE-2098-n), followed by someone who is told of evaluations. */
async function newIdea(stage: Stage, options: { unitId?: string; title?: string; ownerId?: string | null } = {}) {
  referenceNumber += 1;
  const { id } = await db.insertInto("ideas").values({
    title: options.title ?? `Pilotidé ${referenceNumber}`, problem: "Problem", proposed_solution: "Lösning",
    submitter_id: ids.medarbetare!, unit_id: options.unitId ?? ostermalmId,
    owner_id: options.ownerId === undefined ? ids.kontaktperson! : options.ownerId, stage,
    reference_year: 2098, reference_number: referenceNumber, submitted_at: new Date(),
  }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("idea_followers").values({ idea_id: id, user_id: ids.follower! }).execute();
  return id;
}

type Fields = Record<string, string>;
const planFields = (overrides: Fields = {}): Fields => ({
  intent: "save_plan", version: "0", goal: "Halvera väntetiden för bygglov", startsOn: "2026-09-01", endsOn: "2026-12-31",
  ownerId: ids.kontaktperson!, unitIds: ostermalmId, extraUnitId: "",
  "indicators.0.indicatorId": "", "indicators.0.name": "Handläggningstid", "indicators.0.measureUnit": "dagar",
  "indicators.0.baseline": "20", "indicators.0.target": "4,5",
  "indicators.1.indicatorId": "", "indicators.1.name": "", "indicators.1.measureUnit": "", "indicators.1.baseline": "", "indicators.1.target": "",
  ...overrides,
});
const asList = (fields: Fields): [string, string][] => Object.entries(fields);

const savePlan = (ideaId: string, fields: Fields | [string, string][], as: Who = "kontaktperson") =>
  call(pilotAction, postRequest(`/ideas/${ideaId}/pilot`, cookies[as]!, Array.isArray(fields) ? fields : asList(fields)), { ideaId });
const loadPage = (ideaId: string, as: Who = "kontaktperson") =>
  call(pilotLoader, getRequest(`/ideas/${ideaId}/pilot`, cookies[as]!), { ideaId });
const lessons = (query: string, as: Who = "medarbetare") => call(lessonsLoader, getRequest(`/lardomar${query}`, cookies[as]!));

async function evaluationFields(ideaId: string, fields: { verdict: string; lessons?: string; summary?: string; values?: string[] }) {
  const page = await loadPage(ideaId);
  const plan = page.data.page.plan;
  const rows = plan.indicators.flatMap((indicator: { id: string; name: string }, i: number) => [
    [`outcomes.${i}.indicatorId`, indicator.id], [`outcomes.${i}.name`, indicator.name],
    [`outcomes.${i}.value`, fields.values?.[i] ?? ""], [`outcomes.${i}.comment`, ""],
  ]) as [string, string][];
  return [
    ["intent", "evaluate"], ["planVersion", String(plan.version)], ...rows, ["verdict", fields.verdict],
    ["summary", fields.summary ?? "Piloten är genomförd."], ["lessonsLearned", fields.lessons ?? "Vi lärde oss att börja i liten skala."],
  ] as [string, string][];
}
const evaluate = (ideaId: string, fields: [string, string][], as: Who = "kontaktperson") =>
  call(pilotAction, postRequest(`/ideas/${ideaId}/pilot`, cookies[as]!, fields), { ideaId });

const planRow = (ideaId: string) => db.selectFrom("pilot_plans").selectAll().where("idea_id", "=", ideaId).executeTakeFirst();
const indicators = (ideaId: string) =>
  db.selectFrom("pilot_indicators").selectAll().where("idea_id", "=", ideaId).orderBy("position").execute();
const events = (ideaId: string, kind: string) =>
  db.selectFrom("idea_events").selectAll().where("idea_id", "=", ideaId).where("kind", "=", kind).orderBy("id").execute();
const audits = (ideaId: string, action: string) =>
  db.selectFrom("audit_log").selectAll().where("entity_id", "=", ideaId).where("action", "=", action).orderBy("id").execute();

beforeAll(async () => {
  fixture = await openDemoDatabase();
  ({ handle, db, ostermalmId, brommaId } = fixture);
  Object.assign(ids, fixture.ids);
  Object.assign(cookies, fixture.cookies);
  // Someone else who follows the test ideas: told about every decision.
  ids.follower = fixture.bystanderId;
});

afterAll(async () => {
  await fixture?.close();
});

describe(`the pilot plan on ${testDatabaseKind()}`, () => {
  it("refuses a plan without an indicator, or ending before it starts, with Swedish messages and nothing saved", async () => {
    const id = await newIdea("prioritering");
    const noIndicator = await savePlan(id, planFields({ "indicators.0.name": "", "indicators.0.measureUnit": "", "indicators.0.baseline": "", "indicators.0.target": "" }));
    expect(noIndicator.status).toBe(400);
    expect(noIndicator.data.fieldErrors.indicators).toBe("Lägg till minst en indikator med namn, utgångsvärde och målvärde.");

    const backwards = await savePlan(id, planFields({ startsOn: "2026-12-31", endsOn: "2026-09-01" }));
    expect(backwards.status).toBe(400);
    expect(backwards.data.fieldErrors.endsOn).toBe("Slutdatumet kan inte vara före startdatumet.");
    expect(backwards.data.values.goal).toBe("Halvera väntetiden för bygglov");

    const incomplete = await savePlan(id, planFields({ "indicators.0.target": "20", "indicators.1.name": "Nöjdhet" }));
    expect(incomplete.status).toBe(400);
    expect(incomplete.data.fieldErrors["indicators.0.target"]).toBe("Målvärdet för indikator 1 måste skilja sig från utgångsvärdet.");
    expect(incomplete.data.fieldErrors["indicators.1.baseline"]).toBe("Ange utgångsvärdet för indikator 2.");
    expect(incomplete.data.fieldErrors["indicators.1.target"]).toBe("Ange målvärdet för indikator 2.");

    const badNumber = await savePlan(id, planFields({ "indicators.0.baseline": "4,555", ownerId: "", unitIds: "" }));
    expect(badNumber.status).toBe(400);
    expect(badNumber.data.fieldErrors["indicators.0.baseline"]).toBe("Utgångsvärdet för indikator 1 får ha högst två decimaler.");
    expect(badNumber.data.fieldErrors.ownerId).toBe("Välj vem som är ansvarig för piloten.");
    expect(badNumber.data.fieldErrors.unitIds).toBe("Välj minst en enhet som deltar i piloten.");

    // The service holds the rule too, whatever a caller sends.
    const direct = await savePilotPlan(db, {
      actor: { id: ids.kontaktperson!, roles: ["medarbetare", "kontaktperson"], scopeUnitIds: [ostermalmId] }, ideaId: id,
      expectedVersion: 0, now: new Date(), ipAddress: null,
      plan: { goal: "Mål", startsOn: "2026-09-01", endsOn: "2026-08-01", ownerId: ids.kontaktperson!, unitIds: [ostermalmId], indicators: [] },
    });
    expect(direct).toEqual({ ok: false, reason: "incomplete" });

    const medarbetareOwner = await savePlan(id, planFields({ ownerId: ids.medarbetare! }));
    expect(medarbetareOwner.status).toBe(400);
    expect(medarbetareOwner.data.fieldErrors.ownerId).toMatch(/Välj en ansvarig i listan/);
    expect(await planRow(id)).toBeUndefined();
  });

  it("saves a plan (decimal comma read), which the gate then sees; an unchanged save writes nothing", async () => {
    const id = await newIdea("prioritering");
    expect((await gatherGateEvidence(db, id)).hasPilotPlan).toBe(false);
    const saved = await savePlan(id, [
      ...asList(planFields({ extraUnitId: brommaId, "indicators.1.name": "Nöjda sökande", "indicators.1.measureUnit": "procent",
        "indicators.1.baseline": "62,25", "indicators.1.target": "1 250" })),
    ]);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/ideas/${id}/pilot?meddelande=plan-sparad#pilotplan`);
    expect((await gatherGateEvidence(db, id)).hasPilotPlan).toBe(true);

    const plan = await planRow(id);
    expect([plan!.starts_on, plan!.ends_on, plan!.owner_id, plan!.version, plan!.updated_by])
      .toEqual(["2026-09-01", "2026-12-31", ids.kontaktperson, 1, ids.kontaktperson]);
    expect((await indicators(id)).map((i) => [i.position, i.name, i.measure_unit, Number(i.baseline), Number(i.target)])).toEqual([
      [0, "Handläggningstid", "dagar", 20, 4.5],
      [1, "Nöjda sökande", "procent", 62.25, 1250],
    ]);
    const units = await db.selectFrom("pilot_plan_units").select("unit_id").where("idea_id", "=", id).orderBy("unit_id").execute();
    expect(units.map((u) => u.unit_id)).toEqual([ostermalmId, brommaId].sort());
    expect(await events(id, "pilot_planned")).toHaveLength(1);
    const [audit] = await audits(id, "pilot_plan.saved");
    expect(audit!.actor_id).toBe(ids.kontaktperson);
    expect(audit!.details).toMatchObject({ version: 1, created: true, indicators: 2 });

    // Saving the same plan again (as the form shows it, with the indicator ids) changes nothing.
    const page = await loadPage(id);
    expect(page.data.page.plan.indicators.map((i: { baseline: number }) => i.baseline)).toEqual([20, 62.25]);
    const [first, second] = page.data.page.plan.indicators as { id: string }[];
    const again = await savePlan(id, planFields({
      version: "1", unitIds: ostermalmId, extraUnitId: brommaId, "indicators.0.indicatorId": first!.id,
      "indicators.1.indicatorId": second!.id, "indicators.1.name": "Nöjda sökande", "indicators.1.measureUnit": "procent",
      "indicators.1.baseline": "62,25", "indicators.1.target": "1250",
    }));
    expect(again.location).toBe(`/ideas/${id}/pilot?meddelande=plan-oforandrad#pilotplan`);
    expect((await planRow(id))!.version).toBe(1);
    expect(await events(id, "pilot_planned")).toHaveLength(1);

    // A change keeps the ids of the indicators kept and records the change on the timeline.
    const changed = await savePlan(id, planFields({ version: "1", endsOn: "2027-01-31", "indicators.0.indicatorId": first!.id }));
    expect(changed.location).toBe(`/ideas/${id}/pilot?meddelande=plan-sparad#pilotplan`);
    expect((await planRow(id))!.version).toBe(2);
    expect((await indicators(id)).map((i) => i.id)).toEqual([first!.id]);
    expect((await events(id, "pilot_planned")).map((e) => (e.payload as { version: number }).version)).toEqual([1, 2]);
  });

  it("answers a stale version with 409, the fresh plan and the typed values, and loses nothing", async () => {
    const id = await newIdea("bedomning");
    expect((await savePlan(id, planFields())).status).toBe(302);
    expect((await savePlan(id, planFields({ version: "1", goal: "Först sparat mål" }), "styrgrupp")).status).toBe(302);

    const stale = await savePlan(id, planFields({ version: "1", goal: "Mitt mål som inte får försvinna" }));
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/^Pilotplanen har ändrats sedan du öppnade den/);
    expect(stale.data.values.goal).toBe("Mitt mål som inte får försvinna");
    expect(stale.data.values.indicators[0].target).toBe("4,5");
    expect(stale.data.fresh.page.plan.goal).toBe("Först sparat mål");
    expect(stale.data.fresh.page.plan.version).toBe(2);
    const plan = await planRow(id);
    expect([plan!.goal, plan!.version, plan!.updated_by]).toEqual(["Först sparat mål", 2, ids.styrgrupp]);

    // A second "first save" of the same idea is stale too.
    const secondFirst = await savePlan(id, planFields({ version: "0" }));
    expect(secondFirst.status).toBe(409);

    // Two people saving the same version at once: exactly one wins.
    const both = await Promise.all([
      savePlan(id, planFields({ version: "2", goal: "Kontaktpersonens mål" })),
      savePlan(id, planFields({ version: "2", goal: "Styrgruppens mål" }), "styrgrupp"),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([302, 409]);
    const after = await planRow(id);
    expect(after!.version).toBe(3);
    expect(both.find((r) => r.status === 409)!.data.fresh.page.plan.goal).toBe(after!.goal);
    expect(await events(id, "pilot_planned")).toHaveLength(3);
  });

  it("lets exactly one of two simultaneous first saves create the plan", async () => {
    const id = await newIdea("prioritering");
    const both = await Promise.all([savePlan(id, planFields()), savePlan(id, planFields({ goal: "Annat mål" }), "styrgrupp")]);
    expect(both.map((r) => r.status).sort()).toEqual([302, 409]);
    expect((await planRow(id))!.version).toBe(1);
    expect(await indicators(id)).toHaveLength(1);
  });

  it("is planned only from bedömning to pilot, and only by those who handle the idea", async () => {
    const early = await newIdea("inskickad");
    const refused = await savePlan(early, planFields());
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toBe("Pilotplanen kan göras och ändras när idén är i bedömning, prioritering eller pilot.");
    expect(await planRow(early)).toBeUndefined();

    const id = await newIdea("prioritering");
    expect((await savePlan(id, planFields(), "medarbetare")).status).toBe(403);
    expect((await savePlan(id, { intent: "evaluate" }, "medarbetare")).status).toBe(403);
    const bromma = await newIdea("prioritering", { unitId: brommaId, ownerId: null });
    expect((await savePlan(bromma, planFields(), "kontaktperson")).status).toBe(403);
    expect((await savePlan(bromma, planFields(), "styrgrupp")).status).toBe(302);
    expect(await planRow(id)).toBeUndefined();

    // Everyone signed in reads the pilot page; only those who may plan get the form's choices.
    const reader = await loadPage(bromma, "medarbetare");
    expect(reader.status).toBe(200);
    expect([reader.data.page.canPlan, reader.data.page.canEvaluate, reader.data.page.owners]).toEqual([false, false, []]);
    expect(reader.data.page.plan.goal).toBe("Halvera väntetiden för bygglov");
    const handler = await loadPage(id);
    expect(handler.data.page.canPlan).toBe(true);
    expect(handler.data.page.owners.map((o: { id: string }) => o.id)).toContain(ids.kontaktperson);
    expect(handler.data.page.units.checkboxes.map((u: { id: string }) => u.id)).toContain(ostermalmId);
  });
});

describe(`the pilot evaluation on ${testDatabaseKind()}`, () => {
  it("is refused outside the pilot stage and without lessons learned", async () => {
    const id = await newIdea("prioritering");
    expect((await savePlan(id, planFields())).status).toBe(302);
    const early = await evaluate(id, await evaluationFields(id, { verdict: "stop", values: ["10"] }));
    expect(early.status).toBe(409);
    expect(early.data.formError).toBe("Piloten kan utvärderas när idén är i steget Pilot.");

    await db.updateTable("ideas").set({ stage: "pilot" }).where("id", "=", id).execute();
    const noLessons = await evaluate(id, await evaluationFields(id, { verdict: "stop", lessons: "  ", values: ["10"] }));
    expect(noLessons.status).toBe(400);
    expect(noLessons.data.fieldErrors.lessonsLearned).toBe("Skriv vad ni har lärt er. Lärdomarna hjälper andra förvaltningar.");
    const noVerdict = await evaluate(id, await evaluationFields(id, { verdict: "", values: ["10"] }));
    expect(noVerdict.status).toBe(400);
    expect(noVerdict.data.fieldErrors.verdict).toMatch(/^Välj en slutsats/);
    const badValue = await evaluate(id, await evaluationFields(id, { verdict: "stop", values: ["tio"] }));
    expect(badValue.status).toBe(400);
    expect(badValue.data.fieldErrors["outcomes.0.value"]).toBe("Utfallet för ”Handläggningstid” ska vara ett tal, till exempel 4,5.");

    const noPlan = await newIdea("pilot");
    const withoutPlan = await evaluate(noPlan, [["intent", "evaluate"], ["planVersion", "0"], ["verdict", "stop"],
      ["summary", "S"], ["lessonsLearned", "L"]]);
    expect(withoutPlan.status).toBe(409);
    expect(await db.selectFrom("pilot_evaluations").select("id").where("idea_id", "in", [id, noPlan]).execute()).toEqual([]);
  });

  it("refuses a medarbetare who is not involved, and lets the pilot's owner evaluate (but not plan)", async () => {
    const id = await newIdea("pilot", { unitId: brommaId, ownerId: null });
    expect((await savePlan(id, planFields({ ownerId: ids.kontaktperson!, unitIds: brommaId }), "styrgrupp")).status).toBe(302);
    const fields = await evaluationFields(id, { verdict: "iterate", values: ["12"] });
    expect((await evaluate(id, fields, "medarbetare")).status).toBe(403);
    expect(await db.selectFrom("pilot_evaluations").select("id").where("idea_id", "=", id).execute()).toEqual([]);
    // The Östermalm kontaktperson does not handle this Bromma idea, but owns its pilot.
    expect((await savePlan(id, planFields({ version: "1", unitIds: brommaId }), "kontaktperson")).status).toBe(403);
    expect((await evaluate(id, fields, "kontaktperson")).status).toBe(302);
    const page = await loadPage(id, "kontaktperson");
    expect([page.data.page.canPlan, page.data.page.canEvaluate]).toEqual([false, true]);
  });

  it("records a stop: the gate sees it, followers are told, the audit log has it and /lardomar finds it", async () => {
    const id = await newIdea("pilot", { title: "Digital incheckning på simhallen" });
    expect((await savePlan(id, planFields({ "indicators.1.name": "Besökare", "indicators.1.baseline": "100", "indicators.1.target": "150" }))).status).toBe(302);
    const fields = await evaluationFields(id, {
      verdict: "stop", values: ["3,75", ""], summary: "Tekniken fungerade inte i simhallens fuktiga miljö.",
      lessons: "Kortläsarna tålde inte fukten. Testa hårdvaran i verklig miljö innan upphandlingen.",
    });
    const stopped = await evaluate(id, fields);
    expect(stopped.status).toBe(302);
    expect(stopped.location).toBe(`/ideas/${id}/pilot?meddelande=utvardering-sparad#utvarderingar`);

    expect((await gatherGateEvidence(db, id)).latestPilotVerdict).toBe("stop");
    const [row] = await db.selectFrom("pilot_evaluations").selectAll().where("idea_id", "=", id).execute();
    expect(row!.evaluated_by).toBe(ids.kontaktperson);
    expect(row!.indicator_outcomes.map((o) => [o.name, o.baseline, o.target, o.outcome])).toEqual([
      ["Handläggningstid", 20, 4.5, 3.75], ["Besökare", 100, 150, null],
    ]);
    await expect(db.updateTable("pilot_evaluations").set({ summary: "Ändrad" }).where("id", "=", row!.id).execute()).rejects.toThrow();

    const told = await db.selectFrom("notifications").select(["user_id", "title"]).where("idea_id", "=", id)
      .where("kind", "=", "pilot_evaluated").orderBy("user_id").execute();
    expect(told.map((n) => n.user_id)).toEqual([ids.follower]);
    expect(told[0]!.title).toContain("Avbryt");
    const [audit] = await audits(id, "pilot.evaluated");
    expect(audit!.actor_id).toBe(ids.kontaktperson);
    expect(audit!.details).toMatchObject({ evaluationId: row!.id, verdict: "stop" });
    expect(await events(id, "pilot_evaluated")).toHaveLength(1);

    const summary = await pilotSummaryFor(db, id);
    expect(summary.latest).toMatchObject({ verdict: "stop", indicators: 2, measured: 1, reached: 1 });
    expect(summary.plan).toMatchObject({ indicatorCount: 2, ownerName: expect.any(String) });

    // The styrgrupp can now close the idea as stopped with lessons learned.
    const idea = await db.selectFrom("ideas").select("version").where("id", "=", id).executeTakeFirstOrThrow();
    const closed = await decideGate(db, {
      actor: { id: ids.styrgrupp!, name: "Styrgruppen", roles: ["styrgrupp"], scopeUnitIds: [] }, ideaId: id,
      transitionId: "pilot_avbruten_med_lardomar", motivation: "Piloten avbryts.", meetingReference: null,
      expectedVersion: idea.version, now: new Date(), ipAddress: null,
    });
    expect(closed.ok).toBe(true);

    for (const query of ["?q=kortläsarna", "?q=fukt", "?q=incheckning", "?q=simhall&slutsats=stop", `?forvaltning=${ostermalmId}&slutsats=stop`]) {
      const found = await lessons(query);
      expect(found.status, query).toBe(200);
      expect(found.data.rows.map((r: { ideaId: string }) => r.ideaId), query).toContain(id);
    }
    const first = (await lessons("?q=kortläsarna")).data.rows[0];
    expect(first).toMatchObject({ title: "Digital incheckning på simhallen", verdict: "stop", outcome: "avbruten_med_lardomar" });
    expect(first.lessonsLearned).toMatch(/^Kortläsarna/);
    for (const query of ["?q=kortläsarna&slutsats=scale_up", `?q=kortläsarna&forvaltning=${brommaId}`, "?q=ubåtsjaktflygplan"]) {
      expect((await lessons(query)).data.rows.map((r: { ideaId: string }) => r.ideaId), query).not.toContain(id);
    }
    expect((await lessons("?slutsats=okand")).status).toBe(400);
  });

  it("keeps every evaluation and counts the latest (iterate, then scale up)", async () => {
    const id = await newIdea("pilot");
    expect((await savePlan(id, planFields())).status).toBe(302);
    expect((await evaluate(id, await evaluationFields(id, { verdict: "iterate", values: ["9"] }))).status).toBe(302);
    expect((await gatherGateEvidence(db, id)).latestPilotVerdict).toBe("iterate");
    // The plan changes between the evaluations; an evaluation against the old version is stale.
    const old = await evaluationFields(id, { verdict: "scale_up", values: ["4"] });
    expect((await savePlan(id, planFields({ version: "1", endsOn: "2027-03-31" }))).status).toBe(302);
    const stale = await evaluate(id, old);
    expect(stale.status).toBe(409);
    expect(stale.data.values.verdict).toBe("scale_up");
    expect(stale.data.fresh.page.plan.version).toBe(2);
    expect((await evaluate(id, await evaluationFields(id, { verdict: "scale_up", values: ["4"] }))).status).toBe(302);

    expect((await gatherGateEvidence(db, id)).latestPilotVerdict).toBe("scale_up");
    const page = await loadPage(id, "medarbetare");
    expect(page.data.page.evaluations.map((e: { verdict: string }) => e.verdict)).toEqual(["scale_up", "iterate"]);
    expect(page.data.page.evaluations[0].outcomes[0]).toMatchObject({ baseline: 20, target: 4.5, outcome: 4 });
    expect((await pilotSummaryFor(db, id)).latest?.verdict).toBe("scale_up");
    expect((await pilotSummaryFor(db, id)).evaluationCount).toBe(2);
  });
});
