import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

/** Unread in-app notifications (uses the partial index notifications_unread_idx). */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const row = await db.selectFrom("notifications").select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId).where("read_at", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(db: Db, userId: string, page: number, pageSize: number) {
  const { total } = await db.selectFrom("notifications").select((eb) => eb.fn.countAll<string>().as("total"))
    .where("user_id", "=", userId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom("notifications")
    .select(["id", "idea_id", "kind", "title", "body", "read_at", "created_at"])
    .where("user_id", "=", userId)
    .orderBy("created_at", "desc").orderBy("id", "desc")
    .limit(pageSize).offset((page - 1) * pageSize)
    .execute();
  return { total: Number(total), rows: rows.map((r) => ({ ...r, id: Number(r.id) })) };
}

/** Marks one of the user's notifications read; false when it is not theirs. */
export async function markNotificationRead(db: Db, userId: string, id: number, now: Date): Promise<boolean> {
  const result = await db.updateTable("notifications").set({ read_at: now })
    .where("id", "=", id).where("user_id", "=", userId).where("read_at", "is", null).executeTakeFirst();
  if (Number(result.numUpdatedRows) > 0) return true;
  const exists = await db.selectFrom("notifications").select("id").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  return exists !== undefined;
}

export async function markAllNotificationsRead(db: Db, userId: string, now: Date): Promise<number> {
  const result = await db.updateTable("notifications").set({ read_at: now })
    .where("user_id", "=", userId).where("read_at", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export type NotificationMode = "immediate" | "daily_digest";

export async function getNotificationMode(db: Db, userId: string): Promise<NotificationMode> {
  const row = await db.selectFrom("users").select("notification_mode").where("id", "=", userId).executeTakeFirstOrThrow();
  return row.notification_mode;
}

export async function setNotificationMode(db: Db, userId: string, mode: NotificationMode): Promise<void> {
  await db.updateTable("users").set({ notification_mode: mode }).where("id", "=", userId).execute();
}

export type OutboxStatus = "sent" | "pending" | "failed";

/** The e-mail outbox for administrators, latest first. */
export async function listOutbox(db: Db, page: number, pageSize: number) {
  const { total } = await db.selectFrom("email_outbox").select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  const rows = await db.selectFrom("email_outbox")
    .select(["id", "to_address", "subject", "created_at", "sent_at", "attempts", "last_error", "send_after"])
    .orderBy("created_at", "desc").orderBy("id", "desc")
    .limit(pageSize).offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: Number(r.id), to: r.to_address, subject: r.subject, createdAt: r.created_at, sentAt: r.sent_at,
      attempts: r.attempts, lastError: r.last_error,
      status: (r.sent_at ? "sent" : r.last_error ? "failed" : "pending") as OutboxStatus,
    })),
  };
}
