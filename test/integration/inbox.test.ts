import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { unitSubtreeIds } from "../../app/models/unit-path.server";
import { listInbox } from "../../app/models/inbox.server";
import { INBOX_AGES } from "../../app/domain/inbox";
import { inboxFilterSchema } from "../../app/schemas/inbox";
import { action as settingsAction, loader as settingsLoader } from "../../app/routes/admin.installningar";
import { action as manageAction, loader as manageLoader } from "../../app/routes/ideas.$ideaId.hantera";
import { loader as inboxLoader } from "../../app/routes/inbox";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
let ostermalmUnits: string[];
let brommaUnits: string[];

const idOf = async (email: string) =>
  (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const unitOf = async (name: string) => (await db.selectFrom("units").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
const ideaRow = (id: string) => db.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const inbox = (query = "", who = "kontaktperson") => call(inboxLoader, getRequest(`/inbox${query}`, cookies[who]!));
const manage = (ideaId: string, fields: [string, string][], who = "kontaktperson") =>
  call(manageAction, postRequest(`/ideas/${ideaId}/hantera`, cookies[who]!, fields), { ideaId });
const events = (ideaId: string, kind: string) =>
  db.selectFrom("idea_events").selectAll().where("idea_id", "=", ideaId).where("kind", "=", kind).orderBy("id").execute();
const notifications = (ideaId: string, kind: string) =>
  db.selectFrom("notifications").select(["user_id", "title", "body"]).where("idea_id", "=", ideaId).where("kind", "=", kind).execute();
const audits = (action: string, entityId: string) =>
  db.selectFrom("audit_log").selectAll().where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();
const supporters = async (ideaId: string) =>
  (await db.selectFrom("supports").select("user_id").where("idea_id", "=", ideaId).execute()).map((r) => r.user_id).sort();
const followers = async (ideaId: string) =>
  (await db.selectFrom("idea_followers").select("user_id").where("idea_id", "=", ideaId).execute()).map((r) => r.user_id).sort();

/** Submitted, unmerged Östermalm ideas in a stage whose submitter is not the kontaktperson. */
async function ostermalmIdeas(stage: "inskickad" | "bedomning") {
  return db.selectFrom("ideas").selectAll()
    .where("unit_id", "in", ostermalmUnits).where("stage", "=", stage).where("submitted_at", "is not", null)
    .where("merged_into_id", "is", null).where("submitter_id", "<>", ids.kontaktperson!).orderBy("submitted_at").execute();
}

async function allInboxRows(query: string) {
  const rows: { id: string; unitName: string; stage: string; overdue: boolean; daysInStage: number }[] = [];
  for (let page = 1; ; page++) {
    const result = await inbox(`?${query}${query ? "&" : ""}sida=${page}`);
    expect(result.status).toBe(200);
    rows.push(...result.data.rows);
    if (page >= result.data.pageCount) return rows;
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  for (const who of ["medarbetare", "kontaktperson", "styrgrupp", "admin"]) {
    cookies[who] = await sessionCookieFor(db, `${who}@idesluss.test`);
    ids[who] = await idOf(`${who}@idesluss.test`);
  }
  ostermalmUnits = await unitSubtreeIds(db, [await unitOf("Östermalms stadsdelsförvaltning")]);
  brommaUnits = await unitSubtreeIds(db, [await unitOf("Bromma stadsdelsförvaltning")]);
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`inbox on ${testDatabaseKind()}`, () => {
  it("shows the kontaktperson the ideas of Östermalm and its sub-units, and none of Bromma", async () => {
    const rows = await allInboxRows("");
    const expected = await db.selectFrom("ideas").select("id").where("unit_id", "in", ostermalmUnits)
      .where("submitted_at", "is not", null).where("merged_into_id", "is", null).execute();
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    const units = await db.selectFrom("ideas").select(["id", "unit_id"]).where("id", "in", rows.map((r) => r.id)).execute();
    expect(units.some((u) => u.unit_id !== ostermalmUnits[0] && ostermalmUnits.includes(u.unit_id))).toBe(true);
    expect(units.filter((u) => brommaUnits.includes(u.unit_id))).toEqual([]);
    expect(rows.length).toBeGreaterThan(3);

    const inskickad = await inbox("?steg=inskickad");
    expect(inskickad.data.rows.length).toBeGreaterThan(0);
    expect(inskickad.data.rows.every((r: { stage: string }) => r.stage === "inskickad")).toBe(true);
    expect(inskickad.data.total).toBe(inskickad.data.stageCounts.inskickad);
    expect((await inbox("?steg=nagot")).status).toBe(400);
  });

  it("shows nothing, without an error, for a scope whose units no longer exist (counts cached or not)", async () => {
    const gone = "7a1d1a53-9c7e-4b1e-8f0e-000000000000";
    for (const alder of [undefined, INBOX_AGES[0]]) {
      const page = await listInbox(db, {
        scopeUnitIds: [gone], filter: inboxFilterSchema.parse({ alder }),
        userId: ids.kontaktperson!, now: new Date(), pageSize: 25,
      });
      expect(page).toEqual({ rows: [], total: 0, stageCounts: {} });
    }
  });

  it("lets an administrator pick any unit with ?enhet, but not a kontaktperson outside their scope", async () => {
    const bromma = await unitOf("Bromma stadsdelsförvaltning");
    const adminView = await inbox(`?enhet=${bromma}`, "admin");
    expect(adminView.status).toBe(200);
    expect(adminView.data.scopeName).toBe("Bromma stadsdelsförvaltning");
    const units = await db.selectFrom("ideas").select("unit_id").where("id", "in", adminView.data.rows.map((r: { id: string }) => r.id)).execute();
    expect(units.every((u) => brommaUnits.includes(u.unit_id))).toBe(true);
    expect((await inbox(`?enhet=${bromma}`)).status).toBe(403);
  });

  it("refuses a medarbetare at /inbox and at the manage page", async () => {
    const [idea] = await ostermalmIdeas("inskickad");
    expect((await inbox("", "medarbetare")).status).toBe(403);
    expect((await call(manageLoader, getRequest(`/ideas/${idea!.id}/hantera`, cookies.medarbetare!), { ideaId: idea!.id })).status).toBe(403);
    const result = await manage(idea!.id, [["intent", "take"], ["version", String(idea!.version)]], "medarbetare");
    expect(result.status).toBe(403);
    expect((await ideaRow(idea!.id)).owner_id).toBe(idea!.owner_id);
    expect((await call(manageLoader, getRequest("/ideas/inte-ett-id/hantera", cookies.kontaktperson!), { ideaId: "inte-ett-id" })).status).toBe(404);
  });

  it("takes ownership and reassigns with a message: events, followers, notifications and audit", async () => {
    // The demo routes every Östermalm idea to the kontaktperson; make one arrive without an owner.
    const idea = { ...(await ostermalmIdeas("inskickad"))[0]!, owner_id: null };
    await db.updateTable("ideas").set({ owner_id: null }).where("id", "=", idea.id).execute();
    const taken = await manage(idea.id, [["intent", "take"], ["version", String(idea.version)], ["redirectTo", "/inbox?steg=inskickad"]]);
    expect(taken.status).toBe(302);
    expect(taken.location).toBe("/inbox?steg=inskickad&meddelande=arende-taget");
    let row = await ideaRow(idea.id);
    expect(row.owner_id).toBe(ids.kontaktperson);
    expect(row.version).toBe(idea.version + 1);
    expect((await events(idea.id, "owner_changed")).at(-1)?.payload).toEqual({ from: idea.owner_id, to: ids.kontaktperson, message: null });
    expect(await followers(idea.id)).toContain(ids.kontaktperson);
    expect((await notifications(idea.id, "owner_assigned")).map((n) => n.user_id)).toEqual([idea.submitter_id]);
    expect(await audits("idea.owner_changed", idea.id)).toHaveLength(1);

    // Reassigning needs a message and a person who may own ideas; nothing typed is lost.
    const noMessage = await manage(idea.id, [["intent", "reassign"], ["version", String(row.version)], ["ownerId", ids.styrgrupp!], ["message", "  "]]);
    expect(noMessage.status).toBe(400);
    expect(noMessage.data.fieldErrors.message).toMatch(/Skriv ett meddelande/);
    expect(noMessage.data.values.ownerId).toBe(ids.styrgrupp);
    const toMedarbetare = await manage(idea.id, [["intent", "reassign"], ["version", String(row.version)], ["ownerId", ids.medarbetare!], ["message", "Hej"]]);
    expect(toMedarbetare.status).toBe(400);
    expect(toMedarbetare.data.fieldErrors.ownerId).toMatch(/kan inte vara ansvarig/);

    const message = "Det här rör hela staden – styrgruppen bör titta på det.";
    const reassigned = await manage(idea.id, [["intent", "reassign"], ["version", String(row.version)], ["ownerId", ids.styrgrupp!], ["message", message]]);
    expect(reassigned.status).toBe(302);
    row = await ideaRow(idea.id);
    expect(row.owner_id).toBe(ids.styrgrupp);
    expect((await events(idea.id, "owner_changed")).at(-1)?.payload).toEqual({ from: ids.kontaktperson, to: ids.styrgrupp, message });
    expect(await followers(idea.id)).toContain(ids.styrgrupp);
    const sent = await notifications(idea.id, "owner_assigned");
    expect(sent.filter((n) => n.user_id === ids.styrgrupp)[0]?.body).toContain(message);
    expect(sent.filter((n) => n.user_id === idea.submitter_id)).toHaveLength(2);
    const [, audit] = await audits("idea.owner_changed", idea.id);
    expect(audit).toMatchObject({ actor_id: ids.kontaktperson, details: { from: ids.kontaktperson, to: ids.styrgrupp, message } });
  });

  it("answers a stale version with 409, the fresh state and what was typed, and changes nothing", async () => {
    const idea = (await ostermalmIdeas("bedomning"))[0]!;
    const before = await events(idea.id, "owner_changed");
    const message = "Jag lämnar över – se kommentarerna.";
    const stale = await manage(idea.id, [["intent", "reassign"], ["version", String(idea.version - 1 || 999)], ["ownerId", ids.admin!], ["message", message]]);
    expect(stale.status).toBe(409);
    expect(stale.data.formError).toMatch(/Idén har ändrats sedan du öppnade den/);
    expect(stale.data.values.message).toBe(message);
    expect(stale.data.idea.version).toBe(idea.version);
    const staleTake = await manage(idea.id, [["intent", "take"], ["version", String(idea.version + 5)]], "admin");
    expect(staleTake.status).toBe(409);
    const after = await ideaRow(idea.id);
    expect({ owner: after.owner_id, version: after.version }).toEqual({ owner: idea.owner_id, version: idea.version });
    expect(await events(idea.id, "owner_changed")).toEqual(before);
  });

  it("merges a duplicate: supports and followers move, both submitters are told, the idea leaves the inbox", async () => {
    const [source, target] = (await ostermalmIdeas("inskickad")).filter((i) => i.owner_id === null || i.owner_id === ids.kontaktperson).slice(-2);
    expect(source && target).toBeTruthy();
    const both = await idOf("fatima.ali@idesluss.test");
    const onlySource = await idOf("henrik.dahl@idesluss.test");
    for (const [ideaId, userId] of [[source!.id, both], [target!.id, both], [source!.id, onlySource]] as const) {
      await db.insertInto("supports").values({ idea_id: ideaId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
      await db.insertInto("idea_followers").values({ idea_id: ideaId, user_id: userId }).onConflict((oc) => oc.doNothing()).execute();
    }
    const expectedSupporters = [...new Set([...(await supporters(source!.id)), ...(await supporters(target!.id))])].sort();
    const expectedFollowers = [...new Set([...(await followers(source!.id)), ...(await followers(target!.id))])].sort();
    const fields = (reference: string, version = source!.version): [string, string][] =>
      [["intent", "merge"], ["version", String(version)], ["targetReference", reference], ["motivation", "Samma förslag om samma sak."]];

    const self = await manage(source!.id, fields(source!.reference!));
    expect(self.status).toBe(400);
    expect(self.data.fieldErrors.targetReference).toMatch(/annan idé än den här/);
    const missing = await manage(source!.id, fields("IDE-2099-9999"));
    expect(missing.data.fieldErrors.targetReference).toMatch(/ingen inskickad idé/);
    const noMotivation = await manage(source!.id, [["intent", "merge"], ["version", String(source!.version)], ["targetReference", target!.reference!], ["motivation", ""]]);
    expect(noMotivation.data.fieldErrors.motivation).toMatch(/Motivera/);

    const merged = await manage(source!.id, fields(target!.reference!.toLowerCase()));
    expect(merged.status).toBe(302);
    expect((await ideaRow(source!.id)).merged_into_id).toBe(target!.id);
    expect(await supporters(source!.id)).toEqual([]);
    expect(await supporters(target!.id)).toEqual(expectedSupporters);
    expect((await supporters(target!.id)).filter((u) => u === both)).toHaveLength(1);
    expect(await followers(source!.id)).toEqual([]);
    expect(await followers(target!.id)).toEqual(expectedFollowers);
    expect(await events(source!.id, "merged_into")).toHaveLength(1);
    expect((await events(target!.id, "merged_from"))[0]?.payload).toMatchObject({ from: source!.id, fromReference: source!.reference });
    expect((await notifications(source!.id, "merged")).map((n) => n.user_id)).toEqual([source!.submitter_id]);
    expect((await notifications(target!.id, "merged")).map((n) => n.user_id)).toEqual([target!.submitter_id]);
    const [audit] = await audits("idea.merged", source!.id);
    expect(audit?.details).toMatchObject({ into: { id: target!.id, reference: target!.reference }, motivation: "Samma förslag om samma sak." });
    expect((await allInboxRows("")).map((r) => r.id)).not.toContain(source!.id);

    // Not back again, and not a second time.
    const back = await manage(target!.id, fields(source!.reference!, (await ideaRow(target!.id)).version));
    expect(back.status).toBe(400);
    expect(back.data.fieldErrors.targetReference).toMatch(/redan sammanslagen med den här idén/);
    const again = await manage(source!.id, fields(target!.reference!, (await ideaRow(source!.id)).version));
    expect(again.status).toBe(409);
  });

  it("refuses to merge an idea that has passed bedömning: it leaves the pipeline only by a gate decision", async () => {
    const [prioritised] = await db.selectFrom("ideas").selectAll()
      .where("unit_id", "in", ostermalmUnits).where("stage", "=", "prioritering").where("merged_into_id", "is", null)
      .orderBy("submitted_at").limit(1).execute();
    const [target] = await ostermalmIdeas("inskickad");
    expect(prioritised && target).toBeTruthy();
    const refused = await manage(prioritised!.id, [["intent", "merge"], ["version", String(prioritised!.version)],
      ["targetReference", target!.reference!], ["motivation", "Dubblett."]], "admin");
    expect(refused.status).toBe(409);
    expect(refused.data.formError).toMatch(/kan inte slås ihop/);
    expect((await ideaRow(prioritised!.id)).merged_into_id).toBeNull();
  });

  it("flags overdue ideas by the setting, which administrators change with Swedish validation", async () => {
    const setDays = (value: string, who = "admin") =>
      call(settingsAction, postRequest("/admin/installningar", cookies[who]!, [["overdueDays", value]]));
    expect((await setDays("5", "kontaktperson")).status).toBe(403);
    for (const [value, message] of [["0", /minst 1/], ["366", /högst 365/], ["tre", /heltal/], ["", /Ange antal dagar/]] as const) {
      const refused = await setDays(value);
      expect(refused.status).toBe(400);
      expect(refused.data.fieldErrors.overdueDays).toMatch(message);
      expect(refused.data.values.overdueDays).toBe(value);
    }
    expect((await setDays("365")).location).toBe("/admin/installningar?meddelande=installningar-sparade");
    let rows = await allInboxRows("steg=inskickad");
    expect(rows.some((r) => r.overdue)).toBe(false);

    expect((await setDays("1")).status).toBe(302);
    expect((await call(settingsLoader, getRequest("/admin/installningar", cookies.admin!))).data.overdueDays).toBe(1);
    rows = await allInboxRows("steg=inskickad");
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.overdue).toBe(row.daysInStage > 1);
    expect(rows.some((r) => r.overdue)).toBe(true);
    expect((await allInboxRows("steg=bedomning")).some((r) => r.overdue)).toBe(false);
    expect((await setDays("1")).location).toContain("meddelande=ingen-andring");
    const changes = await db.selectFrom("audit_log").select("details").where("action", "=", "settings.changed").orderBy("id").execute();
    expect(changes.map((c) => c.details)).toEqual([
      { key: "inbox_overdue_days", before: 14, after: 365 },
      { key: "inbox_overdue_days", before: 365, after: 1 },
    ]);
  });
});
