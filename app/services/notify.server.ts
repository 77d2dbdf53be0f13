import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { getEnv } from "~/utils/env.server";

export type NotificationKind =
  | "receipt" | "owner_assigned" | "unrouted" | "stage_changed" | "gate_decision" | "comment" | "merged"
  | "assessor_assigned" | "deviation_requested" | "deviation_decided" | "pilot_evaluated"
  | "accessibility_feedback";

/**
 * Tells people about something that happened to an idea: one in-app notification each, and for those
 * who chose immediate e-mail an outbox row in the same transaction (sent later by the delivery job;
 * daily-digest users get theirs collected once a day). Deactivated users and `exceptUserId` (the
 * person who did it) are skipped.
 */
export async function notifyUsers(
  db: Kysely<Database>,
  input: {
    userIds: readonly string[];
    exceptUserId?: string | null;
    ideaId: string | null;
    kind: NotificationKind;
    title: string;
    body: string;
    now: Date;
    /** The page the e-mail links to when the notice is not about an idea (e.g. "/admin/tillganglighet"). */
    path?: string;
  },
): Promise<number> {
  const ids = [...new Set(input.userIds)].filter((id) => id !== input.exceptUserId);
  if (ids.length === 0) return 0;
  const recipients = await db
    .selectFrom("users")
    .select(["id", "email", "notification_mode"])
    .where("id", "in", ids)
    .where("active", "=", true)
    .execute();
  if (recipients.length === 0) return 0;
  const immediate = recipients.filter((r) => r.notification_mode === "immediate");
  await db
    .insertInto("notifications")
    .values(recipients.map((r) => ({
      user_id: r.id,
      idea_id: input.ideaId,
      kind: input.kind,
      title: input.title.slice(0, 300),
      body: input.body.slice(0, 5000),
      created_at: input.now,
      emailed_at: r.notification_mode === "immediate" ? input.now : null,
    })))
    .execute();
  if (immediate.length) {
    const base = getEnv().APP_URL.replace(/\/$/, "");
    const link = input.ideaId ? `${base}/ideas/${input.ideaId}` : input.path ? `${base}${input.path}` : getEnv().APP_URL;
    await db
      .insertInto("email_outbox")
      .values(immediate.map((r) => ({
        user_id: r.id,
        to_address: r.email,
        subject: `Idéslussen: ${input.title}`.slice(0, 300),
        body: `${input.body}\n\n${link}\n\n– Idéslussen, Stockholms stad`,
        created_at: input.now,
        send_after: input.now,
      })))
      .execute();
  }
  return recipients.length;
}
