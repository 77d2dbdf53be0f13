import { createHash, randomBytes } from "node:crypto";
import { type Kysely, sql } from "kysely";
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
  /** Unread in-app notifications when the session was looked up (the header's badge). */
  unreadNotifications: number;
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
  // One statement per page view: the session, its person, what `can` needs about them, and the
  // unread count the header shows.
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id as sessionId", "sessions.last_seen_at", "sessions.expires_at",
      "users.id", "users.email", "users.name", "users.unit_id", "users.locale", "users.active",
      rolesOfUser, scopeUnitIdsOfUser,
      // The header's badge on every page: the partial index notifications_unread_idx answers it.
      (eb) => eb.selectFrom("notifications").select((n) => n.fn.countAll<string>().as("n"))
        .whereRef("notifications.user_id", "=", "users.id").where("notifications.read_at", "is", null)
        .as("unreadNotifications"),
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
    roles: row.roles,
    scopeUnitIds: row.scopeUnitIds,
    sessionId: row.sessionId,
    unreadNotifications: Number(row.unreadNotifications ?? 0),
  };
}

// The person's roles and kontaktperson scopes as JSON arrays (pg and PGlite parse json; an array of an
// enum type would come back as unparsed text), read beside the row that names the person.
const rolesOfUser = sql<Role[]>`to_json(array(select r.role from user_roles r where r.user_id = users.id order by r.role))`
  .as("roles");
const scopeUnitIdsOfUser = sql<string[]>`to_json(array(select s.unit_id from user_unit_scopes s where s.user_id = users.id order by s.unit_id))`
  .as("scopeUnitIds");

/** A person's roles and kontaktperson scopes: what `can` needs, for a session and an API token alike. */
export async function accessOf(db: Kysely<Database>, userId: string): Promise<{ roles: Role[]; scopeUnitIds: string[] }> {
  const row = await db.selectFrom("users").select([rolesOfUser, scopeUnitIdsOfUser]).where("users.id", "=", userId)
    .executeTakeFirst();
  return { roles: row?.roles ?? [], scopeUnitIds: row?.scopeUnitIds ?? [] };
}
