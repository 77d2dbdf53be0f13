import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  type AssessmentSummary, type IdeaAssessmentResult, ideaAssessmentResult, weightedScore,
} from "~/domain/assessment-score";
import type { Role, Stage } from "~/domain/vocabulary";
import { listCriteria } from "./assessment-criteria.server";

type Db = Kysely<Database>;

/** Stages in which assessments may be written, changed and assigned; later they are a record. */
export const ASSESSABLE_STAGES: readonly Stage[] = ["inskickad", "bedomning"];

/** People who may be asked to assess: active users with one of these roles. */
export const ASSESSOR_ROLES: readonly Role[] = ["kontaktperson", "styrgrupp", "administrator"];

/** The most people the assignment list offers (the roles above are a few hundred at most in the city). */
const ASSESSABLE_LIST_LIMIT = 500;

export interface ScoreRow {
  criterionId: string;
  score: number;
  comment: string;
}

async function scoresOf(db: Db, assessmentIds: readonly string[]): Promise<Map<string, ScoreRow[]>> {
  const byAssessment = new Map<string, ScoreRow[]>(assessmentIds.map((id) => [id, []]));
  if (assessmentIds.length === 0) return byAssessment;
  const rows = await db.selectFrom("assessment_scores")
    .select(["assessment_id", "criterion_id as criterionId", "score", "comment"])
    .where("assessment_id", "in", [...assessmentIds])
    .orderBy("assessment_id").orderBy("criterion_id")
    .execute();
  for (const { assessment_id, ...score } of rows) byAssessment.get(assessment_id)?.push(score);
  return byAssessment;
}

// ---------------------------------------------------------------------------------------------------
// One person's own assessment (with the private note: only ever for that person)

export interface OwnAssessment {
  id: string;
  version: number;
  summary: string;
  privateNote: string;
  completedAt: Date | null;
  updatedAt: Date;
  scores: ScoreRow[];
}

export async function findOwnAssessment(db: Db, ideaId: string, assessorId: string): Promise<OwnAssessment | undefined> {
  const row = await db.selectFrom("assessments")
    .select(["id", "version", "summary", "private_note as privateNote", "completed_at as completedAt", "updated_at as updatedAt"])
    .where("idea_id", "=", ideaId).where("assessor_id", "=", assessorId)
    .executeTakeFirst();
  if (!row) return undefined;
  return { ...row, scores: (await scoresOf(db, [row.id])).get(row.id) ?? [] };
}

/** A new assessment; null when this person already has one (created meanwhile: a conflict). */
export async function insertAssessment(
  db: Db, input: { ideaId: string; assessorId: string; summary: string; privateNote: string; completedAt: Date | null },
): Promise<{ id: string; version: number } | null> {
  const row = await db.insertInto("assessments")
    .values({
      idea_id: input.ideaId, assessor_id: input.assessorId, summary: input.summary, private_note: input.privateNote,
      completed_at: input.completedAt,
    })
    .onConflict((oc) => oc.columns(["idea_id", "assessor_id"]).doNothing())
    .returning(["id", "version"])
    .executeTakeFirst();
  return row ?? null;
}

/** Saves the assessment only if nobody changed it since `expectedVersion`; null when someone did. */
export async function updateAssessmentIfVersion(
  db: Db, input: { id: string; expectedVersion: number; summary: string; privateNote: string; completedAt: Date | null },
): Promise<{ version: number } | null> {
  const row = await db.updateTable("assessments")
    .set((eb) => ({
      summary: input.summary, private_note: input.privateNote, completed_at: input.completedAt, version: eb("version", "+", 1),
    }))
    .where("id", "=", input.id).where("version", "=", input.expectedVersion)
    .returning("version")
    .executeTakeFirst();
  return row ?? null;
}

/**
 * Replaces the scores of the given (active) criteria. Scores of criteria not in the list – deactivated
 * ones – are kept as they were, so reactivating a criterion brings them back.
 */
export async function replaceScores(
  db: Db, input: { assessmentId: string; criterionIds: readonly string[]; scores: readonly ScoreRow[] },
): Promise<void> {
  if (input.criterionIds.length > 0) {
    await db.deleteFrom("assessment_scores")
      .where("assessment_id", "=", input.assessmentId).where("criterion_id", "in", [...input.criterionIds]).execute();
  }
  const allowed = new Set(input.criterionIds);
  const rows = input.scores.filter((s) => allowed.has(s.criterionId));
  if (rows.length === 0) return;
  await db.insertInto("assessment_scores")
    .values(rows.map((s) => ({ assessment_id: input.assessmentId, criterion_id: s.criterionId, score: s.score, comment: s.comment })))
    .execute();
}

