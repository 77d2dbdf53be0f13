import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { stockholmYear } from "~/domain/stockholm-year";
import { chooseOwner } from "~/domain/idea-routing";
import { submitSv } from "~/i18n/submit.sv";
import { writeAudit } from "~/models/audit-log.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followIdea } from "~/models/idea-followers.server";
import {
  addSupport, insertDraft, lockIdea, lockIdeaBySubmissionKey, markSubmitted, nextReferenceNumber, updateDraftContent,
} from "~/models/ideas.server";
import { activeAdministratorIds, activeRoutingRules, scopedContacts } from "~/models/routing-rules.server";
import { unitPathOf } from "~/models/unit-path.server";
import type { IdeaContent } from "~/schemas/idea";
import { notifyUsers } from "./notify.server";

export type SaveIdeaResult =
  | { kind: "draft_saved"; ideaId: string }
  | { kind: "submitted"; ideaId: string; ownerId: string | null }
  | { kind: "already_submitted"; ideaId: string }
  | { kind: "not_found" };

const UNIQUE_VIOLATION = "23505";

/**
 * Saves the idea the form is writing (a new one, found by its submission key, or the draft `ideaId`)
 * and, for intent "submit", submits it: reference number, owner, timeline, followers, notifications and
 * audit in one transaction. Repeating a submit finds the idea already submitted and changes nothing.
 */
export async function saveIdea(db: Kysely<Database>, input: {
  userId: string; ideaId: string | null; submissionKey: string; content: IdeaContent;
  intent: "draft" | "submit"; now: Date; ipAddress?: string | null;
}): Promise<SaveIdeaResult> {
  try {
    return await db.transaction().execute((trx) => saveInTransaction(trx, input));
  } catch (error) {
    // Two first posts with the same key raced to insert: the loser finds the winner's idea.
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    return db.transaction().execute((trx) => saveInTransaction(trx, input));
  }
}

async function saveInTransaction(trx: Kysely<Database>, input: Parameters<typeof saveIdea>[1]): Promise<SaveIdeaResult> {
  const existing = input.ideaId
    ? await lockIdea(trx, input.ideaId)
    : await lockIdeaBySubmissionKey(trx, input.submissionKey);
  if (existing && existing.submitterId !== input.userId) return { kind: "not_found" };
  if (!existing && input.ideaId) return { kind: "not_found" };
  if (existing?.submittedAt) return { kind: "already_submitted", ideaId: existing.id };

  let ideaId: string;
  if (existing) {
    ideaId = existing.id;
    await updateDraftContent(trx, ideaId, input.content, input.submissionKey);
  } else {
    ideaId = await insertDraft(trx, { submitterId: input.userId, submissionKey: input.submissionKey, content: input.content });
  }
  if (input.intent === "draft") return { kind: "draft_saved", ideaId };
  const { ownerId } = await submitDraft(trx, { ...input, ideaId });
  return { kind: "submitted", ideaId, ownerId };
}

async function submitDraft(trx: Kysely<Database>, input: {
  userId: string; ideaId: string; content: IdeaContent; now: Date; ipAddress?: string | null;
}): Promise<{ ownerId: string | null }> {
  const { now, ideaId, userId, content } = input;
  const unitPath = await unitPathOf(trx, content.unitId);
  const choice = chooseOwner({
    unitPath, kind: content.kind, rules: await activeRoutingRules(trx, unitPath), contacts: await scopedContacts(trx, unitPath),
  });
  const year = stockholmYear(now);
  const number = await nextReferenceNumber(trx, year);
  const { reference } = await markSubmitted(trx, ideaId, { year, number, ownerId: choice.ownerId, now });

  await recordIdeaEvent(trx, { ideaId, kind: "submitted", actorId: userId, payload: { reference }, at: now });
  if (choice.ownerId) {
    await recordIdeaEvent(trx, {
      ideaId, kind: "owner_changed", actorId: null, at: now,
      payload: { from: null, to: choice.ownerId, via: choice.via, ...(choice.via === "rule" ? { ruleId: choice.ruleId } : {}) },
    });
  }
  await followIdea(trx, ideaId, userId);
  if (choice.ownerId) await followIdea(trx, ideaId, choice.ownerId);

  const t = submitSv.notifications;
  const owner = choice.ownerId
    ? await trx.selectFrom("users").select("name").where("id", "=", choice.ownerId).executeTakeFirst()
    : undefined;
  await notifyUsers(trx, {
    userIds: [userId], ideaId, kind: "receipt", now,
    title: t.receiptTitle(reference), body: t.receiptBody(content.title, owner?.name ?? null),
  });
  if (choice.ownerId) {
    await notifyUsers(trx, {
      userIds: [choice.ownerId], exceptUserId: userId, ideaId, kind: "owner_assigned", now,
      title: t.ownerTitle(reference), body: t.ownerBody(content.title),
    });
  } else {
    const unit = await trx.selectFrom("units").select("name").where("id", "=", content.unitId).executeTakeFirstOrThrow();
    await notifyUsers(trx, {
      userIds: await activeAdministratorIds(trx), ideaId, kind: "unrouted", now,
      title: t.unroutedTitle(reference), body: t.unroutedBody(content.title, unit.name),
    });
  }
  await writeAudit(trx, {
    actorId: userId, action: "idea.submitted", entityType: "idea", entityId: ideaId, ipAddress: input.ipAddress ?? null,
    details: { reference, ownerId: choice.ownerId, routedBy: choice.via },
  });
  return { ownerId: choice.ownerId };
}

/** Support an idea instead of submitting a duplicate: one support per person, idempotent. */
export async function supportIdea(db: Kysely<Database>, input: { ideaId: string; userId: string; now: Date }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (!(await addSupport(trx, input.ideaId, input.userId))) return;
    await followIdea(trx, input.ideaId, input.userId);
    await recordIdeaEvent(trx, { ideaId: input.ideaId, kind: "supported", actorId: input.userId, at: input.now });
  });
}
