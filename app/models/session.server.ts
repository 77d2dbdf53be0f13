import { createHash, randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Role } from "~/domain/vocabulary";

export interface SessionTimeouts {
  idleMinutes: number;
  absoluteHours: number;
}

/** The signed-in person as the rest of the app sees them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  unitId: string | null;
  locale: "sv" | "en";
  roles: Role[];
  scopeUnitIds: string[];
  sessionId: string;
}

const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Starts a session: a fresh random token for the cookie, its hash in the database. */
export async function createSession(
  db: Kysely<Database>,
  input: { userId: string; now: Date; timeouts: SessionTimeouts; ipAddress: string | null; userAgent: string | null },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db
    .insertInto("sessions")
    .values({
      id: hashToken(token),
      user_id: input.userId,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: new Date(input.now.getTime() + input.timeouts.absoluteHours * 3_600_000),
      ip_address: input.ipAddress,
      user_agent: input.userAgent?.slice(0, 500) ?? null,
    })
    .execute();
  return token;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<string | null> {
  const row = await db.deleteFrom("sessions").where("id", "=", hashToken(token)).returning("user_id").executeTakeFirst();
  return row?.user_id ?? null;
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

/**
 * The user behind a session token, or null when the session is unknown, idle too long, past its
 * absolute lifetime, or its user is deactivated. Expired sessions are removed on the way.
 */
export async function findSessionUser(
  db: Kysely<Database>,
  token: string,
  now: Date,
  timeouts: SessionTimeouts,
): Promise<SessionUser | null> {
  const id = hashToken(token);
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId", "sessions.last_seen_at", "sessions.expires_at",
      "users.id", "users.email", "users.name", "users.unit_id", "users.locale", "users.active",
    ])
    .where("sessions.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const idleDeadline = row.last_seen_at.getTime() + timeouts.idleMinutes * 60_000;
  if (!row.active || now.getTime() >= row.expires_at.getTime() || now.getTime() >= idleDeadline) {
    await db.deleteFrom("sessions").where("id", "=", id).execute();
    return null;
  }
  if (now.getTime() - row.last_seen_at.getTime() > TOUCH_INTERVAL_MS) {
    await db.updateTable("sessions").set({ last_seen_at: now }).where("id", "=", id).execute();
  }
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    unitId: row.unit_id,
    locale: row.locale,
    ...(await accessOf(db, row.id)),
    sessionId: row.sessionId,
  };
}

/** A person's roles and kontaktperson scopes: what `can` needs, for a session and an API token alike. */
export async function accessOf(db: Kysely<Database>, userId: string): Promise<{ roles: Role[]; scopeUnitIds: string[] }> {
  const [roles, scopes] = await Promise.all([
    db.selectFrom("user_roles").select("role").where("user_id", "=", userId).orderBy("role").execute(),
    db.selectFrom("user_unit_scopes").select("unit_id").where("user_id", "=", userId).execute(),
  ]);
  return { roles: roles.map((r) => r.role), scopeUnitIds: scopes.map((s) => s.unit_id) };
}
