import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, coversUnit } from "~/domain/permissions";
import { type GateRequirement, type IdeaPosition, planGateDecision } from "~/domain/stage-machine";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import { gatherGateEvidence } from "~/models/gate-evidence.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followerIds } from "~/models/idea-followers.server";
import { unitPathOf } from "~/models/unit-path.server";
import { notifyUsers } from "./notify.server";

export type GateDecisionResult =
  | { ok: true; decisionId: string; next: IdeaPosition; isOverride: boolean }
  | { ok: false; reason: "not_found" | "merged" | "conflict" | "no_such_move" | "not_allowed" | "motivation_required" }
  | { ok: false; reason: "requirements_unmet"; unmet: GateRequirement[] };

/**
 * Records a gate decision and moves the idea, only if nobody changed the idea since `expectedVersion`
 * and the stage machine allows this person this move with its gate met. The decision row (immutable),
 * the stage change, the timeline event, the audit row and the notifications to the submitter and
 * every follower are written in one transaction: all or nothing.
 */
export interface GateDecisionInput {
  actor: Actor & { name: string };
  ideaId: string;
  transitionId: string;
  motivation: string;
  meetingReference: string | null;
  expectedVersion: number;
  now: Date;
  ipAddress: string | null;
}

export async function decideGate(db: Kysely<Database>, input: GateDecisionInput): Promise<GateDecisionResult> {
  return db.transaction().execute((trx) => decideGateWithin(trx, input));
}

/**
 * The same, as part of a transaction the caller already holds (e.g. adopting a good example creates
 * the idea and moves it into bedömning in one transaction). The caller commits or rolls back.
 */
export async function decideGateWithin(trx: Transaction<Database>, input: GateDecisionInput): Promise<GateDecisionResult> {
  const idea = await trx
    .selectFrom("ideas")
    .select(["id", "reference", "title", "stage", "outcome", "version", "unit_id", "submitter_id", "submitted_at", "merged_into_id"])
    .where("id", "=", input.ideaId)
    .forUpdate()
    .executeTakeFirst();
  if (!idea || idea.submitted_at === null) return { ok: false, reason: "not_found" };
  if (idea.version !== input.expectedVersion) return { ok: false, reason: "conflict" };
  if (idea.merged_into_id !== null) return { ok: false, reason: "merged" };

  const unitPath = await unitPathOf(trx, idea.unit_id);
  const plan = planGateDecision({
    position: { stage: idea.stage, outcome: idea.outcome },
    transitionId: input.transitionId,
    person: {
      coversUnit: coversUnit(input.actor, { unitPath }),
      isSteering: input.actor.roles.includes("styrgrupp"),
      isAdmin: input.actor.roles.includes("administrator"),
    },
    evidence: await gatherGateEvidence(trx, idea.id),
    motivation: input.motivation,
  });
  if (!plan.ok) return plan;

  const motivation = input.motivation.trim();
  // The decision names the business case as it stands now; later edits make new versions.
  const caseVersion = await trx.selectFrom("business_case_versions")
    .select((eb) => eb.fn.max("version").as("version")).where("idea_id", "=", idea.id).executeTakeFirst();
  const { id: decisionId } = await trx
    .insertInto("gate_decisions")
    .values({
      idea_id: idea.id,
      from_stage: idea.stage,
      to_stage: plan.next.stage,
      outcome: plan.next.outcome,
      motivation,
      meeting_reference: input.meetingReference?.trim() || null,
      decided_by: input.actor.id,
      decided_at: input.now,
      idea_version: idea.version,
      is_override: plan.isOverride,
      business_case_version: caseVersion?.version ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const moved = await trx
    .updateTable("ideas")
    .set((eb) => ({
      stage: plan.next.stage, outcome: plan.next.outcome, stage_changed_at: input.now, version: eb("version", "+", 1),
    }))
    .where("id", "=", idea.id)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  // The row is locked, so this cannot miss; if it ever did, the whole decision rolls back.
  if (Number(moved.numUpdatedRows) !== 1) throw new Error(`Idea ${idea.id} changed under its lock`);

  const payload = {
    decisionId, transition: plan.transition.id, fromStage: idea.stage, fromOutcome: idea.outcome,
    toStage: plan.next.stage, outcome: plan.next.outcome,
  };
  await recordIdeaEvent(trx, { ideaId: idea.id, kind: "stage_changed", actorId: input.actor.id, payload, at: input.now });
  await writeAudit(trx, {
    actorId: input.actor.id, action: "gate_decision.recorded", entityType: "idea", entityId: idea.id,
    details: {
      ...payload, reference: idea.reference, motivation, meetingReference: input.meetingReference?.trim() || null,
      isOverride: plan.isOverride, ideaVersion: idea.version, businessCaseVersion: caseVersion?.version ?? null,
    },
    ipAddress: input.ipAddress,
  });

  const messages = messagesFor("sv");
  const stageName = messages.stages[plan.next.stage].name +
    (plan.next.outcome ? ` (${messages.vocabulary.outcomes[plan.next.outcome]})` : "");
  await notifyUsers(trx, {
    userIds: [idea.submitter_id, ...(await followerIds(trx, idea.id))],
    exceptUserId: input.actor.id,
    ideaId: idea.id,
    kind: "gate_decision",
    title: messages.gates.notifications.decided(idea.reference ?? "", idea.title, stageName),
    body: messages.gates.notifications.decidedBody(input.actor.name, motivation),
    now: input.now,
  });
  return { ok: true, decisionId, next: plan.next, isOverride: plan.isOverride };
}
