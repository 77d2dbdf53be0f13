import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { gatherGateEvidence } from "../../app/models/gate-evidence.server";
import { unitSubtreeIds } from "../../app/models/unit-path.server";
import { loader as listLoader } from "../../app/routes/avsteg._index";
import { action as deviationAction, loader as deviationLoader } from "../../app/routes/ideas.$ideaId.avsteg";
import { action as screeningAction, loader as screeningLoader } from "../../app/routes/ideas.$ideaId.sakerhet";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
/** An Östermalm idea in bedömning, without a screening, submitted by neither Fatima nor a handler. */
let idea: { id: string; submitter_id: string };
let submitterCookie: string;

const PEOPLE: Record<string, string> = {
  medarbetare: "medarbetare@idesluss.test",
  kontaktperson: "kontaktperson@idesluss.test",
  styrgrupp: "styrgrupp@idesluss.test",
  admin: "admin@idesluss.test",
  fatima: "fatima.ali@idesluss.test", // medarbetare in Östermalm, neither submitter nor handler
  maria: "maria.fredriksson@idesluss.test", // a second styrgrupp member
};

const screening = (ideaId: string, fields: [string, string][], who = "kontaktperson") =>
  call(screeningAction, postRequest(`/ideas/${ideaId}/sakerhet`, cookies[who] ?? who, fields), { ideaId });
const deviation = (fields: [string, string][], who = "kontaktperson", ideaId = idea.id) =>
  call(deviationAction, postRequest(`/ideas/${ideaId}/avsteg`, cookies[who] ?? who, fields), { ideaId });
const list = (query = "", who = "kontaktperson") => call(listLoader, getRequest(`/avsteg${query}`, cookies[who]!));
const screeningRow = (ideaId: string) => db.selectFrom("security_screenings").selectAll().where("idea_id", "=", ideaId).executeTakeFirst();
const deviationRow = (id: string) => db.selectFrom("deviation_requests").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const audits = (action: string, entityId: string) =>
  db.selectFrom("audit_log").selectAll().where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();
const events = (ideaId: string, kind: string) =>
  db.selectFrom("idea_events").selectAll().where("idea_id", "=", ideaId).where("kind", "=", kind).orderBy("id").execute();
const notified = async (ideaId: string, kind: string, since: Date) =>
  (await db.selectFrom("notifications").select("user_id").where("idea_id", "=", ideaId).where("kind", "=", kind)
    .where("created_at", ">=", since).execute()).map((r) => r.user_id).sort();

