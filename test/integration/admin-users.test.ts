import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { DEMO_PASSWORD, seedDemoData } from "../../db/seed/demo";
import { createSession, findSessionUser } from "../../app/models/session.server";
import { action as userAction, loader as userLoader } from "../../app/routes/admin.users.$userId";
import { loader as usersLoader } from "../../app/routes/admin.users._index";
import { signInWithPassword } from "../../app/services/sign-in.server";
import { call, getRequest, postRequest, TEST_IP } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

const timeouts = { idleMinutes: 480, absoluteHours: 168 };
let handle: DatabaseHandle;
let db: Kysely<Database>;
let adminCookie: string;
let adminId: string;

const idOf = async (email: string) =>
  (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
const unitIdOf = async (name: string, parentName?: string) => {
  let query = db.selectFrom("units").select("units.id").where("units.name", "=", name);
  if (parentName) {
    query = query.where("units.parent_id", "=", (eb) =>
      eb.selectFrom("units as p").select("p.id").where("p.name", "=", parentName));
  }
  return (await query.executeTakeFirstOrThrow()).id;
};
const rolesOf = async (userId: string) =>
  (await db.selectFrom("user_roles").select("role").where("user_id", "=", userId).orderBy("role").execute()).map((r) => r.role);
const auditRows = (action: string, entityId: string) =>
  db.selectFrom("audit_log").selectAll().where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();
const post = (userId: string, fields: [string, string][], cookie = adminCookie) =>
  call(userAction, postRequest(`/admin/users/${userId}`, cookie, fields), { userId });

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  adminCookie = await sessionCookieFor(db, "admin@idesluss.test");
  adminId = await idOf("admin@idesluss.test");
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`admin: users on ${testDatabaseKind()}`, () => {
  it("changes roles and writes the audit row with before and after", async () => {
    const sara = await idOf("medarbetare@idesluss.test");
    const result = await post(sara, [["intent", "access"], ["roles", "medarbetare"], ["roles", "styrgrupp"]]);
    expect(result.status).toBe(302);
    expect(result.location).toBe(`/admin/users/${sara}?meddelande=roller-sparade`);
    expect(await rolesOf(sara)).toEqual(["medarbetare", "styrgrupp"]);
    const [audit, ...more] = await auditRows("user.roles_changed", sara);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({
      actor_id: adminId, entity_type: "user", ip_address: TEST_IP,
      details: { before: ["medarbetare"], after: ["medarbetare", "styrgrupp"] },
    });
    // Saving the same again changes nothing and writes nothing.
    const again = await post(sara, [["intent", "access"], ["roles", "styrgrupp"], ["roles", "medarbetare"]]);
    expect(again.location).toContain("meddelande=ingen-andring");
    expect(await auditRows("user.roles_changed", sara)).toHaveLength(1);
  });

  it("requires at least one role, and scopes exactly when the role is kontaktperson", async () => {
    const fatima = await idOf("fatima.ali@idesluss.test");
    const ostermalm = await unitIdOf("Östermalms stadsdelsförvaltning");
    const none = await post(fatima, [["intent", "access"]]);
    expect(none.status).toBe(400);
    expect(none.data.fieldErrors.roles).toMatch(/minst en roll/);

    const noScope = await post(fatima, [["intent", "access"], ["roles", "medarbetare"], ["roles", "kontaktperson"]]);
    expect(noScope.status).toBe(400);
    expect(noScope.data.fieldErrors.scopeUnitIds).toMatch(/minst en enhet/);
    expect(noScope.data.values.roles).toEqual(["medarbetare", "kontaktperson"]);

    const scopeWithoutRole = await post(fatima, [["intent", "access"], ["roles", "medarbetare"], ["scopeUnitIds", ostermalm]]);
    expect(scopeWithoutRole.status).toBe(400);
    expect(scopeWithoutRole.data.fieldErrors.scopeUnitIds).toMatch(/bara rollen kontaktperson/);
    expect(await rolesOf(fatima)).toEqual(["medarbetare"]);

    const ok = await post(fatima, [["intent", "access"], ["roles", "medarbetare"], ["roles", "kontaktperson"], ["scopeUnitIds", ostermalm]]);
    expect(ok.status).toBe(302);
    expect(await rolesOf(fatima)).toEqual(["kontaktperson", "medarbetare"]);
    const scopes = await db.selectFrom("user_unit_scopes").select("unit_id").where("user_id", "=", fatima).execute();
    expect(scopes).toEqual([{ unit_id: ostermalm }]);
    const [scopeAudit] = await auditRows("user.scopes_changed", fatima);
    expect(scopeAudit?.details).toEqual({ before: [], after: [{ id: ostermalm, name: "Östermalms stadsdelsförvaltning" }] });
    expect(await auditRows("user.roles_changed", fatima)).toHaveLength(1);
  });

  it("refuses an unknown scope unit with a field error, not a 500", async () => {
    const lena = await idOf("lena.karlsson@idesluss.test");
    const result = await post(lena, [
      ["intent", "access"], ["roles", "kontaktperson"], ["scopeUnitIds", "00000000-0000-4000-8000-000000000000"],
    ]);
    expect(result.status).toBe(400);
    expect(result.data.fieldErrors.scopeUnitIds).toMatch(/finns inte längre/);
    expect(await rolesOf(lena)).toEqual(["medarbetare"]);
  });

  it("changes the home unit and audits it", async () => {
    const henrik = await idOf("henrik.dahl@idesluss.test");
    const target = await unitIdOf("Hemtjänsten Östermalm");
    const bad = await post(henrik, [["intent", "unit"], ["unitId", "inte-ett-id"]]);
    expect(bad.status).toBe(400);
    expect(bad.data.fieldErrors.unitId).toBeTruthy();
    const result = await post(henrik, [["intent", "unit"], ["unitId", target]]);
    expect(result.location).toContain("meddelande=hemenhet-sparad");
    const user = await db.selectFrom("users").select("unit_id").where("id", "=", henrik).executeTakeFirstOrThrow();
    expect(user.unit_id).toBe(target);
    const [audit] = await auditRows("user.unit_changed", henrik);
    expect(audit?.details).toMatchObject({ before: { name: "Enheten för ekonomiskt bistånd" }, after: { id: target } });
  });

  it("deactivation ends every session at once, and sign-in is refused until reactivated", async () => {
    const sara = await idOf("medarbetare@idesluss.test");
    const now = new Date();
    const tokens = await Promise.all([1, 2].map(() =>
      createSession(db, { userId: sara, now, timeouts, ipAddress: null, userAgent: null })));
    expect(await findSessionUser(db, tokens[0]!, now, timeouts)).not.toBeNull();

    const result = await post(sara, [["intent", "deactivate"]]);
    expect(result.location).toContain("meddelande=konto-inaktiverat");
    for (const token of tokens) expect(await findSessionUser(db, token, new Date(), timeouts)).toBeNull();
    expect(await db.selectFrom("sessions").select("id").where("user_id", "=", sara).execute()).toEqual([]);
    const user = await db.selectFrom("users").select(["active", "deactivated_at"]).where("id", "=", sara).executeTakeFirstOrThrow();
    expect(user.active).toBe(false);
    expect(user.deactivated_at).toBeInstanceOf(Date);
    expect(await auditRows("user.deactivated", sara)).toHaveLength(1);

    const signIn = () => signInWithPassword(db, {
      email: "medarbetare@idesluss.test", password: DEMO_PASSWORD, previousToken: null, now: new Date(),
      timeouts, ipAddress: null, userAgent: null,
    });
    expect(await signIn()).toEqual({ ok: false, reason: "deactivated" });

    const back = await post(sara, [["intent", "reactivate"]]);
    expect(back.location).toContain("meddelande=konto-ateraktiverat");
    expect(await auditRows("user.reactivated", sara)).toHaveLength(1);
    expect(await signIn()).toMatchObject({ ok: true });
  });

  it("an admin can neither deactivate themself nor drop their own administrator role", async () => {
    const self = await post(adminId, [["intent", "deactivate"]]);
    expect(self.status).toBe(400);
    expect(self.data.formError).toMatch(/inte inaktivera ditt eget konto/);
    const ownRole = await post(adminId, [["intent", "access"], ["roles", "medarbetare"]]);
    expect(ownRole.status).toBe(400);
    expect(ownRole.data.fieldErrors.roles).toMatch(/egen administratörsroll/);
    expect(await rolesOf(adminId)).toEqual(["administrator", "medarbetare"]);
    const admin = await db.selectFrom("users").select("active").where("id", "=", adminId).executeTakeFirstOrThrow();
    expect(admin.active).toBe(true);
    expect(await auditRows("user.deactivated", adminId)).toEqual([]);
    // Still signed in: the refused request ended nothing.
    expect((await call(userLoader, getRequest(`/admin/users/${adminId}`, adminCookie), { userId: adminId })).status).toBe(200);
  });

  it("the server refuses non-administrators whatever they post", async () => {
    const cookie = await sessionCookieFor(db, "styrgrupp@idesluss.test");
    const annika = await idOf("styrgrupp@idesluss.test");
    const result = await post(annika, [["intent", "access"], ["roles", "administrator"]], cookie);
    expect(result.status).toBe(403);
    expect(await rolesOf(annika)).toEqual(["medarbetare", "styrgrupp"]);
  });

  it("answers 404 for a malformed or unknown user id (never a database error)", async () => {
    for (const userId of ["inte-ett-id", "1' or '1'='1", "00000000-0000-4000-8000-000000000000"]) {
      const page = await call(userLoader, getRequest(`/admin/users/${encodeURIComponent(userId)}`, adminCookie), { userId });
      expect(page.status).toBe(404);
      const post404 = await post(userId, [["intent", "deactivate"]]);
      expect(post404.status).toBe(404);
    }
  });

  it("an unknown intent is a 400 with a Swedish message", async () => {
    const sara = await idOf("medarbetare@idesluss.test");
    const result = await post(sara, [["intent", "radera-allt"]]);
    expect(result.status).toBe(400);
    expect(result.data.formError).toMatch(/Okänd åtgärd/);
  });
});

