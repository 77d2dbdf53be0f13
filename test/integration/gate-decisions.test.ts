import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { loader as ideaLoader } from "../../app/routes/ideas.$ideaId._index";
import { action as decideAction, loader as decideLoader } from "../../app/routes/ideas.$ideaId.beslut";
import { decideGate } from "../../app/services/gate-decision.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { type DemoAccount, openDemoDatabase } from "../support/demo-fixture";

let handle: DatabaseHandle;
let fixture: Awaited<ReturnType<typeof openDemoDatabase>>;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let ostermalmId: string;
let brommaId: string;
let referenceNumber = 0;

type Who = DemoAccount;

/** A fresh submitted idea (reference IDE-2099-n), so these tests never depend on the demo ideas' stages. */
async function newIdea(unitId: string, options: { owner?: boolean } = {}) {
  referenceNumber += 1;
  const { id } = await db.insertInto("ideas").values({
    title: `Testidé ${referenceNumber} för beslut`, problem: "Problem", proposed_solution: "Lösning",
    submitter_id: ids.medarbetare!, unit_id: unitId, owner_id: options.owner === false ? null : ids.kontaktperson!,
    reference_year: 2099, reference_number: referenceNumber, submitted_at: new Date(),
  }).returning("id").executeTakeFirstOrThrow();
  await db.insertInto("idea_followers").values({ idea_id: id, user_id: ids.follower! }).execute();
  return id;
}

const idea = (id: string) => db.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const decisions = (id: string) =>
  db.selectFrom("gate_decisions").selectAll().where("idea_id", "=", id).orderBy("decided_at").orderBy("id").execute();

function decide(ideaId: string, as: Who, fields: { transitionId: string; motivation?: string; version: number; meetingReference?: string }) {
  return call(decideAction, postRequest(`/ideas/${ideaId}/beslut`, cookies[as]!, [
    ["version", String(fields.version)], ["transitionId", fields.transitionId],
    ["motivation", fields.motivation ?? "Motiverat beslut."], ["meetingReference", fields.meetingReference ?? ""],
  ]), { ideaId });
}

/** Evidence for the gates, written directly: the pages that produce it have their own tests. */
const evidence = {
  async assessment(ideaId: string) {
    await db.insertInto("assessments").values({ idea_id: ideaId, assessor_id: ids.kontaktperson!, completed_at: new Date() }).execute();
  },
  async businessCase(ideaId: string) {
    await db.insertInto("business_cases").values({ idea_id: ideaId }).execute();
    await db.insertInto("business_case_lines").values({
      idea_id: ideaId, position: 0, kind: "saving", description: "Minskad handläggning", unit_id: ostermalmId,
      amounts: sql<number[]>`array[100000, 100000]::bigint[]`,
    }).execute();
  },
  async screening(ideaId: string) {
    await db.insertInto("security_screenings").values({
      idea_id: ideaId, confidentiality: 2, integrity: 2, availability: 1, handles_personal_data: false,
      handles_sensitive_personal_data: false, dpia_needed: false, information_owner: "Avdelningschef",
      completed_at: new Date(), completed_by: ids.kontaktperson!, updated_by: ids.kontaktperson!,
    }).execute();
  },
  async pilotPlan(ideaId: string) {
    await db.insertInto("pilot_plans").values({
      idea_id: ideaId, goal: "Halvera handläggningstiden", starts_on: "2026-01-01", ends_on: "2026-06-30",
      owner_id: ids.kontaktperson!, updated_by: ids.kontaktperson!,
    }).execute();
    await db.insertInto("pilot_indicators").values({
      idea_id: ideaId, position: 0, name: "Handläggningstid", measure_unit: "dagar", baseline: 20, target: 10,
    }).execute();
  },
  async evaluation(ideaId: string, verdict: "scale_up" | "stop") {
    await db.insertInto("pilot_evaluations").values({
      idea_id: ideaId, verdict, summary: "Utvärderad", lessons_learned: "Vi lärde oss mycket.",
      indicator_outcomes: "[]", evaluated_by: ids.kontaktperson!,
    }).execute();
  },
};

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

