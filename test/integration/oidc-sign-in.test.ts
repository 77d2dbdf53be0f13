import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { seedDemoData } from "../../db/seed/demo";
import { createSession, hashToken } from "../../app/models/session.server";
import { findSelectableUnitByClaim, groupUnits, listSelectableUnits } from "../../app/models/selectable-unit.server";
import { chooseOwnUnit } from "../../app/services/choose-unit.server";
import { signInWithOidc } from "../../app/services/oidc-sign-in.server";
import type { OidcIdentity } from "../../app/utils/oidc.server";
import { getCookies } from "../../app/utils/session-cookie.server";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

const ISSUER = "https://login.example.test/tenant/v2.0";
const timeouts = { idleMinutes: 480, absoluteHours: 168 };

let handle: DatabaseHandle;
let ostermalmId: string;

beforeAll(async () => {
  // Only what the callback needs to answer without a provider (no cookie: it never reaches discovery).
  process.env.OIDC_ISSUER = ISSUER;
  process.env.OIDC_CLIENT_ID = "idesluss";
  process.env.OIDC_REDIRECT_URI = "http://localhost/auth/oidc/callback";
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  ostermalmId = (await handle.db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

function identity(overrides: Partial<OidcIdentity> & { email: string }): OidcIdentity & { email: string } {
  return { subject: `${ISSUER}|${overrides.email}`, emailVerified: null, name: "Testperson", unit: null, ...overrides };
}

function signIn(id: OidcIdentity & { email: string }, previousToken: string | null = null) {
  return signInWithOidc(handle.db, {
    identity: id, previousToken, now: new Date(), timeouts, ipAddress: "127.0.0.1", userAgent: "vitest",
  });
}

async function auditFor(userId: string) {
  return handle.db.selectFrom("audit_log").select(["action", "details"]).where("entity_id", "=", userId).orderBy("id").execute();
}

describe(`OIDC sign-in on ${testDatabaseKind()}`, () => {
  it("provisions a new person as medarbetare with the unit the claim names, and ends the old session", async () => {
    const demo = await handle.db.selectFrom("users").select("id").where("email", "=", "styrgrupp@idesluss.test").executeTakeFirstOrThrow();
    const planted = await createSession(handle.db, { userId: demo.id, now: new Date(), timeouts, ipAddress: null, userAgent: null });
    const result = await signIn(identity({ email: "Ny.Person@stockholm.test", name: "Ny Person", unit: "östermalms STADSDELSFÖRVALTNING" }), planted);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.hasUnit).toBe(true);
    const user = await handle.db.selectFrom("users").selectAll().where("id", "=", result.userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ name: "Ny Person", email: "Ny.Person@stockholm.test", unit_id: ostermalmId, password_hash: null });
    expect(user.oidc_subject).toBe(`${ISSUER}|Ny.Person@stockholm.test`);
    const roles = await handle.db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
    expect(roles.map((r) => r.role)).toEqual(["medarbetare"]);
    expect((await auditFor(user.id)).map((a) => a.action)).toEqual(["user.provisioned", "auth.sign_in"]);
    expect((await auditFor(user.id))[1]!.details).toEqual({ method: "oidc" });
    // No session fixation: the planted session is gone, the new one exists.
    expect(await handle.db.selectFrom("sessions").select("id").where("id", "=", hashToken(planted)).executeTakeFirst()).toBeUndefined();
    expect(await handle.db.selectFrom("sessions").select("user_id").where("id", "=", hashToken(result.token)).executeTakeFirst())
      .toEqual({ user_id: user.id });

    // The second time the subject finds the same person; nothing is provisioned again.
    const again = await signIn(identity({ email: "ny.person@stockholm.test", subject: user.oidc_subject!, name: "Annat Namn" }));
    expect(again).toMatchObject({ ok: true, userId: user.id, hasUnit: true });
    expect((await auditFor(user.id)).filter((a) => a.action === "user.provisioned")).toHaveLength(1);
  });

  it("links an existing account by e-mail (any case) and keeps its unit", async () => {
    const before = await handle.db.selectFrom("users").select(["id", "unit_id"]).where("email", "=", "medarbetare@idesluss.test").executeTakeFirstOrThrow();
    const result = await signIn(identity({ email: "MEDARBETARE@idesluss.test", unit: "Bromma stadsdelsförvaltning" }));
    expect(result).toMatchObject({ ok: true, userId: before.id, hasUnit: true });
    const after = await handle.db.selectFrom("users").select(["unit_id", "oidc_subject"]).where("id", "=", before.id).executeTakeFirstOrThrow();
    expect(after).toEqual({ unit_id: before.unit_id, oidc_subject: `${ISSUER}|MEDARBETARE@idesluss.test` });
    expect((await auditFor(before.id)).map((a) => a.action)).toEqual(["user.oidc_linked", "auth.sign_in"]);
  });

  it("never takes over an account already tied to another subject, nor links an unverified address", async () => {
    const kontakt = await handle.db.selectFrom("users").select("id").where("email", "=", "kontaktperson@idesluss.test").executeTakeFirstOrThrow();
    expect(await signIn(identity({ email: "kontaktperson@idesluss.test", emailVerified: false })))
      .toEqual({ ok: false, reason: "email_unverified" });
    await handle.db.updateTable("users").set({ oidc_subject: `${ISSUER}|someone-else` }).where("id", "=", kontakt.id).execute();
    expect(await signIn(identity({ email: "kontaktperson@idesluss.test" }))).toEqual({ ok: false, reason: "subject_mismatch" });
    const audit = await auditFor(kontakt.id);
    expect(audit.map((a) => a.action)).toEqual(["auth.sign_in_failed", "auth.sign_in_failed"]);
    expect(audit[1]!.details).toMatchObject({ method: "oidc", reason: "subject_mismatch" });
  });

  it("refuses a deactivated person, found by subject or by e-mail, without a session", async () => {
    const styrgrupp = await handle.db.selectFrom("users").select("id").where("email", "=", "styrgrupp@idesluss.test").executeTakeFirstOrThrow();
    await handle.db.updateTable("users").set({ active: false, deactivated_at: new Date() }).where("id", "=", styrgrupp.id).execute();
    const sessionsBefore = await handle.db.selectFrom("sessions").select("id").where("user_id", "=", styrgrupp.id).execute();
    expect(await signIn(identity({ email: "styrgrupp@idesluss.test" }))).toEqual({ ok: false, reason: "deactivated" });
    await handle.db.updateTable("users").set({ oidc_subject: `${ISSUER}|sg` }).where("id", "=", styrgrupp.id).execute();
    expect(await signIn(identity({ email: "other@stockholm.test", subject: `${ISSUER}|sg` }))).toEqual({ ok: false, reason: "deactivated" });
    const audit = await auditFor(styrgrupp.id);
    expect(audit.map((a) => a.action)).toEqual(["auth.sign_in_refused", "auth.sign_in_refused"]);
    expect(audit[0]!.details).toEqual({ method: "oidc", reason: "deactivated" });
    expect(await handle.db.selectFrom("sessions").select("id").where("user_id", "=", styrgrupp.id).execute()).toEqual(sessionsBefore);
  });

  it("matches the unit claim by id or by an unambiguous name, never an inactive or ambiguous one", async () => {
    expect((await findSelectableUnitByClaim(handle.db, ostermalmId))?.name).toBe("Östermalms stadsdelsförvaltning");
    expect(await findSelectableUnitByClaim(handle.db, "Förskoleavdelningen")).toBeNull(); // in several förvaltningar
    expect((await findSelectableUnitByClaim(handle.db, "hemtjänsten östermalm"))?.topName).toBe("Östermalms stadsdelsförvaltning");
    expect(await findSelectableUnitByClaim(handle.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await handle.db.updateTable("units").set({ active: false }).where("name", "=", "Stadsarkivet").execute();
    expect(await findSelectableUnitByClaim(handle.db, "Stadsarkivet")).toBeNull();
    // …nor anything below an inactive förvaltning.
    expect(await findSelectableUnitByClaim(handle.db, "Avdelningen för e-arkiv och digital informationsförvaltning")).toBeNull();

    const result = await signIn(identity({ email: "utan.enhet@stockholm.test", unit: "Förskoleavdelningen" }));
    expect(result).toMatchObject({ ok: true, hasUnit: false });
  });

  it("groups the selectable units per förvaltning, the förvaltning first", async () => {
    const groups = groupUnits(await listSelectableUnits(handle.db));
    const ostermalm = groups.find((g) => g.name === "Östermalms stadsdelsförvaltning")!;
    expect(ostermalm.units[0]).toEqual({ id: ostermalmId, label: "Östermalms stadsdelsförvaltning" });
    expect(ostermalm.units.map((u) => u.label)).toContain("Avdelningen för äldreomsorg › Hemtjänsten Östermalm");
    expect(groups.some((g) => g.name === "Stadsarkivet")).toBe(false);
  });
});

describe(`choosing one's unit on ${testDatabaseKind()}`, () => {
  async function cookieFor(email: string) {
    const user = await handle.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    const token = await createSession(handle.db, { userId: user.id, now: new Date(), timeouts, ipAddress: null, userAgent: null });
    return { userId: user.id, cookie: (await getCookies().session.serialize(token)).split(";")[0]! };
  }

  async function post(cookie: string, fields: Record<string, string>) {
    const { action } = await import("../../app/routes/valj-enhet");
    const request = new Request("http://localhost/valj-enhet", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields),
    });
    try {
      return await action({ request, params: {}, context: { clientIp: null, cspNonce: "test" } });
    } catch (thrown) {
      return thrown;
    }
  }

  it("refuses an unknown or inactive unit with a Swedish field error, then saves a valid one once", async () => {
    const { userId, cookie } = await cookieFor("utan.enhet@stockholm.test");
    const stadsarkivet = await handle.db.selectFrom("units").select("id").where("name", "=", "Stadsarkivet").executeTakeFirstOrThrow();
    for (const unitId of ["", "inte-ett-id", "00000000-0000-4000-8000-000000000000", stadsarkivet.id]) {
      const answer = (await post(cookie, { unitId, redirectTo: "/tillganglighet" })) as { data: unknown; init: { status: number } };
      expect(answer.init.status).toBe(400);
      expect((answer.data as { fieldErrors: { unitId: string } }).fieldErrors.unitId).toMatch(/^Välj/);
    }
    const saved = (await post(cookie, { unitId: ostermalmId, redirectTo: "/tillganglighet" })) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/tillganglighet");
    const user = await handle.db.selectFrom("users").select("unit_id").where("id", "=", userId).executeTakeFirstOrThrow();
    expect(user.unit_id).toBe(ostermalmId);
    expect((await auditFor(userId)).filter((a) => a.action === "user.unit_chosen").map((a) => a.details))
      .toEqual([{ unitId: ostermalmId, source: "user" }]);
    // Chosen once: the service refuses a second choice, the route just sends the person on.
    expect(await chooseOwnUnit(handle.db, { userId, unitId: ostermalmId, ipAddress: null })).toEqual({ ok: false, reason: "already_chosen" });
  });
});

describe("the OIDC callback without a sign-in in progress", () => {
  it("answers 400 with the Swedish failure page data and audits the failure", async () => {
    const { loader } = await import("../../app/routes/auth.oidc.callback");
    const request = new Request("http://localhost/auth/oidc/callback?code=abc&state=forged");
    const answer = (await loader({ request, params: {}, context: { clientIp: "10.0.0.1", cspNonce: "test" } })) as {
      data: { reason: string }; init: { status: number; headers: Headers };
    };
    expect(answer.init.status).toBe(400);
    expect(answer.data.reason).toBe("missing_state");
    expect(new Headers(answer.init.headers).get("Set-Cookie")).toMatch(/^idesluss_oidc=; Max-Age=0; Path=\/auth\/oidc;/);
    const audit = await handle.db.selectFrom("audit_log").select(["details", "ip_address"])
      .where("action", "=", "auth.sign_in_failed").orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(audit).toEqual({ details: { method: "oidc", reason: "missing_state" }, ip_address: "10.0.0.1" });
  });
});

describe(`simultaneous first sign-ins on ${testDatabaseKind()}`, () => {
  it("creates one user when the same new person signs in twice at once", async () => {
    const person = identity({ email: "samtidig@stockholm.test", name: "Samtidig Person", subject: "https://idp.test|samtidig" });
    const results = await Promise.all([signIn(person), signIn(person), signIn(person)]);
    expect(results.every((r) => r.ok)).toBe(true);
    const users = await handle.db.selectFrom("users").select("id").where("email", "=", "samtidig@stockholm.test").execute();
    expect(users).toHaveLength(1);
    expect(new Set(results.map((r) => (r.ok ? r.userId : null)))).toEqual(new Set([users[0]!.id]));
  });
});

