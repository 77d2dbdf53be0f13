import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { assessmentSummaryFor } from "../../app/models/assessments.server";
import { gatherGateEvidence } from "../../app/models/gate-evidence.server";
import { unitSubtreeIds } from "../../app/models/unit-path.server";
import { action as editCriterionAction, loader as editCriterionLoader } from "../../app/routes/admin.kriterier.$criterionId";
import { loader as criteriaLoader } from "../../app/routes/admin.kriterier._index";
import { action as newCriterionAction } from "../../app/routes/admin.kriterier.ny";
import { loader as queueLoader } from "../../app/routes/bedomningar";
import { action as pageAction, loader as pageLoader } from "../../app/routes/ideas.$ideaId.bedomning";
import { saveAssessment } from "../../app/services/assessments.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let ideaId: string;
let criteria: { id: string; code: string; name: string; weight: number }[];

// Scores in criterion order (nytta_invanare 25, nytta_medarbetare 20, strategisk_passform 20,
// genomforbarhet 15, risk 10, ateranvandbarhet 10 – total 100):
// kontaktperson 4,3,5,2,3,4 → (100 + 60 + 100 + 30 + 30 + 40) / 100 = 3.60
// styrgrupp     5,5,4,3,2,3 → (125 + 100 + 80 + 45 + 20 + 30) / 100 = 4.00
// mean 3.80; min 3.60, max 4.00, range 0.40; population standard deviation 0.20
const KONTAKT_SCORES = [4, 3, 5, 2, 3, 4];
const STYRGRUPP_SCORES = [5, 5, 4, 3, 2, 3];
const PRIVATE_NOTE = "Min egen tanke: sökanden verkar osäker på kostnaden – hemligt 7f3a";

const page = (who: string, id = ideaId) => call(pageLoader, getRequest(`/ideas/${id}/bedomning`, cookies[who]!), { ideaId: id });
const post = (who: string, fields: [string, string][], id = ideaId) =>
  call(pageAction, postRequest(`/ideas/${id}/bedomning`, cookies[who]!, fields), { ideaId: id });
const scorecard = (intent: "draft" | "complete", version: number, scores: (number | null)[], extra: [string, string][] = []) =>
  [["intent", intent], ["version", String(version)],
    ...scores.flatMap((s, i): [string, string][] => [[`scores.${criteria[i]!.id}`, s === null ? "" : String(s)]]),
    ...extra] as [string, string][];
const assessmentOf = (who: string) => db.selectFrom("assessments").selectAll()
  .where("idea_id", "=", ideaId).where("assessor_id", "=", ids[who]!).executeTakeFirst();
const scoreCount = async (assessmentId: string) => Number((await db.selectFrom("assessment_scores")
  .select((eb) => eb.fn.countAll<string>().as("n")).where("assessment_id", "=", assessmentId).executeTakeFirstOrThrow()).n);
const audits = (action: string, entityId = ideaId) => db.selectFrom("audit_log").selectAll()
  .where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();
