import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import {
  flaggedAtSubmission, protectionLevel, type ScreeningAnswers, type SubmissionAnswers,
} from "~/domain/security-screening";
import type { SecurityLevel } from "~/domain/vocabulary";

type Db = Kysely<Database>;

/** A saved screening as the page shows it. */
export interface SavedScreening {
  answers: ScreeningAnswers;
  notes: string;
  version: number;
  completedAt: Date | null;
  completedByName: string | null;
  updatedAt: Date;
  updatedByName: string;
}

const level = (v: number | null) => v as SecurityLevel | null;

export async function findScreening(db: Db, ideaId: string): Promise<SavedScreening | undefined> {
  return (await findScreenings(db, [ideaId])).get(ideaId);
}

/** The columns a SavedScreening is read from (security_screenings as s, users as updater and completer). */
const SCREENING_COLUMNS = [
  "s.confidentiality", "s.integrity", "s.availability", "s.handles_personal_data", "s.handles_sensitive_personal_data",
  "s.dpia_needed", "s.information_owner", "s.notes", "s.version", "s.completed_at", "s.updated_at",
  "updater.name as updatedByName", "completer.name as completedByName",
] as const;

function screeningsQuery(db: Db) {
  return db
    .selectFrom("security_screenings as s")
    .innerJoin("users as updater", "updater.id", "s.updated_by")
    .leftJoin("users as completer", "completer.id", "s.completed_by")
    .select(["s.idea_id", ...SCREENING_COLUMNS]);
}

type ScreeningRow = Awaited<ReturnType<ReturnType<typeof screeningsQuery>["executeTakeFirstOrThrow"]>>;
const savedScreeningOf = (row: Omit<ScreeningRow, "idea_id">): SavedScreening => ({
  answers: {
    confidentiality: level(row.confidentiality),
    integrity: level(row.integrity),
    availability: level(row.availability),
    handlesPersonalData: row.handles_personal_data,
    handlesSensitivePersonalData: row.handles_sensitive_personal_data,
    dpiaNeeded: row.dpia_needed,
    informationOwner: row.information_owner,
  },
  notes: row.notes,
  version: row.version,
  completedAt: row.completed_at,
  completedByName: row.completedByName,
  updatedAt: row.updated_at,
  updatedByName: row.updatedByName,
});

/** The saved screenings of these ideas by idea id (an idea without one is absent), in one query. */
export async function findScreenings(db: Db, ideaIds: readonly string[]): Promise<Map<string, SavedScreening>> {
  if (ideaIds.length === 0) return new Map();
  const rows = await screeningsQuery(db).where(sql<boolean>`s.idea_id = any(${[...new Set(ideaIds)]}::uuid[])`).execute();
  return new Map(rows.map((row) => [row.idea_id, savedScreeningOf(row)]));
}

/** The submission answers on ideas as i (aliased apart from a screening's own answers). */
const SUBMISSION_COLUMNS = [
  "i.handles_personal_data as submitted_handles_personal_data",
  "i.handles_sensitive_personal_data as submitted_handles_sensitive_personal_data",
  "i.information_owner as submitted_information_owner",
] as const;

const submissionAnswersOfRow = (row: {
  submitted_handles_personal_data: boolean | null; submitted_handles_sensitive_personal_data: boolean | null;
  submitted_information_owner: string | null;
}): SubmissionAnswers => ({
  handlesPersonalData: row.submitted_handles_personal_data,
  handlesSensitivePersonalData: row.submitted_handles_sensitive_personal_data,
  informationOwner: row.submitted_information_owner,
});

const columnsOf = (answers: ScreeningAnswers, notes: string) => ({
  confidentiality: answers.confidentiality,
  integrity: answers.integrity,
  availability: answers.availability,
  handles_personal_data: answers.handlesPersonalData,
  handles_sensitive_personal_data: answers.handlesSensitivePersonalData,
  dpia_needed: answers.dpiaNeeded,
  information_owner: answers.informationOwner,
  notes,
});

