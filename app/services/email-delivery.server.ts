import { type Kysely, sql } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "../../db/schema";
import { messagesFor } from "~/i18n";
import { getEnv } from "~/utils/env.server";

/** What the delivery needs of a nodemailer transport (tests pass a jsonTransport or streamTransport). */
export interface MailTransport {
  sendMail(message: { from?: string; to: string; subject: string; text: string }): Promise<unknown>;
  close?(): void;
}

/** After this many failed attempts a message is left alone (visible as failed in the admin outbox). */
export const MAX_ATTEMPTS = 8;
/** A claimed row is hidden from other senders this long; a crash mid-send makes it due again after. */
const LEASE_MINUTES = 10;

/** Minutes to wait after the n-th failed attempt: 1, 4, 16, 64 … capped at a day. */
export function backoffMinutes(attempts: number): number {
  return Math.min(24 * 60, 4 ** Math.max(0, attempts - 1));
}

/**
 * Sends due outbox rows (send_after ≤ now, not sent, attempts left). Rows are claimed first by
 * pushing send_after forward (skip locked), so two servers never send the same row and no
 * transaction is held open while the SMTP server answers.
 */
export async function deliverPendingEmail(
  db: Kysely<Database>, transport: MailTransport, now: Date, limit: number,
): Promise<{ sent: number; failed: number }> {
  const lease = new Date(now.getTime() + LEASE_MINUTES * 60_000);
  const { rows } = await sql<{ id: string | number; to_address: string; subject: string; body: string; attempts: number }>`
    update email_outbox set send_after = ${lease}
    where id in (
      select id from email_outbox
      where sent_at is null and send_after <= ${now} and attempts < ${MAX_ATTEMPTS}
      order by send_after, id limit ${limit} for update skip locked)
    returning id, to_address, subject, body, attempts`.execute(db);
  let sent = 0;
  let failed = 0;
  for (const row of rows) {
    const id = Number(row.id);
    try {
      await transport.sendMail({ to: row.to_address, subject: row.subject, text: row.body });
      await db.updateTable("email_outbox")
        .set({ sent_at: now, attempts: row.attempts + 1, last_error: null }).where("id", "=", id).execute();
      sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const message = error instanceof Error ? error.message : String(error);
      await db.updateTable("email_outbox")
        .set({
          attempts,
          last_error: message.slice(0, 1000),
          send_after: new Date(now.getTime() + backoffMinutes(attempts) * 60_000),
        })
        .where("id", "=", id).execute();
      failed += 1;
    }
  }
  return { sent, failed };
}

/**
 * One digest e-mail per daily-digest user with the notifications not yet e-mailed that arrived
 * before today (Europe/Stockholm): running it many times a day still sends at most one a day.
 */
export async function queueDailyDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const t = messagesFor("sv").ideas.email;
  const base = getEnv().APP_URL.replace(/\/$/, "");
  return db.transaction().execute(async (trx) => {
    const startOfDay = sql<Date>`(date_trunc('day', ${now}::timestamptz at time zone 'Europe/Stockholm') at time zone 'Europe/Stockholm')`;
    const pending = await trx.selectFrom("notifications")
      .innerJoin("users", "users.id", "notifications.user_id")
      .select(["notifications.id", "notifications.user_id", "notifications.idea_id", "notifications.title", "users.email"])
      .where("users.notification_mode", "=", "daily_digest")
      .where("users.active", "=", true)
      .where("notifications.emailed_at", "is", null)
      .where("notifications.created_at", "<", startOfDay)
      .orderBy("notifications.user_id").orderBy("notifications.created_at").orderBy("notifications.id")
      .forUpdate("notifications")
      .skipLocked()
      .execute();
    const byUser = new Map<string, typeof pending>();
    for (const row of pending) byUser.set(row.user_id, [...(byUser.get(row.user_id) ?? []), row]);
    for (const [userId, items] of byUser) {
      const lines = items.slice(0, 200).map((n) => `• ${n.title}\n  ${n.idea_id ? `${base}/ideas/${n.idea_id}` : `${base}/notifications`}`);
      const more = items.length > 200 ? `\n… ${items.length - 200} till: ${base}/notifications` : "";
      await trx.insertInto("email_outbox").values({
        user_id: userId,
        to_address: items[0]!.email,
        subject: t.digestSubject(items.length),
        body: `${t.digestIntro}\n\n${lines.join("\n\n")}${more}\n\n${t.footer}`.slice(0, 50_000),
        created_at: now,
        send_after: now,
      }).execute();
      await trx.updateTable("notifications").set({ emailed_at: now })
        .where("id", "in", items.map((n) => n.id)).execute();
    }
    return byUser.size;
  });
}

/**
 * Starts sending e-mail when SMTP_URL is set: digests and due outbox rows every minute, on a timer
 * that does not keep the process alive. Returns a stop function. Without SMTP_URL nothing is sent
 * and the mail stays in the outbox (Administration → Utkorg).
 */
export function startEmailDelivery(
  db: Kysely<Database>, env: { SMTP_URL?: string | undefined; MAIL_FROM: string }, intervalMs = 60_000,
): () => void {
  if (!env.SMTP_URL) return () => {};
  const transport = nodemailer.createTransport(env.SMTP_URL, { from: env.MAIL_FROM }) as unknown as MailTransport;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await queueDailyDigests(db, new Date());
      await deliverPendingEmail(db, transport, new Date(), 50);
    } catch (error) {
      console.error("E-postutskicket misslyckades:", error instanceof Error ? error.message : error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 5_000);
  first.unref();
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
    transport.close?.();
  };
}
