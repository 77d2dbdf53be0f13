import type { Kysely } from "kysely";
import type { Database, IndicatorOutcome } from "../../db/schema";
import { type Actor, can, type IdeaResource } from "~/domain/permissions";
import { evaluationRefusal, planChanged, planEditRefusal, planGaps } from "~/domain/pilot";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followerIds } from "~/models/idea-followers.server";
import {
  countActiveUnits, findPilotPlan, insertPilotEvaluation, insertPilotPlan, isPilotOwnerCandidate, listPilotEvaluations,
  lockPilotPlan, pilotOwnerCandidates, pilotUnitChoices, replacePilotIndicators, replacePilotPlanUnits, updatePilotPlanIfVersion,
} from "~/models/pilots.server";
import { unitPathOf } from "~/models/unit-path.server";
import type { EvaluationInput, PlanInput } from "~/schemas/pilot";
import { notifyUsers } from "./notify.server";

type Db = Kysely<Database>;
type Refused = "not_found" | "not_allowed" | "merged" | "stage" | "no_plan" | "conflict";

/**
 * The idea, share-locked for the transaction: a gate decision (which locks it for update) waits until
 * the plan or evaluation is saved, so nobody plans or evaluates against a stage that just changed.
 */
async function lockIdea(trx: Db, ideaId: string) {
  const idea = await trx.selectFrom("ideas")
    .select(["id", "reference", "title", "stage", "outcome", "unit_id", "submitter_id", "owner_id", "submitted_at", "merged_into_id"])
    .where("id", "=", ideaId).forShare().executeTakeFirst();
  return idea && idea.submitted_at !== null ? idea : undefined;
}

async function resourceOf(trx: Db, idea: NonNullable<Awaited<ReturnType<typeof lockIdea>>>, pilotOwnerId: string | null): Promise<IdeaResource> {
  return {
    unitPath: await unitPathOf(trx, idea.unit_id), submitterId: idea.submitter_id, stage: idea.stage, outcome: idea.outcome,
    ownerId: idea.owner_id, pilotOwnerId,
  };
}

export type PlanSaveResult =
  | { ok: true; created: boolean; changed: boolean; version: number }
  | { ok: false; reason: Exclude<Refused, "no_plan"> | "incomplete" | "owner_invalid" | "unit_invalid" };

/**
 * Saves the idea's pilot plan (goal, period, owner, units, indicators) if nobody saved it since
 * `expectedVersion` (0 = there was no plan). Plan, units, indicators, the timeline event and the audit
 * row are written in one transaction; saving an unchanged plan writes nothing.
 */
export async function savePilotPlan(db: Db, input: {
  actor: Actor; ideaId: string; expectedVersion: number; plan: PlanInput; now: Date; ipAddress: string | null;
}): Promise<PlanSaveResult> {
  return db.transaction().execute(async (trx): Promise<PlanSaveResult> => {
    const idea = await lockIdea(trx, input.ideaId);
    if (!idea) return { ok: false, reason: "not_found" };
    const locked = await lockPilotPlan(trx, idea.id);
    const current = locked ? await findPilotPlan(trx, idea.id) : null;
    if (!can(input.actor, "idea.plan_pilot", await resourceOf(trx, idea, current?.ownerId ?? null))) return { ok: false, reason: "not_allowed" };
    const refusal = planEditRefusal({ stage: idea.stage, merged: idea.merged_into_id !== null });
    if (refusal) return { ok: false, reason: refusal };
    if ((locked?.version ?? 0) !== input.expectedVersion) return { ok: false, reason: "conflict" };

    const { plan } = input;
    // The form's schema says this field by field; the rule itself is the domain's.
    if (planGaps(plan).length > 0) return { ok: false, reason: "incomplete" };
    if (!(await isPilotOwnerCandidate(trx, plan.ownerId))) return { ok: false, reason: "owner_invalid" };
    // A unit already in the plan that has since been deactivated may stay; every new one must be active.
    const kept = new Set(current?.units.map((u) => u.id) ?? []);
    const added = plan.unitIds.filter((id) => !kept.has(id));
    if ((await countActiveUnits(trx, added)) !== added.length) return { ok: false, reason: "unit_invalid" };
    const content = { ...plan, goal: plan.goal.trim() };
    if (current && !planChanged({ ...current, unitIds: current.units.map((u) => u.id) }, content)) {
      return { ok: true, created: false, changed: false, version: current.version };
    }

    const row = { goal: content.goal, startsOn: plan.startsOn, endsOn: plan.endsOn, ownerId: plan.ownerId, updatedBy: input.actor.id };
    let version: number;
    if (!locked) {
      if (!(await insertPilotPlan(trx, idea.id, row))) return { ok: false, reason: "conflict" };
      version = 1;
    } else {
      const updated = await updatePilotPlanIfVersion(trx, idea.id, input.expectedVersion, row);
      // The row is locked, so this cannot miss; if it ever did, nothing is saved.
      if (updated === null) throw new Error(`Pilot plan of ${idea.id} changed under its lock`);
      version = updated;
    }
    await replacePilotPlanUnits(trx, idea.id, plan.unitIds);
    await replacePilotIndicators(trx, idea.id, plan.indicators);

    const created = !locked;
    await recordIdeaEvent(trx, {
      ideaId: idea.id, kind: "pilot_planned", actorId: input.actor.id, at: input.now,
      payload: { version, created, startsOn: plan.startsOn, endsOn: plan.endsOn },
    });
    await writeAudit(trx, {
      actorId: input.actor.id, action: "pilot_plan.saved", entityType: "idea", entityId: idea.id, ipAddress: input.ipAddress,
      details: {
        reference: idea.reference, version, created, startsOn: plan.startsOn, endsOn: plan.endsOn, ownerId: plan.ownerId,
        unitIds: plan.unitIds, indicators: plan.indicators.length,
      },
    });
    return { ok: true, created, changed: true, version };
  });
}

