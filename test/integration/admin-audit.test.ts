import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { loader as auditLoader } from "../../app/routes/admin.audit";
import { loader as overviewLoader } from "../../app/routes/admin._index";
import { renameUnit } from "../../app/services/units.server";
import { call, getRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
let adminCookie: string;
let adminId: string;
let annikaId: string;

interface Row { id: number; action: string; actorId: string | null; createdAt: string; entityName: string | null }
const audit = (query: string) => call(auditLoader, getRequest(`/admin/audit?${query}`, adminCookie));
const ids = (rows: Row[]) => rows.map((row) => row.id);

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  adminCookie = await sessionCookieFor(db, "admin@idesluss.test");
  const idOf = async (email: string) =>
    (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  adminId = await idOf("admin@idesluss.test");
  annikaId = await idOf("styrgrupp@idesluss.test");

  // 120 rows of one action, many sharing a timestamp, so paging must break ties by id.
  const base = Date.parse("2025-06-01T10:00:00Z");
  await db.insertInto("audit_log").values(Array.from({ length: 120 }, (_, i) => ({
    actor_id: i % 2 ? adminId : annikaId, action: "test.paging", entity_type: "test", entity_id: String(i),
    details: JSON.stringify({ n: i }), created_at: new Date(base + Math.floor(i / 3) * 60_000),
  }))).execute();
  // Around midnight in Stockholm (CET, UTC+1, in March): 23:59:59 on 1 March and 00:30 on 2 March.
  await db.insertInto("audit_log").values([
    { actor_id: adminId, action: "test.midnight", entity_type: "test", entity_id: "1 mars", created_at: new Date("2026-03-01T22:59:59Z") },
    { actor_id: adminId, action: "test.midnight", entity_type: "test", entity_id: "2 mars", created_at: new Date("2026-03-01T23:30:00Z") },
  ]).execute();
  // And one with markup in its details, which must come back as plain data.
  await db.insertInto("audit_log").values({
    actor_id: adminId, action: "test.markup", entity_type: "test", entity_id: null,
    details: JSON.stringify({ name: "<script>alert(1)</script>" }),
  }).execute();
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`admin: audit log on ${testDatabaseKind()}`, () => {
  it("lists the newest first, 50 to a page", async () => {
    const result = await audit("");
    expect(result.status).toBe(200);
    const rows: Row[] = result.data.rows;
    expect(rows).toHaveLength(50);
    const times = rows.map((row) => Date.parse(row.createdAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(result.data.newerThan).toBeNull();
    expect(result.data.olderThan).toBe(rows.at(-1)!.id);
  });

  it("pages through one action with a keyset, both ways, without gaps or repeats", async () => {
    const expected = (await db.selectFrom("audit_log").select("id").where("action", "=", "test.paging")
      .orderBy("created_at", "desc").orderBy("id", "desc").execute()).map((row) => row.id);
    const page1 = await audit("handelse=test.paging");
    const page2 = await audit(`handelse=test.paging&efter=${page1.data.olderThan}`);
    const page3 = await audit(`handelse=test.paging&efter=${page2.data.olderThan}`);
    expect([...ids(page1.data.rows), ...ids(page2.data.rows), ...ids(page3.data.rows)]).toEqual(expected);
    expect(page3.data.rows).toHaveLength(20);
    expect(page3.data.olderThan).toBeNull();
    expect(page3.data.newerThan).toBe(page3.data.rows[0].id);
    const back = await audit(`handelse=test.paging&fore=${page3.data.newerThan}`);
    expect(ids(back.data.rows)).toEqual(ids(page2.data.rows));
    expect(back.data.newerThan).toBe(page2.data.rows[0].id);
    const first = await audit(`handelse=test.paging&fore=${back.data.newerThan}`);
    expect(ids(first.data.rows)).toEqual(ids(page1.data.rows));
    expect(first.data.newerThan).toBeNull();
  });

  it("filters by action, offering the actions present", async () => {
    const service = await db.selectFrom("units").select("id").where("name", "=", "Serviceförvaltningen").executeTakeFirstOrThrow();
    await renameUnit(db, { actorId: adminId, ipAddress: null, now: new Date() }, service.id, "Serviceförvaltningen i Stockholm");
    const result = await audit("handelse=unit.renamed");
    expect(result.data.rows).toHaveLength(1);
    expect(result.data.rows[0]).toMatchObject({ action: "unit.renamed", actorId: adminId, entityName: "Serviceförvaltningen i Stockholm" });
    expect(result.data.actions).toEqual(expect.arrayContaining(["gate_decision.recorded", "test.paging", "unit.renamed"]));
    expect([...result.data.actions].sort()).toEqual(result.data.actions);
  });

  it("filters by person: part of a name or e-mail, or a user id", async () => {
    const byName = await audit("person=HOLMBERG&handelse=test.paging");
    expect(byName.data.rows.length).toBe(50);
    expect(byName.data.rows.every((row: Row) => row.actorId === annikaId)).toBe(true);
    const byEmail = await audit("person=styrgrupp%40idesluss&handelse=test.paging");
    expect(ids(byEmail.data.rows)).toEqual(ids(byName.data.rows));
    const byId = await audit(`person=${annikaId}&handelse=test.paging`);
    expect(ids(byId.data.rows)).toEqual(ids(byName.data.rows));
    expect((await audit("person=ingen%20s%C3%A5dan%20person")).data.rows).toEqual([]);
    expect((await audit("person=%25")).data.rows).toEqual([]);
  });

  it("reads dates as whole days in Stockholm", async () => {
    const day = async (date: string) =>
      (await audit(`handelse=test.midnight&fran=${date}&till=${date}`)).data.rows.map((row: { entityId: string }) => row.entityId);
    expect(await day("2026-03-01")).toEqual(["1 mars"]);
    expect(await day("2026-03-02")).toEqual(["2 mars"]);
    expect(await day("2026-02-28")).toEqual([]);
    const both = await audit("handelse=test.midnight&fran=2026-03-01&till=2026-03-02");
    expect(both.data.rows.map((row: { entityId: string }) => row.entityId)).toEqual(["2 mars", "1 mars"]);
  });

  it("answers 400 with Swedish messages for impossible dates", async () => {
    const bad = await audit("fran=2026-02-30");
    expect(bad.status).toBe(400);
    expect(bad.data.errors.fran).toMatch(/giltigt datum/);
    const reversed = await audit("fran=2026-03-02&till=2026-03-01");
    expect(reversed.status).toBe(400);
    expect(reversed.data.errors.till).toMatch(/före startdatumet/);
    const badAction = await audit("handelse=DROP%20TABLE");
    expect(badAction.status).toBe(400);
  });

  it("hands details over as data, never as markup", async () => {
    const result = await audit("handelse=test.markup");
    expect(result.data.rows[0].details).toEqual({ name: "<script>alert(1)</script>" });
  });

  it("counts sign-ins of the last seven days on the overview", async () => {
    await db.insertInto("audit_log").values([
      { actor_id: annikaId, action: "auth.sign_in", entity_type: "user", entity_id: annikaId },
      { actor_id: annikaId, action: "auth.sign_in", entity_type: "user", entity_id: annikaId },
      { actor_id: adminId, action: "auth.sign_in", entity_type: "user", entity_id: adminId },
      { actor_id: adminId, action: "auth.sign_in", entity_type: "user", entity_id: adminId, created_at: new Date(Date.now() - 8 * 86_400_000) },
    ]).execute();
    const overview = await call(overviewLoader, getRequest("/admin", adminCookie));
    expect(overview.data.signIns).toEqual({ signIns: 3, people: 2 });
    const activeAdmins = await db.selectFrom("user_roles").innerJoin("users", "users.id", "user_roles.user_id")
      .select("users.id").where("role", "=", "administrator").where("users.active", "=", true).execute();
    expect(overview.data.byRole.administrator).toBe(activeAdmins.length);
    expect(overview.data.activeUnits).toBeGreaterThan(50);
  });
});
