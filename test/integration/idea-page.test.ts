import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { countUnreadNotifications } from "../../app/models/notifications.server";
import { prefixQueryOf } from "../../app/models/idea-queries.server";
import { action as ideaAction, loader as ideaLoader } from "../../app/routes/ideas.$ideaId._index";
import { loader as ideasLoader } from "../../app/routes/ideas._index";
import { loader as mineLoader } from "../../app/routes/ideas.mine";
import { action as notificationsAction, loader as notificationsLoader } from "../../app/routes/notifications";
import { action as settingsAction } from "../../app/routes/installningar";
import { loader as outboxLoader } from "../../app/routes/admin.utkorg";
import { deliverPendingEmail, type MailTransport, queueDailyDigests } from "../../app/services/email-delivery.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};

const idOf = async (email: string) =>
  (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;

let nextNumber = 0;
async function insertIdea(values: { title: string; submitter: string; draft?: boolean; visibility?: "public" | "handlaggare_only" }) {
  const unit = await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow();
  const row = await db.insertInto("ideas").values({
    title: values.title, problem: "Ett problem", proposed_solution: "En lösning", submitter_id: values.submitter,
    unit_id: unit.id, stage_changed_at: new Date(), submitted_at: values.draft ? null : new Date(),
    name_visibility: values.visibility ?? "public",
    ...(values.draft ? {} : { reference_year: 2199, reference_number: ++nextNumber }),
  }).returning("id").executeTakeFirstOrThrow();
  return row.id;
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
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

const list = (query: string, who = "medarbetare") => call(ideasLoader, getRequest(`/ideas?${query}`, cookies[who]!));
const page = (id: string, who = "medarbetare") => call(ideaLoader, getRequest(`/ideas/${id}`, cookies[who]!), { ideaId: id });
const post = (id: string, who: string, fields: [string, string][]) =>
  call(ideaAction, postRequest(`/ideas/${id}`, cookies[who]!, fields), { ideaId: id });

describe(`all ideas, my ideas and the idea page on ${testDatabaseKind()}`, () => {
  it("cuts search words to prefixes", () => {
    expect(prefixQueryOf("Ansökan om bygglov")).toBe("ansö:* & bygg:*");
    expect(prefixQueryOf("ansökningar")).toBe("ansöknin:*");
    expect(prefixQueryOf("'); drop")).toBe("drop:*");
  });

  it("finds ansökningar when searching for ansökan, and filters and pages in the URL", async () => {
    const plural = await insertIdea({ title: "Färre pappersansökningar genom digitala ansökningar", submitter: ids.medarbetare! });
    const result = await list("q=ansökan");
    expect(result.status).toBe(200);
    const titles = result.data.rows.map((r: { title: string }) => r.title);
    expect(titles).toContain("Färre pappersansökningar genom digitala ansökningar");
    expect(titles.some((t: string) => /Ansökan/i.test(t))).toBe(true);
    const byId = await list(`q=ansökningar`);
    expect(byId.data.rows.some((r: { id: string }) => r.id === plural)).toBe(true);

    const inskickad = await list("steg=inskickad");
    expect(inskickad.data.rows.every((r: { stage: string }) => r.stage === "inskickad")).toBe(true);
    const all = await list("");
    expect(all.data.rows).toHaveLength(25);
    expect(all.data.pageCount).toBeGreaterThan(1);
    const second = await list("sida=2");
    expect(second.data.rows[0].id).not.toBe(all.data.rows[0].id);
    const unit = await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow();
    const byUnit = await list(`enhet=${unit.id}&sortering=mest_stod`);
    expect(byUnit.data.total).toBeGreaterThan(0);
    const counts = byUnit.data.rows.map((r: { supportCount: number }) => r.supportCount);
    expect(counts).toEqual([...counts].sort((a: number, b: number) => b - a));
    expect((await list("steg=nej")).status).toBe(400);
    // Drafts never show up.
    const draft = await insertIdea({ title: "Hemligt ansökningsutkast", submitter: ids.medarbetare!, draft: true });
    expect((await list("q=ansökningsutkast")).data.rows.some((r: { id: string }) => r.id === draft)).toBe(false);
  });

  it("lists my ideas with drafts, and answers 404 for another's draft and a malformed id", async () => {
    const draft = await insertIdea({ title: "Mitt utkast", submitter: ids.kontaktperson!, draft: true });
    const mine = await call(mineLoader, getRequest("/ideas/mine", cookies.kontaktperson!));
    expect(mine.data.ideas.find((i: { id: string }) => i.id === draft)).toMatchObject({ draft: true });
    expect((await page(draft, "kontaktperson")).status).toBe(200);
    expect((await page(draft, "medarbetare")).status).toBe(404);
    expect((await page("inte-ett-id")).status).toBe(404);
    expect((await page("00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect((await post(draft, "medarbetare", [["intent", "comment"], ["body", "Hej"]])).status).toBe(404);
  });

  it("hides a restricted submitter from another medarbetare but shows the kontaktperson", async () => {
    const other = await idOf("fatima.ali@idesluss.test").catch(() => ids.styrgrupp!);
    const idea = await insertIdea({ title: "Namnskyddad idé", submitter: other, visibility: "handlaggare_only" });
    expect((await page(idea, "medarbetare")).data.idea.submitterName).toBeNull();
    expect((await page(idea, "kontaktperson")).data.idea.submitterName).toEqual(expect.any(String));
  });

  it("adds and edits comments with history, notifies followers and queues e-mail by preference", async () => {
    const idea = await insertIdea({ title: "Idé att kommentera", submitter: ids.kontaktperson! });
    await db.insertInto("idea_followers").values([
      { idea_id: idea, user_id: ids.kontaktperson! }, { idea_id: idea, user_id: ids.styrgrupp! },
    ]).execute();
    expect((await call(settingsAction, postRequest("/installningar", cookies.styrgrupp!, [["notificationMode", "daily_digest"]]))).status).toBe(302);
    expect((await call(settingsAction, postRequest("/installningar", cookies.styrgrupp!, [["notificationMode", "nej"]]))).status).toBe(400);

    const empty = await post(idea, "medarbetare", [["intent", "comment"], ["body", "   "]]);
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors.body).toMatch(/Skriv en kommentar/);
    const tooLong = await post(idea, "medarbetare", [["intent", "comment"], ["body", "x".repeat(4001)]]);
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.values.body).toHaveLength(4001);

    const added = await post(idea, "medarbetare", [["intent", "comment"], ["body", "<b>Bra idé</b>"]]);
    expect(added.status).toBe(302);
    const comment = await db.selectFrom("comments").selectAll().where("idea_id", "=", idea).executeTakeFirstOrThrow();
    expect(comment.body).toBe("<b>Bra idé</b>");
    const notified = await db.selectFrom("notifications").select(["user_id", "emailed_at"]).where("idea_id", "=", idea).execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual([ids.kontaktperson!, ids.styrgrupp!].sort());
    const outbox = await db.selectFrom("email_outbox").select(["user_id", "id"]).where("subject", "like", "%Idé att kommentera%").execute();
    expect(outbox.map((o) => o.user_id)).toEqual([ids.kontaktperson!]);
    expect(await db.selectFrom("idea_followers").select("user_id").where("idea_id", "=", idea).where("user_id", "=", ids.medarbetare!).executeTakeFirst()).toBeDefined();
    expect(await db.selectFrom("idea_events").select("kind").where("idea_id", "=", idea).execute()).toEqual([{ kind: "commented" }]);

    const edited = await post(idea, "medarbetare", [["intent", "edit_comment"], ["commentId", comment.id], ["body", "Mycket bra idé"]]);
    expect(edited.status).toBe(302);
    const notMine = await post(idea, "kontaktperson", [["intent", "edit_comment"], ["commentId", comment.id], ["body", "Kapat"]]);
    expect(notMine.status).toBe(400);
    const view = await page(idea);
    expect(view.data.comments[0]).toMatchObject({ body: "Mycket bra idé", revisions: [{ body: "<b>Bra idé</b>" }] });
    expect(view.data.timeline.entries.map((e: { kind: string }) => e.kind)).toEqual(["comment_edited", "commented"]);

    // The digest user gets nothing until the digest is queued (next day), then one e-mail.
    const digestRows = () => db.selectFrom("email_outbox").selectAll().where("user_id", "=", ids.styrgrupp!).where("subject", "like", "%notis%").execute();
    expect(await digestRows()).toEqual([]);
    expect(await queueDailyDigests(db, new Date())).toBe(0);
    expect(await queueDailyDigests(db, new Date(Date.now() + 36 * 3600_000))).toBeGreaterThanOrEqual(1);
    const [digest] = await digestRows();
    expect(digest!.body).toContain(`/ideas/${idea}`);
    expect(await queueDailyDigests(db, new Date(Date.now() + 36 * 3600_000))).toBe(0);

    // Delivery with nodemailer's JSON transport marks the rows sent; a failing transport backs off.
    const failing: MailTransport = { sendMail: async () => { throw new Error("SMTP nere"); } };
    const now = new Date(Date.now() + 40 * 3600_000);
    const failed = await deliverPendingEmail(db, failing, now, 2);
    expect(failed.failed).toBe(2);
    const failedRow = await db.selectFrom("email_outbox").selectAll().where("last_error", "=", "SMTP nere").executeTakeFirstOrThrow();
    expect(failedRow).toMatchObject({ attempts: 1, sent_at: null });
    const transport = nodemailer.createTransport({ jsonTransport: true }) as unknown as MailTransport;
    const result = await deliverPendingEmail(db, transport, new Date(now.getTime() + 3600_000), 10_000);
    expect(result.sent).toBeGreaterThan(0);
    const pending = await db.selectFrom("email_outbox").select("id").where("sent_at", "is", null).execute();
    expect(pending).toEqual([]);
    const outboxPage = await call(outboxLoader, getRequest("/admin/utkorg", cookies.admin!));
    expect(outboxPage.data.rows[0].status).toBe("sent");
    expect((await call(outboxLoader, getRequest("/admin/utkorg", cookies.medarbetare!))).status).toBe(403);
  });

  it("follows and unfollows", async () => {
    const idea = await insertIdea({ title: "Idé att följa", submitter: ids.kontaktperson! });
    expect((await post(idea, "medarbetare", [["intent", "follow"]])).location).toBe(`/ideas/${idea}?meddelande=foljer`);
    expect((await page(idea)).data.following).toBe(true);
    await post(idea, "medarbetare", [["intent", "unfollow"]]);
    expect((await page(idea)).data.following).toBe(false);
    expect((await post(idea, "medarbetare", [["intent", "nej"]])).status).toBe(400);
  });

  it("lists notifications and marks them read", async () => {
    const unread = await countUnreadNotifications(db, ids.kontaktperson!);
    expect(unread).toBeGreaterThan(0);
    const listed = await call(notificationsLoader, getRequest("/notifications", cookies.kontaktperson!));
    expect(listed.data.unread).toBe(unread);
    const first = listed.data.rows.find((n: { read_at: unknown }) => n.read_at === null);
    const one = await call(notificationsAction, postRequest("/notifications", cookies.kontaktperson!, [["intent", "mark_read"], ["id", String(first.id)]]));
    expect(one.status).toBe(302);
    expect(await countUnreadNotifications(db, ids.kontaktperson!)).toBe(unread - 1);
    const foreign = await call(notificationsAction, postRequest("/notifications", cookies.medarbetare!, [["intent", "mark_read"], ["id", String(first.id)]]));
    expect(foreign.status).toBe(404);
    await call(notificationsAction, postRequest("/notifications", cookies.kontaktperson!, [["intent", "mark_all_read"]]));
    expect(await countUnreadNotifications(db, ids.kontaktperson!)).toBe(0);
  });

  it("saves the language chosen in Inställningar on the user, and refuses an unknown one", async () => {
    const locale = async () => (await db.selectFrom("users").select("locale").where("id", "=", ids.styrgrupp!).executeTakeFirstOrThrow()).locale;
    const save = (sprak: string) => call(settingsAction, postRequest("/installningar", cookies.styrgrupp!, [["notificationMode", "immediate"], ["sprak", sprak]]));
    const english = await save("en");
    expect(english.status).toBe(302);
    expect(english.location).toBe("/installningar?sparat=1");
    expect(await locale()).toBe("en");
    const refused = await save("fr");
    expect(refused.status).toBe(400);
    expect(refused.data.fieldErrors.sprak).toBe("Välj svenska eller engelska.");
    expect(await locale()).toBe("en");
    expect((await save("sv")).status).toBe(302);
    expect(await locale()).toBe("sv");
    // The cookie goes with the answer, so the pages stay in the language after signing out.
    const response = await settingsAction({ request: postRequest("/installningar", cookies.styrgrupp!, [["notificationMode", "immediate"], ["sprak", "en"]]), params: {}, context: {} } as never) as Response;
    expect(response.headers.get("Set-Cookie")).toMatch(/^idesluss_sprak=en;/);
    await save("sv");
  });
});