describe("a gate decision", () => {
  it("takes an idea through every gate to a stopped pilot, one recorded decision per move", async () => {
    const id = await newIdea(ostermalmId);
    expect((await decide(id, "kontaktperson", { transitionId: "start_assessment", version: 1 })).status).toBe(302);

    // Into prioritering: needs a completed assessment and a business case.
    const blocked = await decide(id, "kontaktperson", { transitionId: "to_prioritisation", version: 2 });
    expect(blocked.status).toBe(400);
    expect(blocked.data.fieldErrors.transitionId).toMatch(/bedömning.*nyttokalkyl/);
    await evidence.assessment(id);
    await evidence.businessCase(id);
    expect((await decide(id, "kontaktperson", { transitionId: "to_prioritisation", version: 2 })).status).toBe(302);

    // From prioritering on, the styrgrupp: the kontaktperson is refused.
    expect((await decide(id, "kontaktperson", { transitionId: "start_pilot", version: 3 })).status).toBe(403);
    expect((await decide(id, "styrgrupp", { transitionId: "start_pilot", version: 3 })).status).toBe(400);
    await evidence.screening(id);
    await evidence.pilotPlan(id);
    expect((await decide(id, "styrgrupp", { transitionId: "start_pilot", version: 3, meetingReference: "Styrgruppen § 4" })).status).toBe(302);

    // A pilot closes only after an evaluation.
    expect((await decide(id, "styrgrupp", { transitionId: "pilot_avbruten_med_lardomar", version: 4 })).status).toBe(400);
    await evidence.evaluation(id, "stop");
    expect((await decide(id, "styrgrupp", { transitionId: "start_implementation", version: 4 })).status).toBe(400);
    const closed = await decide(id, "styrgrupp", { transitionId: "pilot_avbruten_med_lardomar", version: 4, motivation: "Piloten gav inte effekt." });
    expect(closed.status).toBe(302);
    expect(closed.location).toBe(`/ideas/${id}?meddelande=beslut-registrerat#steg-och-beslut`);

    const row = await idea(id);
    expect([row.stage, row.outcome, row.version]).toEqual(["avslutad", "avbruten_med_lardomar", 5]);
    const recorded = await decisions(id);
    expect(recorded.map((d) => [d.from_stage, d.to_stage, d.outcome, d.idea_version])).toEqual([
      ["inskickad", "bedomning", null, 1],
      ["bedomning", "prioritering", null, 2],
      ["prioritering", "pilot", null, 3],
      ["pilot", "avslutad", "avbruten_med_lardomar", 4],
    ]);
    expect(recorded.map((d) => d.decided_by)).toEqual([ids.kontaktperson, ids.kontaktperson, ids.styrgrupp, ids.styrgrupp]);
    expect(recorded[2]!.meeting_reference).toBe("Styrgruppen § 4");
    expect(recorded.every((d) => !d.is_override)).toBe(true);

    const audit = await db.selectFrom("audit_log").select(["actor_id", "details"]).where("action", "=", "gate_decision.recorded")
      .where("entity_id", "=", id).orderBy("id").execute();
    expect(audit.map((a) => (a.details as { toStage: string }).toStage)).toEqual(["bedomning", "prioritering", "pilot", "avslutad"]);
    expect((audit[3]!.details as { motivation: string }).motivation).toBe("Piloten gav inte effekt.");

    const events = await db.selectFrom("idea_events").select("payload").where("idea_id", "=", id).where("kind", "=", "stage_changed").orderBy("id").execute();
    expect(events.map((e) => (e.payload as { decisionId: string }).decisionId)).toEqual(recorded.map((d) => d.id));

    // The submitter and the follower hear of each decision, with the motivation; the decider does not.
    const told = await db.selectFrom("notifications").select(["user_id", "body"]).where("idea_id", "=", id)
      .where("kind", "=", "gate_decision").orderBy("id").execute();
    expect(told.filter((n) => n.user_id === ids.medarbetare)).toHaveLength(4);
    expect(told.filter((n) => n.user_id === ids.follower)).toHaveLength(4);
    expect(told.some((n) => n.user_id === ids.styrgrupp)).toBe(false);
    expect(told.at(-1)!.body).toContain("Piloten gav inte effekt.");
  });

  it("keeps decisions immutable: no update, no delete", async () => {
    const id = await newIdea(ostermalmId);
    await decide(id, "kontaktperson", { transitionId: "start_assessment", version: 1 });
    const [decision] = await decisions(id);
    await expect(db.updateTable("gate_decisions").set({ motivation: "Ändrad" }).where("id", "=", decision!.id).execute()).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("gate_decisions").where("id", "=", decision!.id).execute()).rejects.toThrow(/append-only/);
  });

  it("refuses a move without a named owner, and one without a motivation, changing nothing", async () => {
    const id = await newIdea(ostermalmId, { owner: false });
    const noOwner = await decide(id, "kontaktperson", { transitionId: "start_assessment", version: 1 });
    expect(noOwner.status).toBe(400);
    expect(noOwner.data.fieldErrors.transitionId).toMatch(/ansvarig/);
    const noMotivation = await decide(id, "kontaktperson", { transitionId: "inskickad_avslagen", version: 1, motivation: "   " });
    expect(noMotivation.status).toBe(400);
    expect(noMotivation.data.fieldErrors.motivation).toBe("Skriv en motivering till beslutet.");
    expect(noMotivation.data.values.transitionId).toBe("inskickad_avslagen");
    const unknown = await decide(id, "kontaktperson", { transitionId: "start_pilot", version: 1 });
    expect(unknown.status).toBe(400);
    expect(await decisions(id)).toEqual([]);
    expect((await idea(id)).version).toBe(1);
  });

  it("lets only the right people decide, and records an administrator's decision as an override", async () => {
    const bromma = await newIdea(brommaId);
    expect((await call(decideLoader, getRequest(`/ideas/${bromma}/beslut`, cookies.kontaktperson!), { ideaId: bromma })).status).toBe(403);
    expect((await decide(bromma, "kontaktperson", { transitionId: "start_assessment", version: 1 })).status).toBe(403);
    expect((await decide(bromma, "medarbetare", { transitionId: "start_assessment", version: 1 })).status).toBe(403);
    expect((await decide(bromma, "styrgrupp", { transitionId: "start_assessment", version: 1 })).status).toBe(403);
    expect((await decide(bromma, "admin", { transitionId: "start_assessment", version: 1, motivation: "Kontaktpersonen är sjuk." })).status).toBe(302);
    const [decision] = await decisions(bromma);
    expect(decision!.is_override).toBe(true);
    expect(decision!.decided_by).toBe(ids.admin);
  });

  it("revives a parked idea into bedömning", async () => {
    const id = await newIdea(ostermalmId);
    await decide(id, "kontaktperson", { transitionId: "inskickad_parkerad", version: 1, motivation: "Inte nu." });
    expect([(await idea(id)).stage, (await idea(id)).outcome]).toEqual(["avslutad", "parkerad"]);
    expect((await decide(id, "kontaktperson", { transitionId: "revive", version: 2, motivation: "Nu finns budget." })).status).toBe(302);
    expect([(await idea(id)).stage, (await idea(id)).outcome]).toEqual(["bedomning", null]);
  });

  it("shows the stage panel: the next gate's checklist to everyone and the decide link to those who decide", async () => {
    const id = await newIdea(ostermalmId);
    await decide(id, "kontaktperson", { transitionId: "start_assessment", version: 1, motivation: "Vi tittar på den." });
    await evidence.businessCase(id);
    const forSubmitter = await call(ideaLoader, getRequest(`/ideas/${id}`, cookies.medarbetare!), { ideaId: id });
    expect(forSubmitter.data.stagePanel.canDecide).toBe(false);
    expect(forSubmitter.data.stagePanel.checklist).toEqual({
      nextMoveId: "to_prioritisation",
      items: [
        { requirement: "owner", met: true }, { requirement: "completed_assessment", met: false }, { requirement: "business_case", met: true },
      ],
    });
    expect(forSubmitter.data.stagePanel.decisions.map((d: { motivation: string }) => d.motivation)).toEqual(["Vi tittar på den."]);
    const forContact = await call(ideaLoader, getRequest(`/ideas/${id}`, cookies.kontaktperson!), { ideaId: id });
    expect(forContact.data.stagePanel.canDecide).toBe(true);
    expect(forContact.data.stagePanel.workLinks).toEqual(expect.arrayContaining(["assessment", "security", "deviations", "pilot"]));
  });
});

