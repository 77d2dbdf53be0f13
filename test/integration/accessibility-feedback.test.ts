import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action as adminAction, loader as adminLoader } from "~/routes/admin.tillganglighet";
import { action as reportAction, loader as statementLoader } from "~/routes/tillganglighet";
import { reportAccessibilityProblem } from "~/services/accessibility-feedback.server";
import { FEEDBACK_REPORTS_PER_IP } from "~/utils/feedback-rate-limit.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { openDemoDatabase } from "../support/demo-fixture";
import { testDatabaseKind } from "../support/test-database";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
let activeAdminIds: string[];
let inactiveAdminId: string;

beforeAll(async () => {
  demo = await openDemoDatabase();
  // A second active administrator and a deactivated one: every active one is told, the other is not.
  const [second, former] = await demo.db.insertInto("users").values([
    { email: "admin2@idesluss.test", name: "Andra Administratören" },
    { email: "f.d.admin@idesluss.test", name: "Före Detta", active: false, deactivated_at: new Date() },
  ]).returning("id").execute();
  await demo.db.insertInto("user_roles").values([
    { user_id: second!.id, role: "administrator" }, { user_id: former!.id, role: "administrator" },
  ]).execute();
  inactiveAdminId = former!.id;
  activeAdminIds = (await demo.db.selectFrom("user_roles").innerJoin("users", "users.id", "user_roles.user_id")
    .select("users.id").where("role", "=", "administrator").where("users.active", "=", true).execute()).map((r) => r.id);
});
afterAll(async () => { await demo?.close(); });

/** Posts the report form from a given client address (the rate limit counts per address). */
async function report(fields: Record<string, string>, options: { ip: string; cookie?: string | null }) {
  const request = postRequest("/tillganglighet", options.cookie ?? null, Object.entries(fields));
  const context: AppLoadContext = { clientIp: options.ip, cspNonce: "test" };
  let result: unknown;
  try {
    result = await reportAction({ request, params: {}, context });
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    result = thrown;
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), data: null, headers: result.headers };
  const wrapped = result as { data: any; init: ResponseInit | null };
  return { status: wrapped.init?.status ?? 200, location: null, data: wrapped.data, headers: new Headers(wrapped.init?.headers) };
}

const referenceOf = (location: string | null) => /skickat=(TG-\d{4}-\d{4,})/.exec(location ?? "")?.[1];
const feedbackRow = (reference: string) =>
  demo.db.selectFrom("accessibility_feedback").selectAll().where("reference", "=", reference).executeTakeFirstOrThrow();