// ---------------------------------------------------------------------------------------------------
// What everyone handling the idea sees (never a private note)

export interface SharedAssessment {
  id: string;
  assessorId: string;
  assessorName: string;
  summary: string;
  completedAt: Date;
  scores: ScoreRow[];
}

/** The idea's completed assessments, oldest first: scores, comments and summaries – no private notes. */
export async function listCompletedAssessments(db: Db, ideaId: string): Promise<SharedAssessment[]> {
  const rows = await db.selectFrom("assessments")
    .innerJoin("users", "users.id", "assessments.assessor_id")
    .select([
      "assessments.id", "assessments.assessor_id as assessorId", "users.name as assessorName", "assessments.summary",
      "assessments.completed_at as completedAt",
    ])
    .where("assessments.idea_id", "=", ideaId).where("assessments.completed_at", "is not", null)
    .orderBy("assessments.completed_at").orderBy("assessments.id")
    .limit(100)
    .execute();
  const scores = await scoresOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, completedAt: r.completedAt!, scores: scores.get(r.id) ?? [] }));
}

/** The idea's result over its completed assessments, with the criteria it was computed against. */
export async function ideaAssessmentResultFor(db: Db, ideaId: string) {
  const [criteria, completed] = await Promise.all([listCriteria(db, { includeInactive: true }), listCompletedAssessments(db, ideaId)]);
  const result: IdeaAssessmentResult = ideaAssessmentResult(completed.map((a) => ({ assessorId: a.assessorId, scores: a.scores })), criteria);
  return { criteria, completed, result };
}

export type { AssessmentSummary };

/** The small summary the idea page shows (plain data for AssessmentSummaryCard). */
export async function assessmentSummaryFor(db: Db, ideaId: string): Promise<AssessmentSummary> {
  const [{ result }, assigned] = await Promise.all([
    ideaAssessmentResultFor(db, ideaId),
    db.selectFrom("assessor_assignments").select((eb) => eb.fn.countAll<string>().as("n")).where("idea_id", "=", ideaId)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    ideaId, assessorCount: result.assessorCount, assignedCount: Number(assigned.n),
    weightedScore: result.weightedScore, spread: result.spread,
  };
}

// ---------------------------------------------------------------------------------------------------
// Assessor assignments

export type AssignmentStatus = "not_started" | "draft" | "completed";

export interface AssignmentRow {
  assessorId: string;
  name: string;
  unitName: string | null;
  assignedAt: Date;
  status: AssignmentStatus;
}

export async function listAssignments(db: Db, ideaId: string): Promise<AssignmentRow[]> {
  const rows = await db.selectFrom("assessor_assignments")
    .innerJoin("users", "users.id", "assessor_assignments.assessor_id")
    .leftJoin("units", "units.id", "users.unit_id")
    .leftJoin("assessments", (join) => join
      .onRef("assessments.idea_id", "=", "assessor_assignments.idea_id")
      .onRef("assessments.assessor_id", "=", "assessor_assignments.assessor_id"))
    .select([
      "assessor_assignments.assessor_id as assessorId", "users.name", "units.name as unitName",
      "assessor_assignments.assigned_at as assignedAt", "assessments.id as assessmentId", "assessments.completed_at as completedAt",
    ])
    .where("assessor_assignments.idea_id", "=", ideaId)
    .orderBy("assessor_assignments.assigned_at").orderBy("users.name").orderBy("assessor_assignments.assessor_id")
    .execute();
  return rows.map(({ assessmentId, completedAt, ...r }) => ({
    ...r, status: completedAt ? "completed" : assessmentId ? "draft" : "not_started",
  }));
}

const withAssessorRole = (db: Db) => db.selectFrom("users")
  .where("users.active", "=", true)
  .where((eb) => eb.exists(eb.selectFrom("user_roles").select("user_roles.user_id")
    .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "in", [...ASSESSOR_ROLES])));

/** Who may be asked to assess, by name (bounded). */
export async function listAssessablePeople(db: Db): Promise<{ id: string; name: string; unitName: string | null }[]> {
  return withAssessorRole(db)
    .leftJoin("units", "units.id", "users.unit_id")
    .select(["users.id", "users.name", "units.name as unitName"])
    .orderBy("users.name").orderBy("users.id")
    .limit(ASSESSABLE_LIST_LIMIT)
    .execute();
}

