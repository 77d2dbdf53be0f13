import type { LoaderFunctionArgs } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { seedDemoData } from "../../db/seed/demo";
import { loader as rootLoader } from "../../app/root";
import { getSessionUser } from "../../app/utils/auth.server";
import { REQUEST_ID_HEADER } from "../../app/utils/request-id";
import { installQueryRecorder } from "../support/query-recorder";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

// Issue 10: one session lookup per page view – the person, roles, scopes and the header's unread
// count in one statement, shared by the loaders of one GET through the id server.ts sets.
let handle: DatabaseHandle;
let cookie: string;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  cookie = await sessionCookieFor(handle.db, "kontaktperson@idesluss.test");
  userId = (await handle.db.selectFrom("users").select("id").where("email", "=", "kontaktperson@idesluss.test")
    .executeTakeFirstOrThrow()).id;
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

const pageRequest = (init: { method?: string; requestId?: string } = {}) => new Request("http://localhost/ideas", {
  method: init.method ?? "GET",
  headers: { Cookie: cookie, ...(init.requestId ? { [REQUEST_ID_HEADER]: init.requestId } : {}) },
});
const loadRoot = (request: Request) => rootLoader({ request, params: {}, context: { cspNonce: "n" } } as LoaderFunctionArgs);

describe(`the session lookup on ${testDatabaseKind()}`, () => {
  it("reads roles, scopes and the unread count with the session, and the header shows that count", async () => {
    await handle.db.deleteFrom("notifications").where("user_id", "=", userId).execute();
    await handle.db.insertInto("notifications").values([
      { user_id: userId, kind: "test", title: "Oläst 1" },
      { user_id: userId, kind: "test", title: "Oläst 2" },
      { user_id: userId, kind: "test", title: "Läst", read_at: new Date() },
    ]).execute();
    const user = await getSessionUser(pageRequest());
    expect(user).toMatchObject({ email: "kontaktperson@idesluss.test", unreadNotifications: 2 });
    expect(user!.roles).toContain("kontaktperson");
    expect(user!.scopeUnitIds.length).toBeGreaterThan(0);
    expect((await loadRoot(pageRequest())).unreadNotifications).toBe(2);

    await handle.db.updateTable("notifications").set({ read_at: new Date() }).where("user_id", "=", userId).execute();
    expect((await loadRoot(pageRequest({ requestId: crypto.randomUUID() }))).unreadNotifications).toBe(0);
  });

  it("looks the session up once for all loaders of one GET, and afresh for another request or a POST", async () => {
    const { recorder, uninstall } = installQueryRecorder(handle);
    try {
      const sessionQueries = (queries: { sql: string }[]) => queries.filter((q) => /from "sessions"/.test(q.sql)).length;
      const id = crypto.randomUUID();
      const sameGet = await recorder.record(async () => {
        // Remix hands each loader its own copy of the Request: two objects, one request id.
        const [a, b] = await Promise.all([getSessionUser(pageRequest({ requestId: id })), getSessionUser(pageRequest({ requestId: id }))]);
        return [a, b];
      });
      expect(sessionQueries(sameGet.queries)).toBe(1);
      expect(sameGet.result[0]).toBe(sameGet.result[1]);

      const otherGet = await recorder.record(() => getSessionUser(pageRequest({ requestId: crypto.randomUUID() })));
      expect(sessionQueries(otherGet.queries)).toBe(1);

      // An action may sign in, out or change the person: a POST's copies do not share a lookup.
      const post = await recorder.record(() => Promise.all([
        getSessionUser(pageRequest({ method: "POST", requestId: id })), getSessionUser(pageRequest({ method: "POST", requestId: id })),
      ]));
      expect(sessionQueries(post.queries)).toBe(2);
    } finally {
      uninstall();
    }
  });
});