const feedbackCount = async () =>
  Number((await demo.db.selectFrom("accessibility_feedback").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
const noticesFor = (reference: string) => demo.db.selectFrom("notifications").select(["user_id", "kind", "title", "body", "idea_id"])
  .where("kind", "=", "accessibility_feedback").where("title", "like", `%${reference}%`).execute();
const auditRows = (action: string, entityId: string) => demo.db.selectFrom("audit_log").selectAll()
  .where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();
const adminPost = (who: "admin" | "medarbetare" | null, fields: Record<string, string>, query = "") =>
  call(adminAction, postRequest(`/admin/tillganglighet${query}`, who ? demo.cookies[who] : null, Object.entries(fields)));

describe(`accessibility feedback on ${testDatabaseKind()}`, () => {
  it("stores an anonymous report with a reference and tells every active administrator, nobody else", async () => {
    const year = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Stockholm", year: "numeric" }).format(new Date()));
    const result = await report({
      description: "  Knappen Skicka går inte att nå med tangentbordet.  ", pageUrl: "/ideas/new", name: "Karin",
      email: "karin@example.se", wantsReply: "ja",
    }, { ip: "198.51.100.1" });
    expect(result.status).toBe(302);
    const reference = referenceOf(result.location)!;
    expect(reference).toMatch(new RegExp(`^TG-${year}-\\d{4,}$`));
    expect(result.location).toBe(`/tillganglighet?skickat=${reference}#rapportera`);
    const row = await feedbackRow(reference);
    expect(row).toMatchObject({
      description: "Knappen Skicka går inte att nå med tangentbordet.", page_url: "/ideas/new", contact_name: "Karin",
      contact_email: "karin@example.se", wants_reply: true, submitted_by: null, status: "ny", handled_at: null,
    });

    const notices = await noticesFor(reference);
    expect(activeAdminIds.length).toBeGreaterThanOrEqual(2);
    expect(notices.map((n) => n.user_id).sort()).toEqual([...activeAdminIds].sort());
    expect(notices.map((n) => n.user_id)).not.toContain(inactiveAdminId);
    expect(notices.map((n) => n.user_id)).not.toContain(demo.ids.medarbetare);
    expect(notices[0]).toMatchObject({ idea_id: null, title: `Ny rapport om tillgänglighet: ${reference}` });
    // The reporter's text stays in the product: notifications and e-mails carry only the reference.
    expect(notices[0]!.body).toContain(reference);
    expect(notices[0]!.body).not.toContain("Knappen Skicka");
    // Administrators who get e-mail at once have it queued, linking to the list.
    const mails = await demo.db.selectFrom("email_outbox").select(["user_id", "body"])
      .where("subject", "like", `%${reference}%`).execute();
    for (const mail of mails) {
      expect(activeAdminIds).toContain(mail.user_id);
      expect(mail.body).toContain("/admin/tillganglighet");
      expect(mail.body).not.toContain("Knappen Skicka");
    }

    const [audit] = await auditRows("accessibility_feedback.reported", row.id);
    expect(audit).toMatchObject({ actor_id: null, ip_address: "198.51.100.1", entity_type: "accessibility_feedback" });
    expect(audit!.details).toMatchObject({ reference, pageUrl: "/ideas/new" });
    expect(JSON.stringify(audit!.details)).not.toContain("karin@example.se");

    // The statement shows the confirmation for a well-formed reference only.
    const shown = await call(statementLoader, getRequest(`/tillganglighet?skickat=${reference}`, null));
    expect(shown.data).toMatchObject({ sentReference: reference, signedInAs: null });
    const forged = await call(statementLoader, getRequest("/tillganglighet?skickat=<b>hej</b>", null));
    expect(forged.data.sentReference).toBeNull();
  });

  it("records the signed-in reporter", async () => {
    const result = await report({ description: "Diagrammet saknar textalternativ.", pageUrl: "", name: "", email: "" },
      { ip: "198.51.100.2", cookie: demo.cookies.medarbetare });
    expect(result.status).toBe(302);
    const row = await feedbackRow(referenceOf(result.location)!);
    expect(row).toMatchObject({ submitted_by: demo.ids.medarbetare, wants_reply: false, contact_email: "", page_url: "" });
    const [audit] = await auditRows("accessibility_feedback.reported", row.id);
    expect(audit?.actor_id).toBe(demo.ids.medarbetare);
    expect((await noticesFor(row.reference)).length).toBe(activeAdminIds.length);
  });

  it("prefills the page from ?sida or a same-origin Referer", async () => {
    const given = await call(statementLoader, getRequest("/tillganglighet?sida=/portfolio", null));
    expect(given.data.pageUrl).toBe("/portfolio");
    const referred = await call(statementLoader, new Request("http://localhost/tillganglighet", { headers: { Referer: "http://localhost/ideas?q=cykel" } }));
    expect(referred.data.pageUrl).toBe("/ideas?q=cykel");
    const foreign = await call(statementLoader, new Request("http://localhost/tillganglighet", { headers: { Referer: "https://evil.example/x" } }));
    expect(foreign.data.pageUrl).toBe("");
    const signedIn = await call(statementLoader, getRequest("/tillganglighet", demo.cookies.medarbetare));
    expect(signedIn.data.signedInAs).toEqual(expect.any(String));
  });

  it("refuses invalid input with 400 and Swedish messages, keeping the text and storing nothing", async () => {
    const before = await feedbackCount();
    const noticesBefore = (await demo.db.selectFrom("notifications").select("id").where("kind", "=", "accessibility_feedback").execute()).length;
    const empty = await report({ description: "   ", pageUrl: "/x", name: "Nils", email: "", wantsReply: "ja" }, { ip: "198.51.100.3" });
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors.description).toBe("Beskriv problemet.");
    expect(empty.data.values).toMatchObject({ pageUrl: "/x", name: "Nils", wantsReply: "ja" });

    const noEmail = await report({ description: "Text", wantsReply: "ja", email: "" }, { ip: "198.51.100.3" });
    expect(noEmail.status).toBe(400);
    expect(noEmail.data.fieldErrors.email).toBe("Ange din e-postadress om du vill ha svar.");
    expect(noEmail.data.values.description).toBe("Text");

    const badEmail = await report({ description: "Text", email: "inte-en-adress" }, { ip: "198.51.100.3" });
    expect(badEmail.status).toBe(400);
    expect(badEmail.data.fieldErrors.email).toMatch(/^Ange en giltig e-postadress/);

    const tooLong = await report({ description: "x".repeat(5001), pageUrl: "p".repeat(501), name: "n".repeat(201) }, { ip: "198.51.100.3" });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.fieldErrors).toMatchObject({
      description: "Beskrivningen får vara högst 5 000 tecken.", pageUrl: "Sidans adress får vara högst 500 tecken.",
      name: "Namnet får vara högst 200 tecken.",
    });
    // A NUL character (PostgreSQL keeps none in text) is the sender's error: 400, not a database error.
    const nul = await report({ description: "före\u0000efter" }, { ip: "198.51.100.3" });
    expect(nul.status).toBe(400);
    expect(await feedbackCount()).toBe(before);
    const noticesAfter = (await demo.db.selectFrom("notifications").select("id").where("kind", "=", "accessibility_feedback").execute()).length;
    expect(noticesAfter).toBe(noticesBefore);
  });

  it("limits reports per address with 429 and a message; other addresses may still report", async () => {
    const before = await feedbackCount();
    for (let i = 0; i < FEEDBACK_REPORTS_PER_IP; i++) {
      expect((await report({ description: `Rapport ${i}` }, { ip: "198.51.100.4" })).status).toBe(302);
    }
    const refused = await report({ description: "En till" }, { ip: "198.51.100.4" });
    expect(refused.status).toBe(429);
    expect(refused.data.formError).toBe("Du har skickat många rapporter på kort tid. Vänta en stund och försök igen.");
    expect(refused.data.values.description).toBe("En till");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await feedbackCount()).toBe(before + FEEDBACK_REPORTS_PER_IP);
    expect((await report({ description: "Från en annan adress" }, { ip: "198.51.100.5" })).status).toBe(302);
  });

  it("takes the year of the reference from Stockholm's calendar", async () => {
    const { reference } = await reportAccessibilityProblem(demo.db, {
      report: { description: "Nyårsnatt", pageUrl: "", name: "", email: "", wantsReply: false },
      reporterId: null, ipAddress: null, now: new Date("2026-12-31T23:30:00Z"),
    });
    expect(reference).toMatch(/^TG-2027-\d{4,}$/);
  });

  it("lists reports for administrators, open first, filtered and paginated", async () => {
    const open = await call(adminLoader, getRequest("/admin/tillganglighet", demo.cookies.admin));
    expect(open.status).toBe(200);
    expect(open.data.total).toBe(await feedbackCount());
    expect(open.data.rows.length).toBeLessThanOrEqual(25);
    expect(open.data.rows.every((r: { status: string }) => r.status === "ny")).toBe(true);
    const anonymous = open.data.rows.find((r: { contactEmail: string }) => r.contactEmail === "karin@example.se");
    expect(anonymous).toMatchObject({ submittedByName: null, wantsReply: true, pageUrl: "/ideas/new" });
    const bad = await call(adminLoader, getRequest("/admin/tillganglighet?status=kanske", demo.cookies.admin));
    expect(bad.status).toBe(400);
    expect(bad.data.error).toBe("Välj ny, hanterad eller alla.");
  });

  it("marks a report handled with a note and an audit row; a second time is a 409", async () => {
    const target = await demo.db.selectFrom("accessibility_feedback").select(["id", "reference"]).where("status", "=", "ny")
      .orderBy("created_at").limit(1).executeTakeFirstOrThrow();
    const tooLong = await adminPost("admin", { intent: `handle-${target.id}`, id: target.id, note: "n".repeat(2001) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.data.fieldErrors.note).toBe("Anteckningen får vara högst 2 000 tecken.");

    const done = await adminPost("admin", { intent: `handle-${target.id}`, id: target.id, note: "Åtgärdat i version 1.4." }, "?status=alla");
    expect(done.status).toBe(302);
    expect(done.location).toBe("/admin/tillganglighet?status=alla&meddelande=rapport-hanterad");
    const row = await demo.db.selectFrom("accessibility_feedback").selectAll().where("id", "=", target.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "hanterad", handled_by: demo.ids.admin, handled_note: "Åtgärdat i version 1.4." });
    expect(row.handled_at).toBeInstanceOf(Date);
    const audits = await auditRows("accessibility_feedback.handled", target.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actor_id: demo.ids.admin, ip_address: "203.0.113.9" });
    expect(audits[0]!.details).toMatchObject({ reference: target.reference });

    const again = await adminPost("admin", { intent: `handle-${target.id}`, id: target.id, note: "" });
    expect(again.status).toBe(409);
    expect(again.data.formError).toBe("Rapporten är redan markerad som hanterad.");
    expect(await auditRows("accessibility_feedback.handled", target.id)).toHaveLength(1);
    const missing = await adminPost("admin", { intent: "handle-x", id: "00000000-0000-4000-8000-000000000000", note: "" });
    expect(missing.status).toBe(404);

    const handled = await call(adminLoader, getRequest("/admin/tillganglighet?status=hanterad", demo.cookies.admin));
    expect(handled.data.rows.map((r: { id: string }) => r.id)).toEqual([target.id]);
    expect(handled.data.rows[0]).toMatchObject({ handledNote: "Åtgärdat i version 1.4.", handledByName: expect.any(String) });
    const all = await call(adminLoader, getRequest("/admin/tillganglighet?status=alla", demo.cookies.admin));
    const statuses = all.data.rows.map((r: { status: string }) => r.status);
    expect(statuses.indexOf("hanterad")).toBeGreaterThan(statuses.lastIndexOf("ny"));
  });

  it("keeps the list and the closing to administrators", async () => {
    const target = await demo.db.selectFrom("accessibility_feedback").select("id").where("status", "=", "ny")
      .limit(1).executeTakeFirstOrThrow();
    expect((await call(adminLoader, getRequest("/admin/tillganglighet", demo.cookies.medarbetare))).status).toBe(403);
    expect((await call(adminLoader, getRequest("/admin/tillganglighet", demo.cookies.kontaktperson))).status).toBe(403);
    expect((await adminPost("medarbetare", { intent: "handle", id: target.id, note: "" })).status).toBe(403);
    expect((await adminPost(null, { intent: "handle", id: target.id, note: "" })).status).toBe(401);
    const row = await demo.db.selectFrom("accessibility_feedback").select("status").where("id", "=", target.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("ny");
  });
});