const events = (kind: string) => db.selectFrom("idea_events").selectAll()
  .where("idea_id", "=", ideaId).where("kind", "=", kind).orderBy("id").execute();

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  for (const who of ["medarbetare", "kontaktperson", "styrgrupp", "admin"]) {
    cookies[who] = await sessionCookieFor(db, `${who}@idesluss.test`);
    ids[who] = (await db.selectFrom("users").select("id").where("email", "=", `${who}@idesluss.test`).executeTakeFirstOrThrow()).id;
  }
  const ostermalm = await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow();
  const idea = await db.selectFrom("ideas").select("id")
    .where("unit_id", "in", await unitSubtreeIds(db, [ostermalm.id])).where("stage", "=", "bedomning")
    .where("submitted_at", "is not", null).where("merged_into_id", "is", null).where("submitter_id", "<>", ids.kontaktperson!)
    .orderBy("submitted_at").orderBy("id").executeTakeFirstOrThrow();
  ideaId = idea.id;
  // A clean slate for this idea whatever the demo data gave it.
  await db.deleteFrom("assessments").where("idea_id", "=", ideaId).execute();
  await db.deleteFrom("assessor_assignments").where("idea_id", "=", ideaId).execute();
  criteria = await db.selectFrom("assessment_criteria").select(["id", "code", "name", "weight"])
    .where("active", "=", true).orderBy("position").orderBy("name").execute();
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`assessments on ${testDatabaseKind()}`, () => {
  it("starts from the six default criteria the hand calculation uses", () => {
    expect(criteria.map((c) => [c.code, c.weight])).toEqual([
      ["nytta_invanare", 25], ["nytta_medarbetare", 20], ["strategisk_passform", 20],
      ["genomforbarhet", 15], ["risk", 10], ["ateranvandbarhet", 10],
    ]);
  });

  it("refuses a medarbetare who is not assigned, and answers 404 for unknown ideas", async () => {
    expect((await page("medarbetare")).status).toBe(403);
    expect((await post("medarbetare", scorecard("draft", 0, [3]))).status).toBe(403);
    expect((await post("medarbetare", [["intent", "assign"], ["assessorId", ids.medarbetare!]])).status).toBe(403);
    expect(await assessmentOf("medarbetare")).toBeUndefined();
    expect((await page("kontaktperson", "00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await page("kontaktperson", "inte-ett-id")).status).toBe(404);
    const draft = await db.selectFrom("ideas").select("id").where("submitted_at", "is", null).orderBy("id").executeTakeFirstOrThrow();
    expect((await page("admin", draft.id)).status).toBe(404);
  });

  it("saves a draft with some scores, refuses to complete it with a criterion missing, then completes it", async () => {
    const before = await gatherGateEvidence(db, ideaId);
    expect(before.completedAssessments).toBe(0);

    const draft = await post("kontaktperson", scorecard("draft", 0, [4, 3], [["summary", "Lovande."], ["privateNote", PRIVATE_NOTE]]));
    expect(draft.status).toBe(302);
    expect(draft.location).toBe(`/ideas/${ideaId}/bedomning?meddelande=utkast-sparat`);
    let row = (await assessmentOf("kontaktperson"))!;
    expect(row).toMatchObject({ completed_at: null, version: 1, summary: "Lovande.", private_note: PRIVATE_NOTE });
    expect(await scoreCount(row.id)).toBe(2);
    expect((await gatherGateEvidence(db, ideaId)).completedAssessments).toBe(0);
    expect(await audits("assessment.completed")).toEqual([]);

    // "Markera som klar" with risk unscored: 400 naming it, nothing saved.
    const missing = await post("kontaktperson", scorecard("complete", 1, [4, 3, 5, 2, null, 4], [["summary", "Ändrad"]]));
    expect(missing.status).toBe(400);
    expect(missing.data.fieldErrors[`scores.${criteria[4]!.id}`]).toContain("Risk");
    expect(Object.keys(missing.data.fieldErrors)).toEqual([`scores.${criteria[4]!.id}`]);
    expect(missing.data.values.summary).toBe("Ändrad");
    row = (await assessmentOf("kontaktperson"))!;
    expect(row).toMatchObject({ completed_at: null, version: 1, summary: "Lovande." });
    // The service checks again, whatever the form sent.
    const direct = await saveAssessment(db, {
      actor: { id: ids.kontaktperson! }, ideaId, expectedVersion: 1, complete: true, summary: "", privateNote: "",
      scores: [{ criterionId: criteria[0]!.id, score: 4, comment: "" }], now: new Date(), ipAddress: null,
    });
    expect(direct).toEqual({ ok: false, reason: "incomplete", missing: criteria.slice(1).map((c) => ({ id: c.id, name: c.name })) });

    const done = await post("kontaktperson", scorecard("complete", 1, KONTAKT_SCORES, [
      ["summary", "Tydlig nytta för hemtjänsten."], ["privateNote", PRIVATE_NOTE], [`comments.${criteria[0]!.id}`, "Brukarna märker det direkt."],
    ]));
    expect(done.status).toBe(302);
    expect(done.location).toBe(`/ideas/${ideaId}/bedomning?meddelande=bedomning-klar`);
    row = (await assessmentOf("kontaktperson"))!;
    expect(row.completed_at).toBeInstanceOf(Date);
    expect(row.version).toBe(2);
    expect(await scoreCount(row.id)).toBe(6);
    const [audit] = await audits("assessment.completed");
    expect(audit).toMatchObject({ actor_id: ids.kontaktperson, entity_type: "idea" });
    expect(audit!.details).toMatchObject({ assessmentId: row.id, weightedScore: 3.6 });
    expect((await events("assessment_completed")).map((e) => e.actor_id)).toEqual([ids.kontaktperson]);
    expect((await gatherGateEvidence(db, ideaId)).completedAssessments).toBe(1);
  });

  it("answers a stale version with 409, the saved version and what was typed – and saves nothing", async () => {
    const saved = (await assessmentOf("kontaktperson"))!;
    const stale = await post("kontaktperson", scorecard("complete", 1, [1, 1, 1, 1, 1, 1], [["summary", "Skrivet i en gammal flik"]]));
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/har ändrats sedan du öppnade den/);
    expect(stale.data.values.summary).toBe("Skrivet i en gammal flik");
    expect(stale.data.values.scores[criteria[0]!.id]).toBe("1");
    expect(stale.data.fresh.mine).toMatchObject({ version: saved.version, summary: saved.summary });
    // "No assessment yet" (version 0) when there is one is just as stale.
    expect((await post("kontaktperson", scorecard("draft", 0, [2]))).status).toBe(409);
    const after = (await assessmentOf("kontaktperson"))!;
    expect(after).toMatchObject({ version: saved.version, summary: saved.summary, completed_at: saved.completed_at });
    const scores = await db.selectFrom("assessment_scores").select("score").where("assessment_id", "=", saved.id)
      .orderBy("criterion_id").execute();
    expect(scores.map((s) => s.score).sort()).toEqual([...KONTAKT_SCORES].sort());
  });

  it("assigns an assessor: timeline, audit, notification, follower and an entry in their queue", async () => {
    expect((await call(queueLoader, getRequest("/bedomningar", cookies.styrgrupp!))).data.rows
      .some((r: { ideaId: string }) => r.ideaId === ideaId)).toBe(false);
    const assigned = await post("kontaktperson", [["intent", "assign"], ["assessorId", ids.styrgrupp!]]);
    expect(assigned.status).toBe(302);
    expect(assigned.location).toBe(`/ideas/${ideaId}/bedomning?meddelande=bedomare-tillagd`);
    expect((await events("assessors_assigned")).map((e) => e.payload)).toEqual([{ assessorIds: [ids.styrgrupp] }]);
    expect(await audits("assessment.assessors_assigned")).toHaveLength(1);
    const notes = await db.selectFrom("notifications").select(["user_id", "title"])
      .where("idea_id", "=", ideaId).where("kind", "=", "assessor_assigned").execute();
    expect(notes.map((n) => n.user_id)).toEqual([ids.styrgrupp]);
    expect(notes[0]!.title).toMatch(/ombedd att bedöma/);
    expect(await db.selectFrom("idea_followers").select("user_id").where("idea_id", "=", ideaId)
      .where("user_id", "=", ids.styrgrupp!).executeTakeFirst()).toBeDefined();

    // Again: nothing new.
    expect((await post("kontaktperson", [["intent", "assign"], ["assessorId", ids.styrgrupp!]])).location).toMatch(/ingen-andring$/);
    expect(await audits("assessment.assessors_assigned")).toHaveLength(1);
    // A medarbetare without an assessor role cannot be asked.
    const refused = await post("kontaktperson", [["intent", "assign"], ["assessorId", ids.medarbetare!]]);
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.assessorId).toMatch(/kontaktperson, styrgruppsledamot eller administratör/);

    const queue = await call(queueLoader, getRequest("/bedomningar", cookies.styrgrupp!));
    expect(queue.status).toBe(200);
    expect(queue.data.rows.find((r: { ideaId: string }) => r.ideaId === ideaId)).toMatchObject({ status: "not_started", stage: "bedomning" });
    // Anyone signed in may open the queue: it shows only their own assignments.
    const mine = await call(queueLoader, getRequest("/bedomningar", cookies.medarbetare!));
    expect(mine.status).toBe(200);
    expect(mine.data.total).toBe(0);
  });

  it("combines two completed assessments into the hand-calculated score and spread", async () => {
    const done = await post("styrgrupp", scorecard("complete", 0, STYRGRUPP_SCORES, [["summary", "Bra men dyr."], ["privateNote", "Styrgruppens egen notering"]]));
    expect(done.status).toBe(302);
    const { data } = await page("admin");
    expect(data.result.assessorCount).toBe(2);
    expect(data.result.weightedScore).toBe(3.8);
    expect(data.result.spread).toEqual({ min: 3.6, max: 4, range: 0.4, standardDeviation: 0.2 });
    expect(Object.fromEntries(data.result.perAssessor.map((a: { assessorId: string; weightedScore: number }) => [a.assessorId, a.weightedScore])))
      .toEqual({ [ids.kontaktperson!]: 3.6, [ids.styrgrupp!]: 4 });
    // Nytta för invånarna: 4 and 5 → mean 4.5, range 4–5, sd 0.5.
    expect(data.result.criteria[0]).toEqual({ criterionId: criteria[0]!.id, count: 2, mean: 4.5, min: 4, max: 5, range: 1, standardDeviation: 0.5 });
    expect(await assessmentSummaryFor(db, ideaId)).toEqual({
      ideaId, assessorCount: 2, assignedCount: 1, weightedScore: 3.8, spread: { min: 3.6, max: 4, range: 0.4, standardDeviation: 0.2 },
    });
    expect((await gatherGateEvidence(db, ideaId)).completedAssessments).toBe(2);

    // Done: off the queue, into "recently completed".
    const queue = await call(queueLoader, getRequest("/bedomningar", cookies.styrgrupp!));
    expect(queue.data.rows.some((r: { ideaId: string }) => r.ideaId === ideaId)).toBe(false);
    expect(queue.data.recent[0]).toMatchObject({ ideaId, weightedScore: 4 });
  });

  it("never shows a private note to another assessor, the styrgrupp or an administrator", async () => {
    for (const who of ["styrgrupp", "admin"]) {
      const { status, data } = await page(who);
      expect(status).toBe(200);
      expect(JSON.stringify(data)).not.toContain("hemligt 7f3a");
      expect(data.completed.map((a: { summary: string }) => a.summary)).toContain("Tydlig nytta för hemtjänsten.");
    }
    const own = await page("kontaktperson");
    expect(own.data.mine.privateNote).toBe(PRIVATE_NOTE);
    expect(JSON.stringify(own.data)).not.toContain("Styrgruppens egen notering");
    // The per-criterion comment is shared; the note is not.
    expect(JSON.stringify((await page("styrgrupp")).data)).toContain("Brukarna märker det direkt.");
  });

  it("lets the assessor edit a completed assessment or reopen it as a draft while the idea is in bedömning", async () => {
    const before = (await assessmentOf("styrgrupp"))!;
    const edited = await post("styrgrupp", scorecard("complete", before.version, STYRGRUPP_SCORES, [["summary", "Bra, men dyr i drift."]]));
    expect(edited.location).toMatch(/bedomning-andrad$/);
    expect((await assessmentOf("styrgrupp"))!.completed_at).toEqual(before.completed_at);
    expect(await audits("assessment.updated")).toHaveLength(1);

    const reopened = await post("styrgrupp", scorecard("draft", before.version + 1, STYRGRUPP_SCORES));
    expect(reopened.location).toMatch(/bedomning-oppnad$/);
    expect((await assessmentOf("styrgrupp"))!.completed_at).toBeNull();
    expect(await audits("assessment.reopened")).toHaveLength(1);
    expect((await gatherGateEvidence(db, ideaId)).completedAssessments).toBe(1);
    expect((await call(queueLoader, getRequest("/bedomningar", cookies.styrgrupp!))).data.rows
      .find((r: { ideaId: string }) => r.ideaId === ideaId)).toMatchObject({ status: "draft" });

    expect((await post("styrgrupp", scorecard("complete", before.version + 2, STYRGRUPP_SCORES))).location).toMatch(/bedomning-klar$/);
    expect((await events("assessment_completed")).map((e) => e.actor_id)).toEqual([ids.kontaktperson, ids.styrgrupp, ids.styrgrupp]);

    // Unassigning keeps the person's assessment.
    expect((await post("kontaktperson", [["intent", "unassign"], ["assessorId", ids.styrgrupp!]])).location).toMatch(/bedomare-borttagen$/);
    expect(await audits("assessment.assessor_unassigned")).toHaveLength(1);
    expect((await assessmentSummaryFor(db, ideaId))).toMatchObject({ assessorCount: 2, assignedCount: 0 });
  });

  it("makes the assessments read-only once the idea has left bedömning", async () => {
    await db.updateTable("ideas").set({ stage: "prioritering" }).where("id", "=", ideaId).execute();
    try {
      const mine = (await assessmentOf("kontaktperson"))!;
      const refused = await post("kontaktperson", scorecard("complete", mine.version, [1, 1, 1, 1, 1, 1], [["summary", "För sent"]]));
      expect(refused.status).toBe(409);
      expect(refused.data.formError).toMatch(/inte längre i bedömning/);
      expect(refused.data.values.summary).toBe("För sent");
      expect((await assessmentOf("kontaktperson"))!.summary).toBe(mine.summary);
      expect((await post("kontaktperson", [["intent", "assign"], ["assessorId", ids.admin!]])).status).toBe(409);
      const { data } = await page("kontaktperson");
      expect(data.idea.editable).toBe(false);
      expect(data.people).toEqual([]);
    } finally {
      await db.updateTable("ideas").set({ stage: "bedomning" }).where("id", "=", ideaId).execute();
    }
  });
});

