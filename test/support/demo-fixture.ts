import type { Kysely } from "kysely";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { sessionCookieFor } from "./sessions";
import { createTestDatabase } from "./test-database";

/** The four demo accounts (password idesluss-demo), by role. */
export const DEMO_ACCOUNTS = {
  medarbetare: "medarbetare@idesluss.test",
  kontaktperson: "kontaktperson@idesluss.test",
  styrgrupp: "styrgrupp@idesluss.test",
  admin: "admin@idesluss.test",
} as const;
export type DemoAccount = keyof typeof DEMO_ACCOUNTS;

/**
 * A fresh test database with the demo data, made the app's database for the routes under test: the
 * demo accounts' ids and session cookies and the two districts most tests use. `close()` undoes it all.
 */
export async function openDemoDatabase(): Promise<{
  handle: DatabaseHandle; db: Kysely<Database>; ids: Record<DemoAccount, string>; cookies: Record<DemoAccount, string>;
  ostermalmId: string; brommaId: string;
  /** An active demo person who is none of the four accounts (e.g. a follower who should be told). */
  bystanderId: string;
  close(): Promise<void>;
}> {
  const handle = await createTestDatabase();
  const db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  const ids = {} as Record<DemoAccount, string>;
  const cookies = {} as Record<DemoAccount, string>;
  for (const [key, email] of Object.entries(DEMO_ACCOUNTS) as [DemoAccount, string][]) {
    ids[key] = (await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    cookies[key] = await sessionCookieFor(db, email);
  }
  const unitId = async (name: string) => (await db.selectFrom("units").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
  return {
    handle, db, ids, cookies,
    ostermalmId: await unitId("Östermalms stadsdelsförvaltning"),
    brommaId: await unitId("Bromma stadsdelsförvaltning"),
    bystanderId: (await db.selectFrom("users").select("id").where("email", "not in", Object.values(DEMO_ACCOUNTS))
      .where("active", "=", true).orderBy("email").limit(1).executeTakeFirstOrThrow()).id,
    close: async () => {
      globalThis.__idesluss_database = undefined;
      await handle.close();
    },
  };
}
