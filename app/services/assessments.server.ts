import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { isScoreStep, missingCriteria, weightedScore, weightShares } from "~/domain/assessment-score";
import { type Actor, can, type IdeaResource } from "~/domain/permissions";
import type { Stage } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { listCriteria } from "~/models/assessment-criteria.server";
import {
  ASSESSABLE_STAGES, deleteAssignment, findAssessablePerson, findOwnAssessment, ideaAssessmentResultFor, insertAssessment,
  insertAssignment, listAssessablePeople, listAssignments, replaceScores, type ScoreRow, updateAssessmentIfVersion,
} from "~/models/assessments.server";
import { writeAudit } from "~/models/audit-log.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followIdea } from "~/models/idea-followers.server";
import { notifyUsers } from "./notify.server";

// Assessments are written while the idea is inskickad or in bedömning. A completed assessment stays
// editable by its assessor until then: "Markera som klar" saves the changes and keeps it complete;
// "Spara utkast" reopens it (it stops counting until completed again). Once the idea has moved on, the
// assessments are the record behind the gate decision and cannot change.

type LockedIdea = { id: string; reference: string | null; title: string };
type IdeaRefusal = { ok: false; reason: "not_found" | "not_editable" };

/** Locks the idea against a concurrent stage move (a gate decision takes it FOR UPDATE) and checks it is open. */
async function openIdea(trx: Transaction<Database>, ideaId: string): Promise<LockedIdea | IdeaRefusal> {
  const idea = await trx.selectFrom("ideas")
    .select(["id", "reference", "title", "stage", "submitted_at", "merged_into_id"])
    .where("id", "=", ideaId)
    .forShare()
    .executeTakeFirst();
  if (!idea || idea.submitted_at === null) return { ok: false, reason: "not_found" };
  if (!ASSESSABLE_STAGES.includes(idea.stage) || idea.merged_into_id !== null) return { ok: false, reason: "not_editable" };
  return { id: idea.id, reference: idea.reference, title: idea.title };
}
const refused = (value: LockedIdea | IdeaRefusal): value is IdeaRefusal => "ok" in value;

export type SaveAssessmentResult =
  | { ok: true; assessmentId: string; version: number; change: "draft_saved" | "completed" | "updated" | "reopened" }
  | { ok: false; reason: "not_found" | "not_editable" | "conflict" | "no_criteria" }
  | { ok: false; reason: "incomplete"; missing: { id: string; name: string }[] };

/**
 * Saves this person's assessment of the idea as a draft (any scores) or complete (every active
 * criterion scored), only if it is still at `expectedVersion` (0 = they had none). Scores for criteria
 * that are not active are ignored. Completing writes the audit row and the timeline event.
 */
export async function saveAssessment(
  db: Kysely<Database>,
  input: {
    actor: { id: string };
    ideaId: string;
    expectedVersion: number;
    complete: boolean;
    summary: string;
    privateNote: string;
    scores: readonly ScoreRow[];
    now: Date;
    ipAddress: string | null;
  },
): Promise<SaveAssessmentResult> {
  return db.transaction().execute(async (trx): Promise<SaveAssessmentResult> => {
    const idea = await openIdea(trx, input.ideaId);
    if (refused(idea)) return idea;
    const criteria = await listCriteria(trx, { includeInactive: false });
    if (input.complete && criteria.length === 0) return { ok: false, reason: "no_criteria" };
    const active = new Set(criteria.map((c) => c.id));
    const scores = input.scores.filter((s) => active.has(s.criterionId) && isScoreStep(s.score));
    if (input.complete) {
      const missing = missingCriteria(scores, criteria);
      if (missing.length) {
        return { ok: false, reason: "incomplete", missing: criteria.filter((c) => missing.includes(c.id)).map((c) => ({ id: c.id, name: c.name })) };
      }
    }

    const existing = await findOwnAssessment(trx, idea.id, input.actor.id);
    const wasCompleted = existing?.completedAt != null;
    // Completing again keeps the first completion time; a draft has none.
    const completedAt = input.complete ? (existing?.completedAt ?? input.now) : null;
    const fields = { summary: input.summary, privateNote: input.privateNote, completedAt };
    let saved: { id: string; version: number } | null;
    if (input.expectedVersion === 0) {
      saved = existing ? null : await insertAssessment(trx, { ideaId: idea.id, assessorId: input.actor.id, ...fields });
    } else {
      const updated = existing && existing.version === input.expectedVersion
        ? await updateAssessmentIfVersion(trx, { id: existing.id, expectedVersion: input.expectedVersion, ...fields })
        : null;
      saved = updated && existing ? { id: existing.id, version: updated.version } : null;
    }
    if (!saved) return { ok: false, reason: "conflict" };
    await replaceScores(trx, { assessmentId: saved.id, criterionIds: [...active], scores });

    const change = input.complete ? (wasCompleted ? "updated" : "completed") : (wasCompleted ? "reopened" : "draft_saved");
    const details = { assessmentId: saved.id, reference: idea.reference, weightedScore: weightedScore(scores, criteria) };
    const audit = (action: string) => writeAudit(trx, {
      actorId: input.actor.id, action, entityType: "idea", entityId: idea.id, details, ipAddress: input.ipAddress,
    });
    if (change === "completed") {
      await recordIdeaEvent(trx, {
        ideaId: idea.id, kind: "assessment_completed", actorId: input.actor.id, payload: { assessmentId: saved.id }, at: input.now,
      });
      await audit("assessment.completed");
    } else if (change === "updated") {
      await audit("assessment.updated");
    } else if (change === "reopened") {
      await audit("assessment.reopened");
    }
    // A draft is the assessor's own work in progress: nothing is recorded until it counts.
    return { ok: true, assessmentId: saved.id, version: saved.version, change };
  });
}