describe(`assessment criteria (admin) on ${testDatabaseKind()}`, () => {
  const risk = () => criteria.find((c) => c.code === "risk")!;
  const edit = (who: string, id: string, fields: [string, string][]) =>
    call(editCriterionAction, postRequest(`/admin/kriterier/${id}`, cookies[who]!, fields), { criterionId: id });
  const formOf = async (id: string, change: Record<string, string> = {}): Promise<[string, string][]> => {
    const c = await db.selectFrom("assessment_criteria").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    return Object.entries({
      intent: "update", version: String(c.version), name: c.name, nameEn: c.name_en ?? "", description: c.description,
      weight: String(c.weight), position: String(c.position),
      ...Object.fromEntries(c.guidance.map((g, i) => [`guidance${i + 1}`, g])), ...change,
    });
  };

  it("refuses everyone but administrators", async () => {
    for (const who of ["medarbetare", "kontaktperson", "styrgrupp"]) {
      expect((await call(criteriaLoader, getRequest("/admin/kriterier", cookies[who]!))).status).toBe(403);
      expect((await edit(who, risk().id, await formOf(risk().id, { weight: "90" }))).status).toBe(403);
    }
    expect((await db.selectFrom("assessment_criteria").select("weight").where("id", "=", risk().id).executeTakeFirstOrThrow()).weight).toBe(10);
    const list = await call(criteriaLoader, getRequest("/admin/kriterier", cookies.admin!));
    expect(list.data.criteria.find((c: { id: string }) => c.id === risk().id)).toMatchObject({ weight: 10, share: 10, active: true });
  });

  it("edits a criterion with an audit row, and answers a stale version with 409 keeping what was typed", async () => {
    const form = await formOf(risk().id, { weight: "20", guidance3: "Måttlig risk med en plan." });
    const saved = await edit("admin", risk().id, form);
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/admin/kriterier/${risk().id}?meddelande=kriterium-sparat`);
    const row = await db.selectFrom("assessment_criteria").selectAll().where("id", "=", risk().id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ weight: 20, version: 2 });
    expect(row.guidance[2]).toBe("Måttlig risk med en plan.");
    const [audit] = await audits("criterion.updated", risk().id);
    expect(audit).toMatchObject({ actor_id: ids.admin, entity_type: "assessment_criterion" });
    expect(audit!.details).toMatchObject({ before: { weight: 10 }, after: { weight: 20 } });

    const stale = await edit("admin", risk().id, form.map(([k, v]): [string, string] => [k, k === "weight" ? "30" : v]));
    expect(stale.status).toBe(409);
    expect(stale.data.values.weight).toBe("30");
    expect(stale.data.criterion.version).toBe(2);
    const bad = await edit("admin", risk().id, await formOf(risk().id, { weight: "101", guidance5: "  " }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.data.fieldErrors).sort()).toEqual(["guidance5", "weight"]);
    expect((await db.selectFrom("assessment_criteria").select("weight").where("id", "=", risk().id).executeTakeFirstOrThrow()).weight).toBe(20);

    // The live weights change the scores: kontaktperson (risk 3) (360 + 30) / 110 = 3.545… → 3.55.
    const { data } = await page("admin");
    expect(data.result.perAssessor.find((a: { assessorId: string }) => a.assessorId === ids.kontaktperson).weightedScore).toBe(3.55);
    expect((await call(editCriterionLoader, getRequest(`/admin/kriterier/${risk().id}`, cookies.admin!), { criterionId: risk().id })).status).toBe(200);
  });

  it("creates a criterion, and a deactivated criterion is neither required nor counted", async () => {
    const fields: [string, string][] = [
      ["intent", "create"], ["name", "Nytta för miljön"], ["nameEn", ""], ["description", "Minskar idén klimatpåverkan?"],
      ["weight", "10"], ["position", "6"],
      ...[1, 2, 3, 4, 5].map((n): [string, string] => [`guidance${n}`, `Steg ${n}`]),
    ];
    const created = await call(newCriterionAction, postRequest("/admin/kriterier/ny", cookies.admin!, fields));
    expect(created.status).toBe(302);
    const row = await db.selectFrom("assessment_criteria").selectAll().where("name", "=", "Nytta för miljön").executeTakeFirstOrThrow();
    expect(row).toMatchObject({ code: "nytta_for_miljon", weight: 10, active: true, guidance: ["Steg 1", "Steg 2", "Steg 3", "Steg 4", "Steg 5"] });
    expect(await audits("criterion.created", row.id)).toHaveLength(1);
    expect((await call(newCriterionAction, postRequest("/admin/kriterier/ny", cookies.styrgrupp!, fields))).status).toBe(403);

    // Now required: completing without it is refused…
    const mine = (await assessmentOf("kontaktperson"))!;
    const refused = await post("kontaktperson", scorecard("complete", mine.version, KONTAKT_SCORES));
    expect(refused.status).toBe(400);
    expect(Object.keys(refused.data.fieldErrors)).toEqual([`scores.${row.id}`]);
    // …until it is deactivated: then it is neither required nor counted.
    const off = await edit("admin", row.id, [["intent", "deactivate"]]);
    expect(off.location).toMatch(/kriterium-inaktiverat$/);
    expect(await audits("criterion.updated", row.id)).toHaveLength(1);
    const ok = await post("kontaktperson", scorecard("complete", mine.version, KONTAKT_SCORES, [[`scores.${row.id}`, "1"]]));
    expect(ok.status).toBe(302);
    expect(await db.selectFrom("assessment_scores").select("score").where("criterion_id", "=", row.id).execute()).toEqual([]);
  });

  it("keeps at least one criterion active", async () => {
    const active = await db.selectFrom("assessment_criteria").select("id").where("active", "=", true).orderBy("position").execute();
    for (const c of active.slice(1)) expect((await edit("admin", c.id, [["intent", "deactivate"]])).status).toBe(302);
    const last = await edit("admin", active[0]!.id, [["intent", "deactivate"]]);
    expect(last.status).toBe(400);
    expect(last.data.formError).toMatch(/Minst ett kriterium/);
    expect((await db.selectFrom("assessment_criteria").select("active").where("id", "=", active[0]!.id).executeTakeFirstOrThrow()).active).toBe(true);
  });
});
