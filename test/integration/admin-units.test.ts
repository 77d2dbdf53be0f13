import type { Kysely } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { isUnitNameConflict } from "../../app/models/units.server";
import { action as unitAction, loader as unitLoader } from "../../app/routes/admin.units.$unitId";
import { action as createAction, loader as treeLoader } from "../../app/routes/admin.units._index";
import { call, getRequest, postRequest, TEST_IP } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
let adminCookie: string;
let adminId: string;

/** A unit by name, under the named parent when the name is not unique. */
async function unit(name: string, parentName?: string) {
  let query = db.selectFrom("units").selectAll().where("units.name", "=", name);
  if (parentName) {
    query = query.where("units.parent_id", "=", (eb) => eb.selectFrom("units as p").select("p.id").where("p.name", "=", parentName));
  }
  return query.executeTakeFirstOrThrow();
}
const findUnitRow = (id: string) => db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
const auditRows = (action: string, entityId: string) =>
  db.selectFrom("audit_log").selectAll().where("action", "=", action).where("entity_id", "=", entityId).orderBy("id").execute();
const unitCount = async () => Number((await db.selectFrom("units").select((eb) => eb.fn.countAll().as("n")).executeTakeFirstOrThrow()).n);
const create = (fields: Record<string, string>) =>
  call(createAction, postRequest("/admin/units", adminCookie, [["intent", "create"], ...Object.entries(fields)]));