export type AssignmentResult = { ok: true; changed: boolean } | { ok: false; reason: "not_found" | "not_editable" | "not_assessable" };

/**
 * Asks a person to assess the idea: the assignment, a timeline event, the audit row, the person follows
 * the idea and gets a notification – in one transaction. The caller has checked "idea.assign_assessors".
 */
export async function assignAssessor(
  db: Kysely<Database>,
  input: { actor: { id: string; name: string }; ideaId: string; assessorId: string; now: Date; ipAddress: string | null },
): Promise<AssignmentResult> {
  return db.transaction().execute(async (trx): Promise<AssignmentResult> => {
    const idea = await openIdea(trx, input.ideaId);
    if (refused(idea)) return idea;
    const person = await findAssessablePerson(trx, input.assessorId);
    if (!person) return { ok: false, reason: "not_assessable" };
    if (!(await insertAssignment(trx, { ideaId: idea.id, assessorId: person.id, assignedBy: input.actor.id, at: input.now }))) {
      return { ok: true, changed: false };
    }
    const assessorIds = [person.id];
    await recordIdeaEvent(trx, { ideaId: idea.id, kind: "assessors_assigned", actorId: input.actor.id, payload: { assessorIds }, at: input.now });
    await writeAudit(trx, {
      actorId: input.actor.id, action: "assessment.assessors_assigned", entityType: "idea", entityId: idea.id,
      details: { assessorIds, reference: idea.reference }, ipAddress: input.ipAddress,
    });
    await followIdea(trx, idea.id, person.id);
    const t = messagesFor("sv").assessment.notifications;
    await notifyUsers(trx, {
      userIds: [person.id], exceptUserId: input.actor.id, ideaId: idea.id, kind: "assessor_assigned", now: input.now,
      title: t.assigned(idea.reference ?? "", idea.title), body: t.assignedBody(input.actor.name),
    });
    return { ok: true, changed: true };
  });
}

/**
 * Takes a person off the idea's assessors (audit row only: the timeline shows who was asked, and the
 * person's assessment – draft or complete – stays as it is).
 */
export async function unassignAssessor(
  db: Kysely<Database>,
  input: { actor: { id: string }; ideaId: string; assessorId: string; now: Date; ipAddress: string | null },
): Promise<AssignmentResult> {
  return db.transaction().execute(async (trx): Promise<AssignmentResult> => {
    const idea = await openIdea(trx, input.ideaId);
    if (refused(idea)) return idea;
    if (!(await deleteAssignment(trx, idea.id, input.assessorId))) return { ok: true, changed: false };
    await writeAudit(trx, {
      actorId: input.actor.id, action: "assessment.assessor_unassigned", entityType: "idea", entityId: idea.id,
      details: { assessorId: input.assessorId, reference: idea.reference }, ipAddress: input.ipAddress,
    });
    return { ok: true, changed: true };
  });
}

/**
 * Everything /ideas/<id>/bedomning shows this person: the active criteria with their guidance, the
 * result over the completed assessments (scores, comments and summaries – never anyone's private
 * note), the assessors, and – if they may assess – their own assessment with their private note.
 * The caller has checked "idea.view_assessments".
 */
export async function assessmentPageFor(
  db: Kysely<Database>,
  input: {
    actor: Actor;
    resource: IdeaResource;
    idea: { id: string; reference: string | null; title: string; stage: Stage; unitName: string; merged_into_id: string | null };
  },
) {
  const { actor, resource, idea } = input;
  const editable = ASSESSABLE_STAGES.includes(idea.stage) && idea.merged_into_id === null;
  const canAssess = can(actor, "idea.assess", resource);
  const canAssign = can(actor, "idea.assign_assessors", resource);
  const [{ criteria: allCriteria, completed, result }, assignments, mine, people] = await Promise.all([
    ideaAssessmentResultFor(db, idea.id),
    listAssignments(db, idea.id),
    canAssess ? findOwnAssessment(db, idea.id, actor.id) : Promise.resolve(undefined),
    canAssign && editable ? listAssessablePeople(db) : Promise.resolve([]),
  ]);
  const shares = weightShares(allCriteria);
  const criteria = allCriteria.filter((c) => c.active).map((c) => ({
    id: c.id, name: c.name, nameEn: c.nameEn, description: c.description, weight: c.weight, share: shares.get(c.id) ?? 0,
    guidance: c.guidance,
  }));
  return {
    idea: {
      id: idea.id, reference: idea.reference ?? "", title: idea.title, stage: idea.stage, unitName: idea.unitName,
      merged: idea.merged_into_id !== null, editable,
    },
    userId: actor.id,
    criteria,
    result,
    completed,
    assignments,
    people: people.filter((p) => !assignments.some((a) => a.assessorId === p.id)),
    canAssess,
    canAssign,
    mine: mine ?? null,
  };
}
export type AssessmentPage = Awaited<ReturnType<typeof assessmentPageFor>>;
