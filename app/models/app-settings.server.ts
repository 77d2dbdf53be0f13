import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/** Days an idea may wait in "inskickad" before the inbox flags it as overdue (default 14). */
export async function getInboxOverdueDays(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("app_settings").select("value").where("key", "=", "inbox_overdue_days").executeTakeFirst();
  const value = Number(row?.value);
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : 14;
}

export async function setInboxOverdueDays(db: Kysely<Database>, days: number, updatedBy: string): Promise<void> {
  await db
    .insertInto("app_settings")
    .values({ key: "inbox_overdue_days", value: JSON.stringify(days), updated_by: updatedBy })
    .onConflict((oc) => oc.column("key").doUpdateSet({ value: JSON.stringify(days), updated_by: updatedBy, updated_at: new Date() }))
    .execute();
}