const post = (unitId: string, fields: [string, string][]) =>
  call(unitAction, postRequest(`/admin/units/${unitId}`, adminCookie, fields), { unitId });

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  adminCookie = await sessionCookieFor(db, "admin@idesluss.test");
  adminId = (await db.selectFrom("users").select("id").where("email", "=", "admin@idesluss.test").executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`admin: units on ${testDatabaseKind()}`, () => {
  it("creates a top-level unit and audits it", async () => {
    const result = await create({ name: "Stockholm Vatten och Avfall", kind: "bolag", parentId: "" });
    expect(result.status).toBe(302);
    const created = await unit("Stockholm Vatten och Avfall");
    expect(created).toMatchObject({ kind: "bolag", parent_id: null, active: true });
    expect(result.location).toBe(`/admin/units/${created.id}?meddelande=enhet-skapad`);
    const [audit] = await auditRows("unit.created", created.id);
    expect(audit).toMatchObject({ actor_id: adminId, ip_address: TEST_IP, entity_type: "unit" });
    expect(audit?.details).toMatchObject({ name: "Stockholm Vatten och Avfall", kind: "bolag", parent: null });
  });

  it("validates kind against parent in Swedish before the database would", async () => {
    const before = await unitCount();
    const orphan = await create({ name: "Ny avdelning", kind: "avdelning", parentId: "" });
    expect(orphan.status).toBe(400);
    expect(orphan.data.fieldErrors.parentId).toMatch(/måste ligga under/);
    const ostermalm = await unit("Östermalms stadsdelsförvaltning");
    const nested = await create({ name: "Nytt bolag", kind: "bolag", parentId: ostermalm.id });
    expect(nested.status).toBe(400);
    expect(nested.data.fieldErrors.parentId).toMatch(/högst upp/);
    const hemtjanst = await unit("Hemtjänsten Östermalm");
    const departmentUnderUnit = await create({ name: "Avdelning under enhet", kind: "avdelning", parentId: hemtjanst.id });
    expect(departmentUnderUnit.status).toBe(400);
    expect(departmentUnderUnit.data.fieldErrors.parentId).toMatch(/avdelning kan inte ligga under en enhet/);
    const empty = await create({});
    expect(empty.status).toBe(400);
    expect(empty.data.fieldErrors).toMatchObject({ name: expect.any(String), kind: expect.any(String) });
    expect(empty.data.values).toEqual({});
    expect(await unitCount()).toBe(before);
  });

  it("turns a duplicate name under the same parent into a field error (400), not a 500", async () => {
    const aldre = await unit("Avdelningen för äldreomsorg", "Östermalms stadsdelsförvaltning");
    const before = await unitCount();
    const duplicate = await create({ name: "  HEMTJÄNSTEN östermalm ", kind: "enhet", parentId: aldre.id });
    expect(duplicate.status).toBe(400);
    expect(duplicate.data.fieldErrors.name).toMatch(/finns redan en enhet med det namnet/);
    expect(duplicate.data.values.name).toBe("  HEMTJÄNSTEN östermalm ");
    expect(await unitCount()).toBe(before);
    // The same name under another parent is fine (every district has its Förskoleavdelningen).
    const farsta = await unit("Farsta stadsdelsförvaltning");
    expect((await create({ name: "Förskoleavdelningen", kind: "avdelning", parentId: farsta.id })).status).toBe(302);

    const boende = await unit("Vård- och omsorgsboenden Östermalm");
    const rename = await post(boende.id, [["intent", "rename"], ["name", "hemtjänsten östermalm"]]);
    expect(rename.status).toBe(400);
    expect(rename.data.fieldErrors.name).toMatch(/finns redan/);
    expect((await findUnitRow(boende.id))?.name).toBe("Vård- och omsorgsboenden Östermalm");
  });

  it("recognises the database's own unique-name violation (the race the pre-check cannot see)", async () => {
    const error = await db.insertInto("units")
      .values({ name: "stadsledningskontoret", kind: "fackforvaltning", parent_id: null, short_name: null })
      .execute().then(() => null, (e: unknown) => e);
    expect(isUnitNameConflict(error)).toBe(true);
    expect(isUnitNameConflict(new Error("something else"))).toBe(false);
  });

  it("renames and audits before and after", async () => {
    const lon = await unit("Avdelningen för löneservice");
    const result = await post(lon.id, [["intent", "rename"], ["name", "Löneserviceavdelningen"]]);
    expect(result.location).toBe(`/admin/units/${lon.id}?meddelande=enhet-omdopt`);
    expect((await findUnitRow(lon.id))?.name).toBe("Löneserviceavdelningen");
    const [audit] = await auditRows("unit.renamed", lon.id);
    expect(audit?.details).toEqual({ before: "Avdelningen för löneservice", after: "Löneserviceavdelningen" });
    const tooShort = await post(lon.id, [["intent", "rename"], ["name", " x "]]);
    expect(tooShort.status).toBe(400);
    expect(tooShort.data.fieldErrors.name).toMatch(/minst 2 tecken/);
  });

  it("never moves a unit under itself or its own descendant", async () => {
    const aldre = await unit("Avdelningen för äldreomsorg", "Östermalms stadsdelsförvaltning");
    const hemtjanst = await unit("Hemtjänsten Östermalm");
    const underChild = await post(aldre.id, [["intent", "move"], ["parentId", hemtjanst.id]]);
    expect(underChild.status).toBe(400);
    expect(underChild.data.fieldErrors.parentId).toMatch(/sina egna underenheter/);
    const underSelf = await post(aldre.id, [["intent", "move"], ["parentId", aldre.id]]);
    expect(underSelf.status).toBe(400);
    expect(underSelf.data.fieldErrors.parentId).toMatch(/sig själv/);
    expect((await findUnitRow(aldre.id))?.parent_id).toBe(aldre.parent_id);
    expect(await auditRows("unit.moved", aldre.id)).toEqual([]);

    // Deeper: an enhet under an enhet under an enhet, and the top one moved to the bottom.
    await create({ name: "Hemtjänstgrupp Norr", kind: "enhet", parentId: hemtjanst.id });
    const norr = await unit("Hemtjänstgrupp Norr");
    await create({ name: "Nattpatrullen", kind: "enhet", parentId: norr.id });
    const natt = await unit("Nattpatrullen");
    const loop = await post(hemtjanst.id, [["intent", "move"], ["parentId", natt.id]]);
    expect(loop.status).toBe(400);
    expect(loop.data.fieldErrors.parentId).toMatch(/sina egna underenheter/);
    expect((await findUnitRow(hemtjanst.id))?.parent_id).toBe(aldre.id);
  });

  it("moves an enhet to another parent, refuses to move a förvaltning, and audits the move", async () => {
    const ostermalm = await unit("Östermalms stadsdelsförvaltning");
    const bromma = await unit("Bromma stadsdelsförvaltning");
    const topLevel = await post(ostermalm.id, [["intent", "move"], ["parentId", bromma.id]]);
    expect(topLevel.status).toBe(400);
    expect(topLevel.data.fieldErrors.parentId).toMatch(/kan inte flyttas/);

    const ekbistand = await unit("Enheten för ekonomiskt bistånd");
    const aldre = await unit("Avdelningen för äldreomsorg", "Östermalms stadsdelsförvaltning");
    const result = await post(ekbistand.id, [["intent", "move"], ["parentId", aldre.id]]);
    expect(result.location).toContain("meddelande=enhet-flyttad");
    expect((await findUnitRow(ekbistand.id))?.parent_id).toBe(aldre.id);
    const [audit] = await auditRows("unit.moved", ekbistand.id);
    expect(audit?.details).toMatchObject({
      before: { name: "Avdelningen för individ- och familjeomsorg" }, after: { id: aldre.id },
    });
  });

  it("never deletes a unit that has ideas: explains why and keeps it", async () => {
    const withIdeas = await db.selectFrom("units").innerJoin("ideas", "ideas.unit_id", "units.id")
      .select(["units.id", "units.name"]).groupBy(["units.id", "units.name"]).executeTakeFirstOrThrow();
    const result = await post(withIdeas.id, [["intent", "delete"]]);
    expect(result.status).toBe(400);
    expect(result.data.formError).toMatch(/kan inte tas bort eftersom den har \d+ idé/);
    expect(result.data.formError).toMatch(/Inaktivera den i stället/);
    expect(await findUnitRow(withIdeas.id)).toBeDefined();
    expect(await auditRows("unit.deleted", withIdeas.id)).toEqual([]);

    const withChildren = await unit("Socialförvaltningen");
    const parentResult = await post(withChildren.id, [["intent", "delete"]]);
    expect(parentResult.status).toBe(400);
    expect(parentResult.data.formError).toMatch(/underenhet/);
    expect(await findUnitRow(withChildren.id)).toBeDefined();
  });

  it("deletes a unit nothing refers to, and audits it", async () => {
    const idrott = await unit("Idrottsförvaltningen");
    await create({ name: "Enheten för badhus", kind: "avdelning", parentId: idrott.id });
    const badhus = await unit("Enheten för badhus");
    const result = await post(badhus.id, [["intent", "delete"]]);
    expect(result.location).toBe("/admin/units?meddelande=enhet-borttagen");
    expect(await findUnitRow(badhus.id)).toBeUndefined();
    const [audit] = await auditRows("unit.deleted", badhus.id);
    expect(audit?.details).toMatchObject({ name: "Enheten för badhus", kind: "avdelning", parentId: idrott.id });
  });

  it("deactivates a branch at once; a sub-unit comes back only under an active parent", async () => {
    const ifo = await unit("Avdelningen för individ- och familjeomsorg", "Södermalms stadsdelsförvaltning");
    const enhet = await create({ name: "Enheten för barn och unga", kind: "enhet", parentId: ifo.id });
    expect(enhet.status).toBe(302);
    const child = await unit("Enheten för barn och unga");

    const off = await post(ifo.id, [["intent", "deactivate"]]);
    expect(off.location).toContain("meddelande=enhet-inaktiverad");
    expect((await findUnitRow(ifo.id))?.active).toBe(false);
    expect((await findUnitRow(child.id))?.active).toBe(false);
    expect(await auditRows("unit.deactivated", ifo.id)).toHaveLength(1);
    expect((await auditRows("unit.deactivated", child.id))[0]?.details).toMatchObject({ via: { id: ifo.id } });

    const childFirst = await post(child.id, [["intent", "reactivate"]]);
    expect(childFirst.status).toBe(400);
    expect(childFirst.data.formError).toMatch(/Återaktivera först/);

    expect((await post(ifo.id, [["intent", "reactivate"]])).location).toContain("meddelande=enhet-ateraktiverad");
    expect((await findUnitRow(ifo.id))?.active).toBe(true);
    expect((await findUnitRow(child.id))?.active).toBe(false);
    expect((await post(child.id, [["intent", "reactivate"]])).location).toContain("meddelande=enhet-ateraktiverad");
  });

  it("shows the tree with idea and user counts, deactivated units only on request", async () => {
    const service = await unit("Serviceförvaltningen");
    await post(service.id, [["intent", "deactivate"]]);
    const active = await call(treeLoader, getRequest("/admin/units", adminCookie));
    const all = await call(treeLoader, getRequest("/admin/units?visa=alla", adminCookie));
    const ids = (result: typeof active) => result.data.units.map((u: { id: string }) => u.id);
    expect(ids(active)).not.toContain(service.id);
    expect(ids(all)).toContain(service.id);
    expect(all.data.units).toHaveLength(await unitCount());

    const ostermalm = await unit("Östermalms stadsdelsförvaltning");
    const ideas = await db.selectFrom("ideas").select("id").where("unit_id", "=", ostermalm.id).execute();
    const users = await db.selectFrom("users").select("id").where("unit_id", "=", ostermalm.id).execute();
    expect(active.data.units.find((u: { id: string }) => u.id === ostermalm.id))
      .toMatchObject({ ideaCount: ideas.length, userCount: users.length });
  });

  it("answers 404 for a malformed or unknown unit id", async () => {
    for (const unitId of ["inte-ett-id", "123", "00000000-0000-4000-8000-000000000000"]) {
      expect((await call(unitLoader, getRequest(`/admin/units/${unitId}`, adminCookie), { unitId })).status).toBe(404);
      expect((await post(unitId, [["intent", "rename"], ["name", "Ett namn"]])).status).toBe(404);
    }
  });
});