describe(`admin: user search on ${testDatabaseKind()}`, () => {
  const search = (query: string) => call(usersLoader, getRequest(`/admin/users?${query}`, adminCookie));

  it("finds people by part of their name or e-mail, case-insensitively", async () => {
    const all = await db.selectFrom("users").select(["name", "email", "active"]).execute();
    const expected = all.filter((u) => u.active && (u.name.toLowerCase().includes("berg") || u.email.includes("berg")))
      .map((u) => u.name).sort();
    expect(expected.length).toBeGreaterThan(2);
    const result = await search("q=BERG");
    expect(result.status).toBe(200);
    expect(result.data.rows.map((r: { name: string }) => r.name).sort()).toEqual(expected);
    expect(result.data.total).toBe(expected.length);

    const byEmail = await search("q=akesson%40idesluss");
    expect(byEmail.data.rows.map((r: { name: string }) => r.name)).toEqual(["Daniel Åkesson"]);
  });

  it("matches % and _ literally", async () => {
    expect((await search("q=%25")).data.total).toBe(0);
    expect((await search("q=_")).data.total).toBe(0);
  });

  it("filters by role and status", async () => {
    const steering = await db.selectFrom("users").innerJoin("user_roles", "user_roles.user_id", "users.id")
      .select("users.name").where("user_roles.role", "=", "styrgrupp").execute();
    expect(steering.length).toBeGreaterThanOrEqual(3);
    const result = await search("roll=styrgrupp&status=alla");
    expect(result.data.rows.map((r: { name: string }) => r.name).sort()).toEqual(steering.map((u) => u.name).sort());
    expect(result.data.rows.map((r: { name: string }) => r.name)).toEqual(expect.arrayContaining(["Ahmed Hassan", "Annika Holmberg"]));
    expect(result.data.rows.every((r: { roles: string[] }) => r.roles.includes("styrgrupp"))).toBe(true);

    const patrik = await idOf("patrik.holm@idesluss.test");
    await post(patrik, [["intent", "deactivate"]]);
    const deactivated = await search("status=inaktiverade");
    expect(deactivated.data.rows.map((r: { name: string }) => r.name)).toEqual(["Patrik Holm"]);
    expect((await search("q=patrik")).data.total).toBe(0);
    expect((await search("q=patrik&status=alla")).data.total).toBe(1);
  });

  it("pages 25 at a time, in name order, without gaps or repeats", async () => {
    const total = Number((await db.selectFrom("users").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
    expect(total).toBeGreaterThan(25);
    const first = await search("status=alla");
    const second = await search("status=alla&sida=2");
    expect(first.data.rows).toHaveLength(25);
    expect(second.data.rows).toHaveLength(total - 25);
    expect(first.data.pageCount).toBe(2);
    const ids = [...first.data.rows, ...second.data.rows].map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(total);
    const beyond = await search("status=alla&sida=9");
    expect(beyond.data.rows).toEqual([]);
    expect(beyond.data.total).toBe(total);
    // A hand-edited page number is the first page, not an error.
    expect((await search("status=alla&sida=abc")).data.page).toBe(1);
  });

  it("answers 400 with a Swedish message for an impossible filter", async () => {
    const longText = await search(`q=${"a".repeat(201)}`);
    expect(longText.status).toBe(400);
    expect(longText.data.errors.q).toMatch(/högst 200 tecken/);
    const badRole = await search("roll=kung");
    expect(badRole.status).toBe(400);
    expect(badRole.data.errors.roll).toMatch(/Välj en roll/);
  });
});
