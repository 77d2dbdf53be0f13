import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Locale } from "~/domain/vocabulary";

/** Remembers the page language a person chose; it follows them to every browser they sign in from. */
export async function setUserLocale(db: Kysely<Database>, userId: string, locale: Locale): Promise<void> {
  await db.updateTable("users").set({ locale, updated_at: new Date() }).where("id", "=", userId).execute();
}