describe("two people deciding on the same version", () => {
  it("lets exactly one win; the other is told the idea changed, sees the fresh state and keeps what they typed", async () => {
    const id = await newIdea(ostermalmId);
    const [first, second] = await Promise.all([
      decide(id, "kontaktperson", { transitionId: "start_assessment", version: 1, motivation: "Vi bedömer den." }),
      decide(id, "admin", { transitionId: "inskickad_avslagen", version: 1, motivation: "Finns redan i staden." }),
    ]);
    const statuses = [first.status, second.status].sort();
    expect(statuses).toEqual([302, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.data.formError).toBe("Idén har ändrats sedan du öppnade den. Se det nya läget nedan – det du skrev finns kvar.");
    expect(loser.data.values.motivation).toMatch(/Vi bedömer den\.|Finns redan i staden\./);
    expect(loser.data.fresh.idea.version).toBe(2);
    expect(await decisions(id)).toHaveLength(1);
    expect((await idea(id)).version).toBe(2);
  });

  it("tells the one who lost the race that the idea changed, even when the new stage is no longer theirs to decide", async () => {
    const id = await newIdea(ostermalmId);
    await decide(id, "kontaktperson", { transitionId: "start_assessment", version: 1 });
    await evidence.assessment(id);
    await evidence.businessCase(id);
    // The kontaktperson opened the page at version 2; meanwhile the idea went on to prioritering (styrgrupp's).
    expect((await decide(id, "admin", { transitionId: "to_prioritisation", version: 2, motivation: "Brådskande." })).status).toBe(302);
    const late = await decide(id, "kontaktperson", { transitionId: "bedomning_parkerad", version: 2, motivation: "Vänta ett år." });
    expect(late.status).toBe(409);
    expect(late.data.formError).toMatch(/har ändrats sedan du öppnade den/);
    expect(late.data.values.motivation).toBe("Vänta ett år.");
    expect(late.data.fresh.idea.stage).toBe("prioritering");
    expect(late.data.fresh.moves).toEqual([]);
    // With the fresh version the move is simply not theirs: 403, still with what they typed.
    const notTheirs = await decide(id, "kontaktperson", { transitionId: "prioritering_parkerad", version: 3, motivation: "Vänta ett år." });
    expect(notTheirs.status).toBe(403);
    expect(notTheirs.data.values.motivation).toBe("Vänta ett år.");
  });

  it("stays consistent under many simultaneous attempts through the service", async () => {
    const id = await newIdea(ostermalmId);
    const actor = { id: ids.kontaktperson!, name: "Johan", roles: ["medarbetare", "kontaktperson"] as const, scopeUnitIds: [ostermalmId] };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => decideGate(db, {
      actor: { ...actor, roles: [...actor.roles] }, ideaId: id, transitionId: i % 2 ? "start_assessment" : "inskickad_parkerad",
      motivation: `Försök ${i}`, meetingReference: null, expectedVersion: 1, now: new Date(), ipAddress: null,
    })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.reason === "conflict")).toBe(true);
    const recorded = await decisions(id);
    expect(recorded).toHaveLength(1);
    const row = await idea(id);
    expect(row.version).toBe(2);
    expect(row.stage).toBe(recorded[0]!.to_stage);
  });
});
