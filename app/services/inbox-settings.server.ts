import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { getInboxOverdueDays, setInboxOverdueDays } from "~/models/app-settings.server";
import { writeAudit } from "~/models/audit-log.server";

/** Saves the inbox's overdue limit and audits the change; nothing is written when it is unchanged. */
export async function updateInboxOverdueDays(
  db: Kysely<Database>, input: { actorId: string; days: number; ipAddress: string | null },
): Promise<{ changed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await getInboxOverdueDays(trx);
    if (before === input.days) return { changed: false };
    await setInboxOverdueDays(trx, input.days, input.actorId);
    await writeAudit(trx, {
      actorId: input.actorId, action: "settings.changed", entityType: "app_setting", entityId: "inbox_overdue_days",
      details: { key: "inbox_overdue_days", before, after: input.days }, ipAddress: input.ipAddress,
    });
    return { changed: true };
  });
}
