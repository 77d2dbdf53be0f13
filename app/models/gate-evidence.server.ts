import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { GateEvidence } from "~/domain/stage-machine";
import type { PilotVerdict } from "~/domain/vocabulary";

/**
 * Everything the stage machine needs to know about an idea's gates, in one round trip: owner,
 * completed assessments, business case lines, completed security screening, pilot plan with
 * indicators, and the verdict of the latest pilot evaluation.
 */
export async function gatherGateEvidence(db: Kysely<Database>, ideaId: string): Promise<GateEvidence> {
  const row = await db
    .selectFrom("ideas")
    .select((eb) => [
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
    ])
    .where("ideas.id", "=", ideaId)
    .executeTakeFirstOrThrow();
  return {
    hasOwner: row.owner_id !== null,
    completedAssessments: Number(row.completedAssessments ?? 0),
    hasBusinessCase: Boolean(row.hasBusinessCase),
    securityScreeningCompleted: Boolean(row.securityScreeningCompleted),
    hasPilotPlan: Boolean(row.hasPilotPlan),
    latestPilotVerdict: (row.latestPilotVerdict ?? null) as PilotVerdict | null,
  };
}