export async function findAssessablePerson(db: Db, userId: string): Promise<{ id: string; name: string } | undefined> {
  return withAssessorRole(db).select(["users.id", "users.name"]).where("users.id", "=", userId).executeTakeFirst();
}

/** True when the assignment was new. */
export async function insertAssignment(
  db: Db, input: { ideaId: string; assessorId: string; assignedBy: string; at: Date },
): Promise<boolean> {
  const row = await db.insertInto("assessor_assignments")
    .values({ idea_id: input.ideaId, assessor_id: input.assessorId, assigned_by: input.assignedBy, assigned_at: input.at })
    .onConflict((oc) => oc.columns(["idea_id", "assessor_id"]).doNothing())
    .returning("assessor_id")
    .executeTakeFirst();
  return row !== undefined;
}

/** True when there was such an assignment. The person's assessment, if any, stays. */
export async function deleteAssignment(db: Db, ideaId: string, assessorId: string): Promise<boolean> {
  const result = await db.deleteFrom("assessor_assignments")
    .where("idea_id", "=", ideaId).where("assessor_id", "=", assessorId).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

// ---------------------------------------------------------------------------------------------------
// A person's queue (/bedomningar)

export interface QueueRow {
  ideaId: string;
  reference: string | null;
  title: string;
  unitName: string;
  stage: Stage;
  assignedAt: Date;
  status: Exclude<AssignmentStatus, "completed">;
}

/**
 * Ideas this person is asked to assess and has not completed, oldest assignment first. Only ideas
 * still open for assessment (in inskickad or bedömning, not merged) wait for anyone.
 * Narrowed by assessor_assignments_assessor_idx.
 */
export async function assessmentQueue(
  db: Db, input: { userId: string; page: number; pageSize: number },
): Promise<{ rows: QueueRow[]; total: number }> {
  const base = db.selectFrom("assessor_assignments")
    .innerJoin("ideas", "ideas.id", "assessor_assignments.idea_id")
    .leftJoin("assessments", (join) => join
      .onRef("assessments.idea_id", "=", "assessor_assignments.idea_id")
      .onRef("assessments.assessor_id", "=", "assessor_assignments.assessor_id"))
    .where("assessor_assignments.assessor_id", "=", input.userId)
    .where("assessments.completed_at", "is", null)
    .where("ideas.stage", "in", [...ASSESSABLE_STAGES])
    .where("ideas.merged_into_id", "is", null)
    .where("ideas.submitted_at", "is not", null);
  const { total } = await base.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  if (Number(total) === 0) return { rows: [], total: 0 };
  const rows = await base
    .innerJoin("units", "units.id", "ideas.unit_id")
    .select([
      "ideas.id as ideaId", "ideas.reference", "ideas.title", "units.name as unitName", "ideas.stage",
      "assessor_assignments.assigned_at as assignedAt", "assessments.id as assessmentId",
    ])
    .orderBy("assessor_assignments.assigned_at").orderBy("ideas.id")
    .limit(input.pageSize).offset((input.page - 1) * input.pageSize)
    .execute();
  return {
    rows: rows.map(({ assessmentId, ...r }) => ({ ...r, status: assessmentId ? "draft" : "not_started" })),
    total: Number(total),
  };
}

export interface CompletedByMeRow {
  ideaId: string;
  reference: string | null;
  title: string;
  stage: Stage;
  completedAt: Date;
  weightedScore: number | null;
}

/** This person's most recently completed assessments, with their own weighted score. */
export async function recentlyCompletedBy(db: Db, userId: string, limit: number): Promise<CompletedByMeRow[]> {
  const rows = await db.selectFrom("assessments")
    .innerJoin("ideas", "ideas.id", "assessments.idea_id")
    .select([
      "assessments.id", "ideas.id as ideaId", "ideas.reference", "ideas.title", "ideas.stage",
      "assessments.completed_at as completedAt",
    ])
    .where("assessments.assessor_id", "=", userId).where("assessments.completed_at", "is not", null)
    .orderBy("assessments.completed_at", "desc").orderBy("assessments.id", "desc")
    .limit(limit)
    .execute();
  if (rows.length === 0) return [];
  const [criteria, scores] = await Promise.all([listCriteria(db, { includeInactive: true }), scoresOf(db, rows.map((r) => r.id))]);
  return rows.map(({ id, completedAt, ...r }) => ({
    ...r, completedAt: completedAt!, weightedScore: weightedScore(scores.get(id) ?? [], criteria),
  }));
}
