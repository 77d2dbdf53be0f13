import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/** An idea's gate decisions, oldest first: who decided what, when, on which version, with what motivation. */
export async function listGateDecisions(db: Kysely<Database>, ideaId: string) {
  return db
    .selectFrom("gate_decisions")
    .innerJoin("users", "users.id", "gate_decisions.decided_by")
    .select([
      "gate_decisions.id", "gate_decisions.from_stage as fromStage", "gate_decisions.to_stage as toStage",
      "gate_decisions.outcome", "gate_decisions.motivation", "gate_decisions.meeting_reference as meetingReference",
      "gate_decisions.decided_at as decidedAt", "gate_decisions.is_override as isOverride",
      "gate_decisions.idea_version as ideaVersion", "gate_decisions.business_case_version as businessCaseVersion",
      "users.name as decidedByName",
    ])
    .where("gate_decisions.idea_id", "=", ideaId)
    .orderBy("gate_decisions.decided_at")
    .orderBy("gate_decisions.id")
    // A real idea has a handful; the bound keeps a pathological one from flooding the page.
    .limit(200)
    .execute();
}
export type GateDecisionRow = Awaited<ReturnType<typeof listGateDecisions>>[number];
