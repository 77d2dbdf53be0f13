import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { parseReference } from "~/domain/inbox";
import { type Actor, can } from "~/domain/permissions";
import { mayMergeAt } from "~/domain/stage-machine";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { findIdeaIdByReference, findManagedIdea, lockIdeas, markMerged, moveSupportsAndFollowers } from "~/models/inbox.server";
import { unitPathOf } from "~/models/unit-path.server";
import { notifyUsers } from "./notify.server";

export type MergeResult =
  | { ok: true; targetId: string; targetReference: string }
  /** The idea changed (or was merged) since the person saw it. */
  | { ok: false; reason: "conflict" }
  /** The idea is past bedömning: it leaves the pipeline only by a gate decision. */
  | { ok: false; reason: "stage" }
  /** Something about the chosen target; `message` belongs to the target-reference field. */
  | { ok: false; reason: "target"; message: string };

/**
 * Merges a duplicate (source) into the idea that lives on (target), in one transaction: marks the
 * source, moves supports and followers (a person on both keeps one), records both timeline events,
 * tells both submitters and writes the audit row. The actor needs "idea.manage" on both ideas; the
 * caller has checked the source, the target is checked here.
 */
export async function mergeIdeas(
  db: Kysely<Database>,
  input: {
    actor: Actor;
    sourceId: string;
    targetReference: string;
    motivation: string;
    expectedVersion: number;
    now: Date;
    ipAddress: string | null;
  },
): Promise<MergeResult> {
  const t = messagesFor("sv").inbox;
  const motivation = input.motivation.trim();
  if (motivation.length === 0 || motivation.length > 2000) throw new Error("mergeIdeas: motivation must be 1–2000 characters");
  const parsed = parseReference(input.targetReference);
  const typed = input.targetReference.trim().toUpperCase();
  const targetId = parsed ? await findIdeaIdByReference(db, parsed) : null;
  if (!targetId) return { ok: false, reason: "target", message: t.errors.noSuchIdea(typed) };
  if (targetId === input.sourceId) return { ok: false, reason: "target", message: t.errors.sameIdea };

  return db.transaction().execute(async (trx): Promise<MergeResult> => {
    await lockIdeas(trx, [input.sourceId, targetId]);
    const source = await findManagedIdea(trx, input.sourceId);
    const target = await findManagedIdea(trx, targetId);
    if (!source || source.version !== input.expectedVersion || source.mergedIntoId) return { ok: false, reason: "conflict" };
    if (!mayMergeAt(source.stage)) return { ok: false, reason: "stage" };
    const targetRef = target?.reference ?? typed;
    if (!target || !target.submittedAt) return { ok: false, reason: "target", message: t.errors.noSuchIdea(typed) };
    if (target.mergedIntoId === source.id) return { ok: false, reason: "target", message: t.errors.targetMergedIntoThis(targetRef) };
    if (target.mergedIntoId) return { ok: false, reason: "target", message: t.errors.targetMerged(targetRef) };
    const targetResource = {
      unitPath: await unitPathOf(trx, target.unitId), submitterId: target.submitterId, stage: target.stage, ownerId: target.ownerId,
    };
    if (!can(input.actor, "idea.manage", targetResource)) {
      return { ok: false, reason: "target", message: t.errors.targetNotManaged(targetRef) };
    }

    if (!(await markMerged(trx, { sourceId: source.id, targetId: target.id, expectedVersion: input.expectedVersion }))) {
      return { ok: false, reason: "conflict" };
    }
    const moved = await moveSupportsAndFollowers(trx, { fromId: source.id, toId: target.id });
    const sourceRef = source.reference ?? source.title;
    await recordIdeaEvent(trx, {
      ideaId: source.id, kind: "merged_into", actorId: input.actor.id, at: input.now,
      payload: { into: target.id, intoReference: target.reference, motivation },
    });
    await recordIdeaEvent(trx, {
      ideaId: target.id, kind: "merged_from", actorId: input.actor.id, at: input.now,
      payload: { from: source.id, fromReference: source.reference, motivation },
    });
    for (const [ideaId, submitterId] of [[source.id, source.submitterId], [target.id, target.submitterId]] as const) {
      await notifyUsers(trx, {
        userIds: [submitterId], exceptUserId: input.actor.id, ideaId, kind: "merged", now: input.now,
        title: t.notifications.merged(sourceRef, targetRef), body: t.notifications.mergedBody(sourceRef, targetRef, motivation),
      });
    }
    await writeAudit(trx, {
      actorId: input.actor.id, action: "idea.merged", entityType: "idea", entityId: source.id, ipAddress: input.ipAddress,
      details: {
        from: { id: source.id, reference: source.reference }, into: { id: target.id, reference: target.reference },
        motivation, supportsMoved: moved.supports, followersMoved: moved.followers,
      },
    });
    return { ok: true, targetId: target.id, targetReference: targetRef };
  });
}