/** The first save of an idea's screening; false when someone else saved one first. */
export async function insertScreening(
  db: Db,
  input: { ideaId: string; answers: ScreeningAnswers; notes: string; userId: string; completedAt: Date | null; now: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto("security_screenings")
    .values({
      idea_id: input.ideaId,
      ...columnsOf(input.answers, input.notes),
      completed_at: input.completedAt,
      completed_by: input.completedAt ? input.userId : null,
      updated_by: input.userId,
      created_at: input.now,
    })
    .onConflict((oc) => oc.column("idea_id").doNothing())
    .returning("idea_id")
    .executeTakeFirst();
  return inserted !== undefined;
}

/** A later save, only over `expectedVersion`; false when the screening has changed since. */
export async function updateScreening(
  db: Db,
  input: {
    ideaId: string; expectedVersion: number; answers: ScreeningAnswers; notes: string; userId: string;
    completedAt: Date | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("security_screenings")
    .set((eb) => ({
      ...columnsOf(input.answers, input.notes),
      completed_at: input.completedAt,
      completed_by: input.completedAt ? input.userId : null,
      updated_by: input.userId,
      version: eb("version", "+", 1),
    }))
    .where("idea_id", "=", input.ideaId)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The version and completion of the saved screening, locked for the rest of the transaction. */
export async function lockScreening(db: Db, ideaId: string) {
  return db.selectFrom("security_screenings").select(["version", "completed_at"])
    .where("idea_id", "=", ideaId).forUpdate().executeTakeFirst();
}

export type ScreeningStatus = "not_started" | "draft" | "completed";

/** The screening in brief, for the idea page and the steering-group agenda. */
export interface ScreeningSummary {
  status: ScreeningStatus;
  /** The submitter said personal data, sensitive personal data, or did not know. */
  flaggedAtSubmission: boolean;
  /** False when the answers below were left out (the viewer may not read the screening). */
  details: boolean;
  confidentiality: SecurityLevel | null;
  integrity: SecurityLevel | null;
  availability: SecurityLevel | null;
  protectionLevel: SecurityLevel | null;
  handlesPersonalData: boolean | null;
  handlesSensitivePersonalData: boolean | null;
  dpiaNeeded: boolean | null;
  informationOwner: string | null;
  completedAt: Date | null;
  completedByName: string | null;
}

/**
 * Loader helper: the screening summary of one idea. The status alone is not sensitive; the levels,
 * personal-data answers and information owner are sent only with `details: true`, which the caller
 * passes when `mayReadScreening(user, resource)` (app/domain/security-screening.ts) says so.
 */
export async function screeningSummaryFor(db: Db, ideaId: string, access: { details: boolean }): Promise<ScreeningSummary> {
  // One query (the submission answers joined to the saved screening), as for the agenda.
  return (await screeningSummariesFor(db, [ideaId], () => access.details)).get(ideaId)!;
}

/**
 * The screening summaries of these ideas by idea id, in one query whatever their number (the
 * steering-group agenda): each idea's submission answers with its saved screening, if any.
 * `detailsFor(ideaId)` is what `access.details` is to screeningSummaryFor. Throws when an id names
 * no idea, as screeningSummaryFor does.
 */
export async function screeningSummariesFor(
  db: Db, ideaIds: readonly string[], detailsFor: (ideaId: string) => boolean,
): Promise<Map<string, ScreeningSummary>> {
  const summaries = new Map<string, ScreeningSummary>();
  if (ideaIds.length === 0) return summaries;
  // updated_by is a not-null reference to users: the left join to updater matches whenever s does.
  const rows = await db
    .selectFrom("ideas as i")
    .leftJoin("security_screenings as s", "s.idea_id", "i.id")
    .leftJoin("users as updater", "updater.id", "s.updated_by")
    .leftJoin("users as completer", "completer.id", "s.completed_by")
    .select(["i.id", ...SUBMISSION_COLUMNS, "s.idea_id as screened_idea_id", ...SCREENING_COLUMNS])
    .where(sql<boolean>`i.id = any(${[...new Set(ideaIds)]}::uuid[])`)
    .execute();
  const rowOf = new Map(rows.map((row) => [row.id, row]));
  for (const ideaId of ideaIds) {
    const row = rowOf.get(ideaId);
    if (!row) throw new Error(`screeningSummariesFor: no idea ${ideaId}`);
    // With a screening row, its columns hold what findScreenings reads (the left joins only widen the types).
    const saved = row.screened_idea_id === null ? undefined : savedScreeningOf(row as unknown as ScreeningRow);
    summaries.set(ideaId, screeningSummaryOf(submissionAnswersOfRow(row), saved, detailsFor(ideaId)));
  }
  return summaries;
}

function screeningSummaryOf(submission: SubmissionAnswers, saved: SavedScreening | undefined, details: boolean): ScreeningSummary {
  const a = details ? saved?.answers : undefined;
  return {
    status: !saved ? "not_started" : saved.completedAt ? "completed" : "draft",
    flaggedAtSubmission: flaggedAtSubmission(submission),
    details,
    confidentiality: a?.confidentiality ?? null,
    integrity: a?.integrity ?? null,
    availability: a?.availability ?? null,
    protectionLevel: a ? protectionLevel(a) : null,
    handlesPersonalData: a?.handlesPersonalData ?? null,
    handlesSensitivePersonalData: a?.handlesSensitivePersonalData ?? null,
    dpiaNeeded: a?.dpiaNeeded ?? null,
    informationOwner: a?.informationOwner ?? null,
    completedAt: saved?.completedAt ?? null,
    completedByName: saved?.completedByName ?? null,
  };
}
