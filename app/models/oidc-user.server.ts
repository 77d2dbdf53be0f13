import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/** What single sign-on needs to know about an existing user. */
export interface OidcUserRow {
  id: string;
  email: string;
  name: string;
  unit_id: string | null;
  active: boolean;
  oidc_subject: string | null;
}

const columns = ["id", "email", "name", "unit_id", "active", "oidc_subject"] as const;

export function findUserByOidcSubject(db: Kysely<Database>, subject: string): Promise<OidcUserRow | undefined> {
  return db.selectFrom("users").select(columns).where("oidc_subject", "=", subject).executeTakeFirst();
}

/** Case-insensitive, like the unique index on lower(email). */
export function findUserByEmailForOidc(db: Kysely<Database>, email: string): Promise<OidcUserRow | undefined> {
  return db
    .selectFrom("users")
    .select(columns)
    .where((eb) => eb(eb.fn("lower", ["email"]), "=", email.trim().toLowerCase()))
    .executeTakeFirst();
}

export async function linkOidcSubject(db: Kysely<Database>, userId: string, subject: string): Promise<void> {
  await db.updateTable("users").set({ oidc_subject: subject }).where("id", "=", userId).execute();
}

/** A person's first sign-in with the city's account: a medarbetare, without a password. */
export async function createOidcUser(
  db: Kysely<Database>,
  input: { email: string; name: string; subject: string; unitId: string | null },
): Promise<string> {
  const { id } = await db
    .insertInto("users")
    .values({ email: input.email, name: input.name, oidc_subject: input.subject, unit_id: input.unitId, password_hash: null })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db.insertInto("user_roles").values({ user_id: id, role: "medarbetare" }).execute();
  return id;
}

/** Sets the unit only if the user has none yet (a chosen unit is never overwritten); true if set. */
export async function setUnitIfMissing(db: Kysely<Database>, userId: string, unitId: string): Promise<boolean> {
  const row = await db
    .updateTable("users")
    .set({ unit_id: unitId })
    .where("id", "=", userId)
    .where("unit_id", "is", null)
    .returning("id")
    .executeTakeFirst();
  return Boolean(row);
}
