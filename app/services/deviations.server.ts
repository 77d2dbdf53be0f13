import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, can } from "~/domain/permissions";
import { type DeviationDecision, validUntilProblem, type ValidUntilProblem, withdrawRefusal } from "~/domain/security-screening";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import { findIdeaDeviation, insertDeviation, type IdeaDeviation, lockDeviation, markDeviationWithdrawn, recordDeviationDecision, steeringGroupIds } from "~/models/deviations.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followerIds } from "~/models/idea-followers.server";
import { notifyUsers } from "./notify.server";

type Db = Kysely<Database>;

/** The idea a request belongs to, share-locked so it cannot be merged or closed meanwhile. */
async function lockIdea(trx: Db, ideaId: string) {
  return trx.selectFrom("ideas").select(["id", "reference", "title", "stage", "submitted_at", "merged_into_id"])
    .where("id", "=", ideaId).forShare().executeTakeFirst();
}

export type RequestDeviationResult =
  | { ok: true; deviationId: string }
  | { ok: false; reason: "not_found" | "merged" | "closed" }
  | { ok: false; reason: "valid_until"; problem: ValidUntilProblem };

/**
 * Requests a deviation from a common standard for an idea: the request, the timeline event, the
 * audit row and a notification to every active member of the styrgrupp, in one transaction.
 * `today` is the date in Europe/Stockholm; "valid until" may not be before it.
 */
export async function requestDeviation(
  db: Db,
  input: {
    actor: { id: string; name: string };
    ideaId: string;
    standard: string;
    description: string;
    justification: string;
    validUntil: string | null;
    today: string;
    now: Date;
    ipAddress: string | null;
  },
): Promise<RequestDeviationResult> {
  const problem = validUntilProblem(input.validUntil, input.today);
  if (problem) return { ok: false, reason: "valid_until", problem };
  return db.transaction().execute(async (trx): Promise<RequestDeviationResult> => {
    const idea = await lockIdea(trx, input.ideaId);
    if (!idea || idea.submitted_at === null) return { ok: false, reason: "not_found" };
    if (idea.merged_into_id !== null) return { ok: false, reason: "merged" };
    if (idea.stage === "avslutad") return { ok: false, reason: "closed" };
    const standard = input.standard.trim();
    const description = input.description.trim();
    const deviationId = await insertDeviation(trx, {
      ideaId: idea.id, standard, description, justification: input.justification.trim(),
      validUntil: input.validUntil || null, requestedBy: input.actor.id, now: input.now,
    });
    await recordIdeaEvent(trx, {
      ideaId: idea.id, kind: "deviation_requested", actorId: input.actor.id, payload: { deviationId, standard }, at: input.now,
    });
    await writeAudit(trx, {
      actorId: input.actor.id, action: "deviation.requested", entityType: "idea", entityId: idea.id,
      details: { deviationId, reference: idea.reference, standard, validUntil: input.validUntil || null },
      ipAddress: input.ipAddress,
    });
    const t = messagesFor("sv").security.notifications;
    await notifyUsers(trx, {
      userIds: await steeringGroupIds(trx),
      exceptUserId: input.actor.id,
      ideaId: idea.id,
      kind: "deviation_requested",
      title: t.requested(idea.reference ?? "", idea.title),
      body: t.requestedBody(input.actor.name, standard, description),
      now: input.now,
    });
    return { ok: true, deviationId };
  });
}

export type DecideDeviationResult =
  | { ok: true }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "not_allowed" }
  /** Someone else decided or the requester withdrew it first; `current` is the request as it is now. */
  | { ok: false; reason: "already_settled"; current: IdeaDeviation };

/**
 * The styrgrupp's decision on an open request, with a motivation. The row is locked, so of two
 * people deciding at once the second is told who decided and how; a decided request never changes
 * (the database refuses it too). Notifies the requester and the idea's followers.
 */
export async function decideDeviation(
  db: Db,
  input: {
    actor: Actor & { name: string };
    ideaId: string;
    deviationId: string;
    decision: DeviationDecision;
    motivation: string;
    now: Date;
    ipAddress: string | null;
  },
): Promise<DecideDeviationResult> {
  if (!can(input.actor, "deviation.decide")) return { ok: false, reason: "not_allowed" };
  const motivation = input.motivation.trim();
  if (!motivation) throw new Error("A deviation decision needs a motivation (the form requires one)");
  return db.transaction().execute(async (trx): Promise<DecideDeviationResult> => {
    const idea = await lockIdea(trx, input.ideaId);
    const request = idea && await lockDeviation(trx, idea.id, input.deviationId);
    if (!idea || !request) return { ok: false, reason: "not_found" };
    if (request.status !== "requested" || !(await recordDeviationDecision(trx, {
      deviationId: request.id, status: input.decision, decidedBy: input.actor.id, motivation, now: input.now,
    }))) {
      return { ok: false, reason: "already_settled", current: (await findIdeaDeviation(trx, idea.id, request.id))! };
    }
    await recordIdeaEvent(trx, {
      ideaId: idea.id, kind: "deviation_decided", actorId: input.actor.id,
      payload: { deviationId: request.id, status: input.decision, standard: request.standard }, at: input.now,
    });
    await writeAudit(trx, {
      actorId: input.actor.id, action: "deviation.decided", entityType: "idea", entityId: idea.id,
      details: { deviationId: request.id, reference: idea.reference, standard: request.standard, status: input.decision, motivation },
      ipAddress: input.ipAddress,
    });
    const messages = messagesFor("sv").security;
    await notifyUsers(trx, {
      userIds: [request.requested_by, ...(await followerIds(trx, idea.id))],
      exceptUserId: input.actor.id,
      ideaId: idea.id,
      kind: "deviation_decided",
      title: messages.notifications.decided(idea.reference ?? "", messages.deviations.statuses[input.decision]),
      body: messages.notifications.decidedBody(input.actor.name, request.standard, motivation),
      now: input.now,
    });
    return { ok: true };
  });
}

export type WithdrawDeviationResult =
  | { ok: true }
  | { ok: false; reason: "not_found" | "not_open" | "not_requester" };

/** The requester (or an administrator) withdraws an open request. Audited; nobody is notified. */
export async function withdrawDeviation(
  db: Db,
  input: { actor: Actor; ideaId: string; deviationId: string; now: Date; ipAddress: string | null },
): Promise<WithdrawDeviationResult> {
  return db.transaction().execute(async (trx): Promise<WithdrawDeviationResult> => {
    const request = await lockDeviation(trx, input.ideaId, input.deviationId);
    if (!request) return { ok: false, reason: "not_found" };
    const refusal = withdrawRefusal(
      { id: input.actor.id, isAdmin: input.actor.roles.includes("administrator") },
      { status: request.status, requestedBy: request.requested_by },
    );
    if (refusal) return { ok: false, reason: refusal };
    if (!(await markDeviationWithdrawn(trx, request.id, input.now))) return { ok: false, reason: "not_open" };
    await writeAudit(trx, {
      actorId: input.actor.id, action: "deviation.withdrawn", entityType: "idea", entityId: input.ideaId,
      details: { deviationId: request.id, standard: request.standard, requestedBy: request.requested_by },
      ipAddress: input.ipAddress,
    });
    return { ok: true };
  });
}