const complete: [string, string][] = [
  ["confidentiality", "3"], ["integrity", "2"], ["availability", "2"], ["handlesPersonalData", "ja"],
  ["handlesSensitivePersonalData", "nej"], ["dpiaNeeded", "ja"], ["informationOwner", "Avdelningschef äldreomsorg"],
  ["notes", "Behörighetsstyrning via stadens IAM."],
];
const request = (standard: string, extra: [string, string][] = []): [string, string][] => [
  ["intent", "request"], ["standard", standard], ["description", "Tjänsten byggs utanför e-tjänsteplattformen."],
  ["justification", "Plattformen saknar stöd för mobilt BankID i dag."], ["validUntil", ""], ...extra,
];
/** Requests a deviation as the kontaktperson and returns its id. */
async function requested(standard: string): Promise<string> {
  const result = await deviation(request(standard));
  expect(result.status, JSON.stringify(result.data)).toBe(302);
  const row = await db.selectFrom("deviation_requests").select("id").where("idea_id", "=", idea.id).where("standard", "=", standard)
    .orderBy("requested_at", "desc").executeTakeFirstOrThrow();
  return row.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  for (const [who, email] of Object.entries(PEOPLE)) {
    cookies[who] = await sessionCookieFor(db, email);
    ids[who] = (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  }
  const ostermalm = (await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow()).id;
  const found = await db.selectFrom("ideas").select(["id", "submitter_id"])
    .where("unit_id", "in", await unitSubtreeIds(db, [ostermalm])).where("stage", "=", "bedomning")
    .where("submitted_at", "is not", null).where("merged_into_id", "is", null)
    .where("submitter_id", "not in", [ids.fatima!, ids.kontaktperson!, ids.styrgrupp!, ids.admin!])
    .orderBy("submitted_at").orderBy("id").executeTakeFirstOrThrow();
  idea = found;
  // Start from no screening, whatever the demo data holds.
  await db.deleteFrom("security_screenings").where("idea_id", "=", idea.id).execute();
  const submitter = await db.selectFrom("users").select("email").where("id", "=", idea.submitter_id).executeTakeFirstOrThrow();
  submitterCookie = await sessionCookieFor(db, submitter.email);
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`information-security screening on ${testDatabaseKind()}`, () => {
  it("shows handlers and the submitter the form prefilled from the submission; other staff get 403", async () => {
    const ideaRow = await db.selectFrom("ideas").select(["handles_personal_data", "information_owner"]).where("id", "=", idea.id).executeTakeFirstOrThrow();
    const loaded = await call(screeningLoader, getRequest(`/ideas/${idea.id}/sakerhet`, cookies.kontaktperson!), { ideaId: idea.id });
    expect(loaded.status).toBe(200);
    expect(loaded.data.editable).toBe(true);
    expect(loaded.data.saved).toBeUndefined();
    expect(loaded.data.defaults.version).toBe("0");
    expect(loaded.data.defaults.handlesPersonalData).toBe(ideaRow.handles_personal_data === null ? "" : ideaRow.handles_personal_data ? "ja" : "nej");
    expect(loaded.data.defaults.informationOwner).toBe(ideaRow.information_owner?.trim() ?? "");

    const bySubmitter = await call(screeningLoader, getRequest(`/ideas/${idea.id}/sakerhet`, submitterCookie), { ideaId: idea.id });
    expect(bySubmitter.status).toBe(200);
    expect(bySubmitter.data.editable).toBe(false);
    const byOther = await call(screeningLoader, getRequest(`/ideas/${idea.id}/sakerhet`, cookies.fatima!), { ideaId: idea.id });
    expect(byOther.status).toBe(403);
  });

  it("refuses editing by a medarbetare who does not handle the idea (403), the submitter included", async () => {
    const fields: [string, string][] = [["intent", "draft"], ["version", "0"], ...complete];
    expect((await screening(idea.id, fields, "fatima")).status).toBe(403);
    expect((await screening(idea.id, fields, submitterCookie)).status).toBe(403);
    expect(await screeningRow(idea.id)).toBeUndefined();
  });

  it("refuses to complete with answers missing: 400 naming the fields, nothing saved, what was typed kept", async () => {
    const result = await screening(idea.id, [["intent", "complete"], ["version", "0"], ["confidentiality", "2"], ["notes", "Utkast"]]);
    expect(result.status).toBe(400);
    expect(result.data.formError).toContain("Riktighet");
    expect(result.data.formError).toContain("Informationsägare");
    expect(result.data.formError).not.toContain("Konfidentialitet");
    expect(result.data.fieldErrors.integrity).toBe("Välj nivå för riktighet.");
    expect(result.data.fieldErrors.dpiaNeeded).toBeDefined();
    expect(result.data.fieldErrors.confidentiality).toBeUndefined();
    expect(result.data.values.notes).toBe("Utkast");
    expect(await screeningRow(idea.id)).toBeUndefined();
  });

  it("refuses contradicting answers: sensitive personal data needs personal data and a DPIA", async () => {
    const result = await screening(idea.id, [
      ["intent", "draft"], ["version", "0"], ["handlesPersonalData", "nej"], ["handlesSensitivePersonalData", "ja"], ["dpiaNeeded", "nej"],
    ]);
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.handlesSensitivePersonalData).toMatch(/också personuppgifter/);
    expect(result.data.fieldErrors.dpiaNeeded).toMatch(/konsekvensbedömning/);
    expect(await screeningRow(idea.id)).toBeUndefined();
  });

  it("saves drafts over the version opened; a stale version gets 409 with the fresh record and the typed values", async () => {
    const first = await screening(idea.id, [["intent", "draft"], ["version", "0"], ["confidentiality", "2"], ["informationOwner", "Enhetschef"]]);
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/ideas/${idea.id}/sakerhet?meddelande=utkast-sparat`);
    expect(await screeningRow(idea.id)).toMatchObject({ version: 1, confidentiality: 2, completed_at: null, updated_by: ids.kontaktperson });

    // Someone else who opened the empty form saves too: 409, nothing overwritten.
    const late = await screening(idea.id, [["intent", "draft"], ["version", "0"], ["confidentiality", "4"], ["notes", "Mitt utkast"]], "styrgrupp");
    expect(late.status).toBe(409);
    expect(late.data.conflict).toBe(true);
    expect(late.data.formError).toMatch(/har ändrats sedan du öppnade den/);
    expect(late.data.saved).toMatchObject({ version: 1, answers: { confidentiality: 2, informationOwner: "Enhetschef" } });
    expect(late.data.values).toMatchObject({ confidentiality: "4", notes: "Mitt utkast" });

    expect((await screening(idea.id, [["intent", "draft"], ["version", "1"], ["confidentiality", "3"]])).status).toBe(302);
    const stale = await screening(idea.id, [["intent", "draft"], ["version", "1"], ["confidentiality", "1"]], "admin");
    expect(stale.status).toBe(409);
    expect(stale.data.saved.version).toBe(2);
    expect(await screeningRow(idea.id)).toMatchObject({ version: 2, confidentiality: 3 });
  });

  it("completes: the pilot gate sees it, with an audit row and a timeline event", async () => {
    expect((await gatherGateEvidence(db, idea.id)).securityScreeningCompleted).toBe(false);
    const result = await screening(idea.id, [["intent", "complete"], ["version", "2"], ...complete]);
    expect(result.status, JSON.stringify(result.data)).toBe(302);
    expect(result.location).toBe(`/ideas/${idea.id}/sakerhet?meddelande=bedomning-klar`);
    expect((await gatherGateEvidence(db, idea.id)).securityScreeningCompleted).toBe(true);
    const row = await screeningRow(idea.id);
    expect(row).toMatchObject({
      version: 3, confidentiality: 3, integrity: 2, availability: 2, handles_personal_data: true,
      handles_sensitive_personal_data: false, dpia_needed: true, information_owner: "Avdelningschef äldreomsorg", completed_by: ids.kontaktperson,
    });
    expect(row!.completed_at).not.toBeNull();
    const audit = await audits("security_screening.completed", idea.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: ids.kontaktperson, entity_type: "idea" });
    expect(audit[0]!.details).toMatchObject({ protectionLevel: 3, confidentiality: 3, version: 3 });
    expect(await events(idea.id, "security_screened")).toHaveLength(1);

    const loaded = await call(screeningLoader, getRequest(`/ideas/${idea.id}/sakerhet`, submitterCookie), { ideaId: idea.id });
    expect(loaded.data.saved).toMatchObject({ version: 3, protectionLevel: 3 });
    expect(loaded.data.saved.completedAt).not.toBeNull();
  });

  it("reopens a completed screening when saved as a draft, audited, and the gate waits again", async () => {
    const result = await screening(idea.id, [["intent", "draft"], ["version", "3"], ...complete]);
    expect(result.location).toBe(`/ideas/${idea.id}/sakerhet?meddelande=bedomning-oppnad`);
    expect((await gatherGateEvidence(db, idea.id)).securityScreeningCompleted).toBe(false);
    expect(await audits("security_screening.reopened", idea.id)).toHaveLength(1);
    expect((await screening(idea.id, [["intent", "complete"], ["version", "4"], ...complete])).status).toBe(302);
    expect((await gatherGateEvidence(db, idea.id)).securityScreeningCompleted).toBe(true);
  });

  it("is read-only once the idea has gone on to pilot (409 on saving, nothing changes)", async () => {
    const pilot = await db.selectFrom("ideas").select("id").where("stage", "=", "pilot").where("merged_into_id", "is", null)
      .orderBy("id").executeTakeFirstOrThrow();
    const before = await screeningRow(pilot.id);
    const loaded = await call(screeningLoader, getRequest(`/ideas/${pilot.id}/sakerhet`, cookies.admin!), { ideaId: pilot.id });
    expect(loaded.data.editable).toBe(false);
    const result = await screening(pilot.id, [["intent", "draft"], ["version", String(before?.version ?? 0)], ["confidentiality", "1"]], "admin");
    expect(result.status).toBe(409);
    expect(result.data.formError).toMatch(/kan inte ändras längre/);
    expect(await screeningRow(pilot.id)).toEqual(before);
  });
});

describe(`deviation requests on ${testDatabaseKind()}`, () => {
  let approvedId: string;

  it("a request reaches every active styrgrupp member, with a timeline event and an audit row", async () => {
    const since = new Date(Date.now() - 1000);
    const id = await requested("Stadens gemensamma e-tjänsteplattform");
    expect(await deviationRow(id)).toMatchObject({ status: "requested", requested_by: ids.kontaktperson, valid_until: null, withdrawn_at: null });
    const steering = (await db.selectFrom("user_roles").innerJoin("users", "users.id", "user_roles.user_id").select("users.id")
      .where("role", "=", "styrgrupp").where("users.active", "=", true).execute()).map((r) => r.id).sort();
    expect(steering.length).toBeGreaterThanOrEqual(2);
    expect(await notified(idea.id, "deviation_requested", since)).toEqual(steering);
    expect((await audits("deviation.requested", idea.id)).at(-1)!.details).toMatchObject({ deviationId: id });
    expect((await events(idea.id, "deviation_requested")).at(-1)!.payload).toMatchObject({ deviationId: id });
    approvedId = id;
  });

  it("refuses a request valid until a day in the past, and one from a medarbetare (403)", async () => {
    const past = await deviation(request("Stadens molnstrategi", [["validUntil", "2020-01-01"]]).filter(([k, v]) => k !== "validUntil" || v !== ""));
    expect(past.status).toBe(400);
    expect(past.data.fieldErrors.validUntil).toMatch(/redan passerat/);
    expect(past.data.values.standard).toBe("Stadens molnstrategi");
    expect((await deviation(request("Stadens molnstrategi"), "fatima")).status).toBe(403);
    expect(await db.selectFrom("deviation_requests").select("id").where("standard", "=", "Stadens molnstrategi").execute()).toEqual([]);
  });

  it("refuses a decision without motivation (400) and a kontaktperson's decision (403)", async () => {
    const empty = await deviation([["intent", "decide"], ["deviationId", approvedId], ["decision", "approved"], ["motivation", "  "]], "styrgrupp");
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors.motivation).toBe("Skriv en motivering till beslutet.");
    const byContact = await deviation([["intent", "decide"], ["deviationId", approvedId], ["decision", "approved"], ["motivation", "Ok"]], "kontaktperson");
    expect(byContact.status).toBe(403);
    expect(await deviationRow(approvedId)).toMatchObject({ status: "requested", decided_by: null });
  });

  it("approves: final, audited, and the requester and the followers are told", async () => {
    await db.insertInto("idea_followers").values({ idea_id: idea.id, user_id: ids.fatima! }).onConflict((oc) => oc.doNothing()).execute();
    const since = new Date(Date.now() - 1000);
    const result = await deviation([["intent", "decide"], ["deviationId", approvedId], ["decision", "approved"], ["motivation", "Godkänt till och med nästa upphandling."]], "styrgrupp");
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/ideas/${idea.id}/avsteg?meddelande=avsteg-beslutat`);
    expect(await deviationRow(approvedId)).toMatchObject({
      status: "approved", decided_by: ids.styrgrupp, decision_motivation: "Godkänt till och med nästa upphandling.",
    });
    const audit = (await audits("deviation.decided", idea.id)).filter((a) => (a.details as { deviationId?: string }).deviationId === approvedId);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor_id: ids.styrgrupp });
    expect(audit[0]!.details).toMatchObject({ status: "approved", motivation: "Godkänt till och med nästa upphandling." });
    const told = await notified(idea.id, "deviation_decided", since);
    expect(told).toContain(ids.kontaktperson);
    expect(told).toContain(ids.fatima);
    expect(told).not.toContain(ids.styrgrupp);
    expect((await events(idea.id, "deviation_decided")).at(-1)!.payload).toMatchObject({ deviationId: approvedId, status: "approved" });
  });

  it("a second decision gets 409 naming the first; the first stands and the motivation typed is sent back", async () => {
    const second = await deviation([["intent", "decide"], ["deviationId", approvedId], ["decision", "rejected"], ["motivation", "Avslås."]], "maria");
    expect(second.status).toBe(409);
    expect(second.data.formError).toContain("Annika Holmberg");
    expect(second.data.formError).toContain("godkänt");
    expect(second.data.values.motivation).toBe("Avslås.");
    expect(second.data.deviations.find((d: { id: string }) => d.id === approvedId).status).toBe("approved");
    expect(await deviationRow(approvedId)).toMatchObject({ status: "approved", decided_by: ids.styrgrupp });
    // And the database never lets a decided request change.
    await expect(sql`update deviation_requests set status = 'rejected' where id = ${approvedId}`.execute(db)).rejects.toThrow(/already approved/);
  });

  it("two styrgrupp members deciding at the same moment: exactly one decision is recorded", async () => {
    const id = await requested("Gemensam inloggning (Stockholms stads IAM)");
    const decide = (who: string, decision: string) =>
      deviation([["intent", "decide"], ["deviationId", id], ["decision", decision], ["motivation", `Beslut av ${who}`]], who);
    const results = await Promise.all([decide("styrgrupp", "approved"), decide("maria", "rejected")]);
    expect(results.map((r) => r.status).sort()).toEqual([302, 409]);
    const winner = results[0]!.status === 302 ? "styrgrupp" : "maria";
    expect(await deviationRow(id)).toMatchObject({ decided_by: ids[winner], decision_motivation: `Beslut av ${winner}` });
    expect((await audits("deviation.decided", idea.id)).filter((a) => (a.details as { deviationId?: string }).deviationId === id)).toHaveLength(1);
  });

  it("only the requester or an administrator withdraws; a withdrawn request cannot be decided", async () => {
    const id = await requested("Tillgänglighetskrav (WCAG 2.1 AA)");
    expect((await deviation([["intent", "withdraw"], ["deviationId", id]], "styrgrupp")).status).toBe(403);
    const withdrawn = await deviation([["intent", "withdraw"], ["deviationId", id]], "kontaktperson");
    expect(withdrawn.location).toBe(`/ideas/${idea.id}/avsteg?meddelande=avsteg-aterkallat`);
    const row = await deviationRow(id);
    expect(row).toMatchObject({ status: "withdrawn", decided_by: null });
    expect(row.withdrawn_at).not.toBeNull();
    expect((await audits("deviation.withdrawn", idea.id)).at(-1)!.details).toMatchObject({ deviationId: id });
    const decided = await deviation([["intent", "decide"], ["deviationId", id], ["decision", "approved"], ["motivation", "Ok."]], "styrgrupp");
    expect(decided.status).toBe(409);
    expect(decided.data.formError).toMatch(/återkallats/);
    expect((await deviation([["intent", "withdraw"], ["deviationId", id]], "admin")).status).toBe(409);
    expect(await deviationRow(id)).toMatchObject({ status: "withdrawn", decided_by: null });
  });

  it("shows everyone who sees the idea its requests, open ones first", async () => {
    const open = await requested("Standard för öppna data");
    const page = await call(deviationLoader, getRequest(`/ideas/${idea.id}/avsteg`, cookies.fatima!), { ideaId: idea.id });
    expect(page.status).toBe(200);
    expect(page.data.canRequest).toBe(false);
    expect(page.data.canDecide).toBe(false);
    expect(page.data.deviations[0].id).toBe(open);
    expect(page.data.deviations.map((d: { status: string }) => d.status)).toEqual(expect.arrayContaining(["approved", "withdrawn", "requested"]));
  });

  it("lists deviations city-wide: status and unit filters, open first by default, 403 for a medarbetare", async () => {
    const all = await list();
    expect(all.status).toBe(200);
    const statuses = all.data.rows.map((r: { status: string }) => r.status);
    const firstSettled = statuses.findIndex((s: string) => s !== "requested");
    expect(statuses.slice(firstSettled).includes("requested")).toBe(false);
    const total = await db.selectFrom("deviation_requests").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(all.data.total).toBe(Number(total.n));

    const waiting = await list("?status=vantar");
    expect(waiting.data.rows.length).toBeGreaterThan(0);
    expect(waiting.data.rows.every((r: { status: string }) => r.status === "requested")).toBe(true);
    const approved = await list("?status=godkant");
    expect(approved.data.rows.every((r: { status: string }) => r.status === "approved")).toBe(true);
    expect(approved.data.rows.map((r: { id: string }) => r.id)).toContain(approvedId);

    const bromma = (await db.selectFrom("units").select("id").where("name", "=", "Bromma stadsdelsförvaltning").executeTakeFirstOrThrow()).id;
    const inBromma = await list(`?enhet=${bromma}`);
    expect(inBromma.data.rows.some((r: { ideaId: string }) => r.ideaId === idea.id)).toBe(false);
    const ostermalm = (await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow()).id;
    const inOstermalm = await list(`?enhet=${ostermalm}&status=aterkallat`);
    expect(inOstermalm.data.rows.length).toBeGreaterThan(0);
    expect(inOstermalm.data.rows.every((r: { ideaId: string; status: string }) => r.status === "withdrawn")).toBe(true);

    expect((await list("?status=kanske")).status).toBe(400);
    expect((await list("", "medarbetare")).status).toBe(403);
  });
});
