import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followIdea } from "~/models/idea-followers.server";
import { findManagedIdea, isAssignable, lockIdeas, setOwnerIfVersion } from "~/models/inbox.server";
import { notifyUsers } from "./notify.server";

export type OwnerChangeResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "conflict" | "merged" | "not_assignable" | "same_owner" | "not_found" };

/**
 * Takes ownership (newOwnerId = the actor) or hands the idea to someone else, only if nobody changed
 * the idea since the version the person saw. Records the timeline event, makes the new owner follow the
 * idea, tells the new owner and the submitter, and writes the audit row – all in one transaction.
 * The caller has checked "idea.manage" on the idea.
 */
export async function changeIdeaOwner(
  db: Kysely<Database>,
  input: {
    actor: { id: string; name: string };
    ideaId: string;
    newOwnerId: string;
    message: string | null;
    expectedVersion: number;
    now: Date;
    ipAddress: string | null;
  },
): Promise<OwnerChangeResult> {
  const t = messagesFor("sv").inbox.notifications;
  return db.transaction().execute(async (trx): Promise<OwnerChangeResult> => {
    await lockIdeas(trx, [input.ideaId]);
    const idea = await findManagedIdea(trx, input.ideaId);
    if (!idea || !idea.submittedAt) return { ok: false, reason: "not_found" };
    if (idea.version !== input.expectedVersion) return { ok: false, reason: "conflict" };
    if (idea.mergedIntoId) return { ok: false, reason: "merged" };
    const taking = input.newOwnerId === input.actor.id;
    if (idea.ownerId === input.newOwnerId) return taking ? { ok: true, changed: false } : { ok: false, reason: "same_owner" };
    if (!taking && !(await isAssignable(trx, input.newOwnerId))) return { ok: false, reason: "not_assignable" };

    if (!(await setOwnerIfVersion(trx, { ideaId: idea.id, ownerId: input.newOwnerId, expectedVersion: input.expectedVersion }))) {
      return { ok: false, reason: "conflict" };
    }
    const newOwner = await trx.selectFrom("users").select("name").where("id", "=", input.newOwnerId).executeTakeFirstOrThrow();
    const payload = { from: idea.ownerId, to: input.newOwnerId, message: input.message };
    await recordIdeaEvent(trx, { ideaId: idea.id, kind: "owner_changed", actorId: input.actor.id, payload, at: input.now });
    await followIdea(trx, idea.id, input.newOwnerId);
    const reference = idea.reference ?? idea.title;
    await notifyUsers(trx, {
      userIds: [input.newOwnerId], exceptUserId: input.actor.id, ideaId: idea.id, kind: "owner_assigned", now: input.now,
      title: t.assignedToYou(reference, idea.title), body: t.assignedToYouBody(input.actor.name, input.message),
    });
    if (idea.submitterId !== input.newOwnerId) {
      await notifyUsers(trx, {
        userIds: [idea.submitterId], exceptUserId: input.actor.id, ideaId: idea.id, kind: "owner_assigned", now: input.now,
        title: t.yourIdeaOwner(reference, newOwner.name), body: t.yourIdeaOwnerBody(newOwner.name),
      });
    }
    await writeAudit(trx, {
      actorId: input.actor.id, action: "idea.owner_changed", entityType: "idea", entityId: idea.id,
      details: { reference: idea.reference, ...payload }, ipAddress: input.ipAddress,
    });
    return { ok: true, changed: true };
  });
}
