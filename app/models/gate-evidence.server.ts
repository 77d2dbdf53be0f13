import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { GateEvidence } from "~/domain/stage-machine";
import type { PilotVerdict } from "~/domain/vocabulary";

type Db = Kysely<Database>;

/**
 * Everything the stage machine needs to know about an idea's gates, one row per idea: owner,
 * completed assessments, business case lines, completed security screening, pilot plan with
 * indicators, and the verdict of the latest pilot evaluation.
 */
function gateEvidenceQuery(db: Db) {
  return db
    .selectFrom("ideas")
    .select((eb) => [
      "ideas.id",
      "ideas.owner_id",
      eb.selectFrom("assessments").select(eb.fn.countAll<number>().as("n"))
        .whereRef("assessments.idea_id", "=", "ideas.id").where("assessments.completed_at", "is not", null)
        .as("completedAssessments"),
      eb.exists(eb.selectFrom("business_case_lines").select("business_case_lines.id")
        .whereRef("business_case_lines.idea_id", "=", "ideas.id")).as("hasBusinessCase"),
      eb.exists(eb.selectFrom("security_screenings").select("security_screenings.idea_id")
        .whereRef("security_screenings.idea_id", "=", "ideas.id").where("security_screenings.completed_at", "is not", null))
        .as("securityScreeningCompleted"),
      eb.exists(eb.selectFrom("pilot_indicators").select("pilot_indicators.id")
        .whereRef("pilot_indicators.idea_id", "=", "ideas.id")).as("hasPilotPlan"),
      eb.selectFrom("pilot_evaluations").select("pilot_evaluations.verdict")
        .whereRef("pilot_evaluations.idea_id", "=", "ideas.id")
        .orderBy("pilot_evaluations.evaluated_at", "desc").orderBy(sql`pilot_evaluations.id`, "desc").limit(1)
        .as("latestPilotVerdict"),
    ]);
}

type GateEvidenceRow = Awaited<ReturnType<ReturnType<typeof gateEvidenceQuery>["executeTakeFirstOrThrow"]>>;
const toGateEvidence = (row: GateEvidenceRow): GateEvidence => ({
  hasOwner: row.owner_id !== null,
  completedAssessments: Number(row.completedAssessments ?? 0),
  hasBusinessCase: Boolean(row.hasBusinessCase),
  securityScreeningCompleted: Boolean(row.securityScreeningCompleted),
  hasPilotPlan: Boolean(row.hasPilotPlan),
  latestPilotVerdict: (row.latestPilotVerdict ?? null) as PilotVerdict | null,
});

/** The gate evidence of one idea, in one round trip (throws when there is no such idea). */
export async function gatherGateEvidence(db: Db, ideaId: string): Promise<GateEvidence> {
  return toGateEvidence(await gateEvidenceQuery(db).where("ideas.id", "=", ideaId).executeTakeFirstOrThrow());
}

/**
 * The gate evidence of these ideas by idea id, in one query whatever their number (an id that
 * names no idea is absent).
 */
export async function gatherGateEvidenceFor(db: Db, ideaIds: readonly string[]): Promise<Map<string, GateEvidence>> {
  if (ideaIds.length === 0) return new Map();
  const rows = await gateEvidenceQuery(db).where(sql<boolean>`ideas.id = any(${[...new Set(ideaIds)]}::uuid[])`).execute();
  return new Map(rows.map((row) => [row.id, toGateEvidence(row)]));
}
