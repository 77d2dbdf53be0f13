import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { createSession } from "../../app/models/session.server";
import { getCookies } from "../../app/utils/session-cookie.server";

/** A Cookie header for a fresh session of the user with this e-mail (for calling loaders/actions). */
export async function sessionCookieFor(db: Kysely<Database>, email: string): Promise<string> {
  const user = await db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow();
  const token = await createSession(db, {
    userId: user.id, now: new Date(), timeouts: { idleMinutes: 480, absoluteHours: 168 }, ipAddress: null, userAgent: null,
  });
  const setCookie = await getCookies().session.serialize(token);
  return setCookie.split(";")[0]!;
}
