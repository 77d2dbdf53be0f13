import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { stockholmYear } from "~/domain/stockholm-year";
import { messagesFor } from "~/i18n";
import { findFeedback, insertFeedback, markFeedbackHandled, nextFeedbackReference } from "~/models/accessibility-feedback.server";
import { writeAudit } from "~/models/audit-log.server";
import { activeAdministratorIds } from "~/models/routing-rules.server";
import type { AccessibilityFeedbackInput } from "~/schemas/accessibility-feedback";
import { notifyUsers } from "~/services/notify.server";

// Reports about accessibility problems: stored, and every active administrator told, in one
// transaction (a report nobody hears of is worse than none).

type Db = Kysely<Database>;

export const FEEDBACK_ADMIN_PATH = "/admin/tillganglighet";

export async function reportAccessibilityProblem(db: Db, input: {
  report: AccessibilityFeedbackInput;
  /** The signed-in reporter; null when reported without signing in. */
  reporterId: string | null;
  ipAddress: string | null;
  now: Date;
}): Promise<{ id: string; reference: string }> {
  const { report } = input;
  return db.transaction().execute(async (trx) => {
    const reference = await nextFeedbackReference(trx, stockholmYear(input.now));
    const { id } = await insertFeedback(trx, {
      reference, pageUrl: report.pageUrl, description: report.description, contactName: report.name,
      contactEmail: report.email, wantsReply: report.wantsReply, submittedBy: input.reporterId, now: input.now,
    });
    // The audit row says that and from where, not what: the text may hold personal details.
    await writeAudit(trx, {
      actorId: input.reporterId, action: "accessibility_feedback.reported", entityType: "accessibility_feedback",
      entityId: id, ipAddress: input.ipAddress, details: { reference, pageUrl: report.pageUrl },
    });
    const t = messagesFor("sv").accessibilityFeedback.notification;
    await notifyUsers(trx, {
      userIds: await activeAdministratorIds(trx),
      ideaId: null,
      kind: "accessibility_feedback",
      title: t.title(reference),
      body: t.body(reference),
      now: input.now,
      path: FEEDBACK_ADMIN_PATH,
    });
    return { id, reference };
  });
}

export type MarkHandledResult = { ok: true; reference: string } | { ok: false; reason: "not_found" | "already_handled" };

/** Closes an open report with an optional note; a second close (two administrators at once) is refused. */
export async function markAccessibilityFeedbackHandled(db: Db, input: {
  id: string; note: string; actorId: string; ipAddress: string | null; now: Date;
}): Promise<MarkHandledResult> {
  return db.transaction().execute(async (trx) => {
    const updated = await markFeedbackHandled(trx, { id: input.id, by: input.actorId, note: input.note, now: input.now });
    if (!updated) {
      const exists = await findFeedback(trx, input.id);
      return { ok: false as const, reason: exists ? "already_handled" as const : "not_found" as const };
    }
    await writeAudit(trx, {
      actorId: input.actorId, action: "accessibility_feedback.handled", entityType: "accessibility_feedback",
      entityId: updated.id, ipAddress: input.ipAddress, details: { reference: updated.reference, note: input.note !== "" },
    });
    return { ok: true as const, reference: updated.reference };
  });
}
