import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { seedDemoData } from "../../db/seed/demo";
import { findSessionUser } from "../../app/models/session.server";
import { action as loginAction, loader as loginLoader } from "../../app/routes/login";
import { action as logoutAction } from "../../app/routes/logout";
import { requirePermission, requireUser } from "../../app/utils/auth.server";
import { getCookies } from "../../app/utils/session-cookie.server";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
const timeouts = { idleMinutes: 480, absoluteHours: 168 };

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

function loginRequest(fields: Record<string, string>, cookie?: string, url = "http://localhost/login") {
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (cookie) headers.set("Cookie", cookie);
  return new Request(url, { method: "POST", headers, body: new URLSearchParams(fields) });
}

async function run(fields: Record<string, string>, options: { cookie?: string; ip?: string } = {}) {
  try {
    return await loginAction({ request: loginRequest(fields, options.cookie), params: {}, context: { clientIp: options.ip ?? "10.0.0.1" } });
  } catch (thrown) {
    return thrown;
  }
}

const statusOf = (result: unknown) =>
  result instanceof Response ? result.status : (result as { init?: { status?: number } }).init?.status ?? 200;
const bodyOf = (result: unknown) => (result as { data?: Record<string, unknown> }).data ?? {};
const cookieOf = (result: unknown) => (result as Response).headers.get("Set-Cookie")!.split(";")[0]!;
const tokenOf = async (cookie: string) => (await getCookies().session.parse(cookie)) as string;

async function auditCount(action: string) {
  const row = await handle.db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n"))
    .where("action", "=", action).executeTakeFirstOrThrow();
  return row.n;
}

describe(`sign-in with a local account on ${testDatabaseKind()}`, () => {
  it("signs in a demo account, sets an HttpOnly SameSite cookie and audits it", async () => {
    const before = await auditCount("auth.sign_in");
    const result = await run({ email: "Medarbetare@Idesluss.test", password: "idesluss-demo", redirectTo: "/tillganglighet" });
    expect(statusOf(result)).toBe(302);
    expect((result as Response).headers.get("Location")).toBe("/tillganglighet");
    const setCookie = (result as Response).headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const user = await findSessionUser(handle.db, await tokenOf(cookieOf(result)), new Date(), timeouts);
    expect(user?.email).toBe("medarbetare@idesluss.test");
    expect(user?.roles).toEqual(["medarbetare"]);
    expect(await auditCount("auth.sign_in")).toBe(before + 1);
  });

  it("gives the same generic message for an unknown e-mail and a wrong password", async () => {
    const unknown = await run({ email: "finns.inte@idesluss.test", password: "idesluss-demo" }, { ip: "10.0.1.1" });
    const wrong = await run({ email: "styrgrupp@idesluss.test", password: "fel" }, { ip: "10.0.1.2" });
    expect(statusOf(unknown)).toBe(401);
    expect(statusOf(wrong)).toBe(401);
    expect(bodyOf(unknown).formError).toBe("Fel e-postadress eller lösenord.");
    expect(bodyOf(wrong).formError).toBe(bodyOf(unknown).formError);
  });

  it("answers 400 with Swedish field messages for an empty form", async () => {
    const result = await run({ email: "", password: "" });
    expect(statusOf(result)).toBe(400);
    expect(bodyOf(result).fieldErrors).toEqual({ email: "Ange din e-postadress.", password: "Ange ditt lösenord." });
  });

  it("locks an account after repeated failures with 429, even with the right password", async () => {
    const email = "kontaktperson@idesluss.test";
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push(statusOf(await run({ email, password: `fel-${attempt}` }, { ip: `10.0.2.${attempt}` })));
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses[5]).toBe(429);
    const right = await run({ email, password: "idesluss-demo" }, { ip: "10.0.2.99" });
    expect(statusOf(right)).toBe(429);
    expect(String(bodyOf(right).formError)).toMatch(/För många misslyckade inloggningsförsök/);
  });

  it("limits attempts per address across accounts", async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 31; attempt++) {
      statuses.push(statusOf(await run({ email: `gissning${attempt}@idesluss.test`, password: "x" }, { ip: "10.9.9.9" })));
    }
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
  }, 120_000); // 31 argon2 verifications: slow on a busy two-core machine

  it("refuses a deactivated user", async () => {
    await handle.db.updateTable("users").set({ active: false, deactivated_at: new Date() })
      .where("email", "=", "styrgrupp@idesluss.test").execute();
    try {
      const result = await run({ email: "styrgrupp@idesluss.test", password: "idesluss-demo" }, { ip: "10.0.3.1" });
      expect(statusOf(result)).toBe(403);
      expect(String(bodyOf(result).formError)).toMatch(/inaktiverat/);
    } finally {
      await handle.db.updateTable("users").set({ active: true, deactivated_at: null })
        .where("email", "=", "styrgrupp@idesluss.test").execute();
    }
  });

  it("issues a new session on sign-in and ends the one the browser came with (no fixation)", async () => {
    const first = await run({ email: "admin@idesluss.test", password: "idesluss-demo" }, { ip: "10.0.4.1" });
    const before = cookieOf(first);
    const second = await run({ email: "admin@idesluss.test", password: "idesluss-demo" }, { cookie: before, ip: "10.0.4.1" });
    const after = cookieOf(second);
    expect(after).not.toBe(before);
    expect(await findSessionUser(handle.db, await tokenOf(before), new Date(), timeouts)).toBeNull();
    expect(await findSessionUser(handle.db, await tokenOf(after), new Date(), timeouts)).not.toBeNull();
  });

  it("ignores an off-site redirectTo", async () => {
    for (const redirectTo of ["https://evil.example", "//evil.example/x", "/\\evil.example"]) {
      const result = await run({ email: "medarbetare@idesluss.test", password: "idesluss-demo", redirectTo }, { ip: "10.0.5.1" });
      expect((result as Response).headers.get("Location")).toBe("/");
    }
  });

  it("ends the session on the server at sign-out", async () => {
    const cookie = cookieOf(await run({ email: "medarbetare@idesluss.test", password: "idesluss-demo" }, { ip: "10.0.6.1" }));
    const token = await tokenOf(cookie);
    const request = new Request("http://localhost/logout", { method: "POST", headers: { Cookie: cookie } });
    const result = await logoutAction({ request, params: {}, context: {} });
    expect(result.status).toBe(302);
    expect(await findSessionUser(handle.db, token, new Date(), timeouts)).toBeNull();
  });

  it("sends a signed-in visitor of /login on to where they were going", async () => {
    const cookie = cookieOf(await run({ email: "medarbetare@idesluss.test", password: "idesluss-demo" }, { ip: "10.0.7.1" }));
    const request = new Request("http://localhost/login?redirectTo=%2Ftillganglighet", { headers: { Cookie: cookie } });
    const thrown = await loginLoader({ request, params: {}, context: {} }).catch((r: unknown) => r);
    expect((thrown as Response).headers.get("Location")).toBe("/tillganglighet");
  });
});