export type EvaluationResult = { ok: true; evaluationId: string } | { ok: false; reason: Refused };

/**
 * Records a pilot evaluation (immutable): the outcome of each indicator of the plan as it is now,
 * the verdict, a summary and the lessons learned. Only while the idea is in pilot, with a plan, and
 * only against the plan version the outcomes were measured for. Writes the timeline event and the
 * audit row and tells the idea's followers, in one transaction.
 */
export async function evaluatePilot(db: Db, input: {
  actor: Actor & { name: string }; ideaId: string; expectedPlanVersion: number; evaluation: EvaluationInput;
  now: Date; ipAddress: string | null;
}): Promise<EvaluationResult> {
  return db.transaction().execute(async (trx): Promise<EvaluationResult> => {
    const idea = await lockIdea(trx, input.ideaId);
    if (!idea) return { ok: false, reason: "not_found" };
    const locked = await lockPilotPlan(trx, idea.id);
    const plan = locked ? await findPilotPlan(trx, idea.id) : null;
    if (!can(input.actor, "idea.evaluate_pilot", await resourceOf(trx, idea, plan?.ownerId ?? null))) return { ok: false, reason: "not_allowed" };
    const refusal = evaluationRefusal({ stage: idea.stage, merged: idea.merged_into_id !== null, hasPlan: plan !== null });
    if (refusal || !plan) return { ok: false, reason: refusal ?? "no_plan" };
    if (plan.version !== input.expectedPlanVersion) return { ok: false, reason: "conflict" };

    const { evaluation } = input;
    const byId = new Map(evaluation.outcomes.map((o) => [o.indicatorId, o]));
    if (byId.size !== plan.indicators.length || plan.indicators.some((i) => !byId.has(i.id))) return { ok: false, reason: "conflict" };
    // A snapshot of each indicator as planned: the evaluation stays readable whatever the plan becomes.
    const outcomes: IndicatorOutcome[] = plan.indicators.map((indicator) => {
      const measured = byId.get(indicator.id)!;
      return {
        indicatorId: indicator.id, name: indicator.name, measureUnit: indicator.measureUnit, baseline: indicator.baseline,
        target: indicator.target, outcome: measured.value, comment: measured.comment,
      };
    });
    const summary = evaluation.summary.trim();
    const evaluationId = await insertPilotEvaluation(trx, {
      ideaId: idea.id, verdict: evaluation.verdict, summary, lessonsLearned: evaluation.lessonsLearned.trim(), outcomes,
      evaluatedBy: input.actor.id, evaluatedAt: input.now,
    });
    await recordIdeaEvent(trx, {
      ideaId: idea.id, kind: "pilot_evaluated", actorId: input.actor.id, at: input.now, payload: { evaluationId, verdict: evaluation.verdict },
    });
    await writeAudit(trx, {
      actorId: input.actor.id, action: "pilot.evaluated", entityType: "idea", entityId: idea.id, ipAddress: input.ipAddress,
      details: {
        reference: idea.reference, evaluationId, verdict: evaluation.verdict, planVersion: plan.version,
        outcomes: outcomes.map((o) => ({ indicatorId: o.indicatorId, outcome: o.outcome })),
      },
    });
    const t = messagesFor("sv").pilot;
    await notifyUsers(trx, {
      userIds: await followerIds(trx, idea.id),
      exceptUserId: input.actor.id,
      ideaId: idea.id,
      kind: "pilot_evaluated",
      title: t.notifications.evaluated(idea.reference ?? "", idea.title, t.verdicts[evaluation.verdict]),
      body: t.notifications.evaluatedBody(input.actor.name, summary),
      now: input.now,
    });
    return { ok: true, evaluationId };
  });
}

/**
 * What /ideas/<id>/pilot shows this person: the plan, the evaluations, and – when they may change
 * something now – what the forms need (owners and units to choose from), or why they may not.
 */
export async function pilotPageFor(db: Db, input: {
  actor: Actor; resource: IdeaResource; idea: { id: string; stage: IdeaResource["stage"]; merged: boolean };
}) {
  const { actor, resource, idea } = input;
  const [plan, evaluations] = [await findPilotPlan(db, idea.id), await listPilotEvaluations(db, idea.id)];
  const mayPlan = can(actor, "idea.plan_pilot", resource);
  const mayEvaluate = can(actor, "idea.evaluate_pilot", resource);
  const planRefusal = mayPlan ? planEditRefusal(idea) : null;
  const evaluateRefusal = mayEvaluate ? evaluationRefusal({ ...idea, hasPlan: plan !== null }) : null;
  const canPlan = mayPlan && planRefusal === null;
  return {
    plan,
    evaluations,
    mayPlan,
    mayEvaluate,
    canPlan,
    canEvaluate: mayEvaluate && evaluateRefusal === null,
    planRefusal,
    evaluateRefusal,
    owners: canPlan ? await pilotOwnerCandidates(db) : [],
    // A new plan starts with the idea's own unit chosen, so it is always among the checkboxes.
    units: canPlan
      ? await pilotUnitChoices(db, resource.unitPath[0]!, plan ? plan.units.map((u) => u.id) : resource.unitPath.slice(-1))
      : { checkboxes: [], others: [] },
  };
}
export type PilotPage = Awaited<ReturnType<typeof pilotPageFor>>;