describe(`sessions and guards on ${testDatabaseKind()}`, () => {
  async function sessionFor(email: string, now: Date) {
    const { createSession } = await import("../../app/models/session.server");
    const user = await handle.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
    return createSession(handle.db, { userId: user.id, now, timeouts, ipAddress: null, userAgent: null });
  }

  it("ends a session after the idle timeout", async () => {
    const start = new Date("2026-11-23T08:00:00Z");
    const token = await sessionFor("medarbetare@idesluss.test", start);
    const stillActive = new Date(start.getTime() + 479 * 60_000);
    expect(await findSessionUser(handle.db, token, stillActive, timeouts)).not.toBeNull();
    const idle = new Date(stillActive.getTime() + 480 * 60_000);
    expect(await findSessionUser(handle.db, token, idle, timeouts)).toBeNull();
  });

  it("ends a session at the absolute timeout however active it is", async () => {
    const start = new Date("2026-11-01T08:00:00Z");
    const token = await sessionFor("medarbetare@idesluss.test", start);
    let now = start;
    for (let hour = 0; hour < 167; hour += 4) {
      now = new Date(start.getTime() + hour * 3_600_000);
      expect(await findSessionUser(handle.db, token, now, timeouts)).not.toBeNull();
    }
    expect(await findSessionUser(handle.db, token, new Date(start.getTime() + 168 * 3_600_000), timeouts)).toBeNull();
  });

  it("sends anonymous page requests to /login and answers other requests 401", async () => {
    const page = await requireUser(new Request("http://localhost/admin/users?q=anna")).catch((r: unknown) => r);
    expect((page as Response).status).toBe(302);
    expect((page as Response).headers.get("Location")).toBe("/login?redirectTo=%2Fadmin%2Fusers%3Fq%3Danna");
    const post = await requireUser(new Request("http://localhost/admin/users", { method: "POST" })).catch((r: unknown) => r);
    expect((post as Response).status).toBe(401);
  });

  it("answers 403 when the role lacks the permission", async () => {
    const cookie = (await getCookies().session.serialize(await sessionFor("medarbetare@idesluss.test", new Date()))).split(";")[0]!;
    const denied = await requirePermission(new Request("http://localhost/admin", { headers: { Cookie: cookie } }), "admin.access")
      .catch((r: unknown) => r);
    expect((denied as Response).status).toBe(403);
  });
});
