import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, can, type IdeaResource } from "~/domain/permissions";
import { mayReadScreening } from "~/domain/security-screening";
import { assessmentSummaryFor } from "~/models/assessments.server";
import { listIdeaDeviations } from "~/models/deviations.server";
import { pilotSummaryFor } from "~/models/pilots.server";
import { screeningSummaryFor } from "~/models/security-screenings.server";
import { cachedIdeaRead, type IdeaReadScope } from "~/services/read-cache.server";

/**
 * The work behind the gates in brief, for the idea page: assessment (to those who may see the
 * scorecard), information-security screening (details only to handlers and the submitter), deviation
 * requests (everyone) and the pilot (everyone). Each part is null when it has nothing to show.
 */
export async function ideaWorkSummaries(
  db: Kysely<Database>,
  input: {
    actor: Actor; resource: IdeaResource; idea: { id: string; submitted_at: Date | null; merged_into_id: string | null };
    /** Where the idea's page data stands: the reads are then shared with other readers (cachedIdeaRead). */
    reads?: IdeaReadScope;
  },
) {
  const { actor, resource, idea, reads } = input;
  if (idea.submitted_at === null) return null;
  const pastIntake = resource.stage !== "inskickad";
  const open = idea.merged_into_id === null && resource.stage !== "avslutad";
  const [assessment, screening, deviations, pilot] = await Promise.all([
    can(actor, "idea.view_assessments", resource)
      ? cachedIdeaRead(db, reads, "assessment", () => assessmentSummaryFor(db, idea.id)) : null,
    pastIntake || can(actor, "idea.screen_security", resource)
      ? screeningSummary(db, idea.id, mayReadScreening(actor, resource), reads) : null,
    cachedIdeaRead(db, reads, "deviations", () => listIdeaDeviations(db, idea.id)),
    cachedIdeaRead(db, reads, "pilot", () => pilotSummaryFor(db, idea.id)),
  ]);
  const canRequestDeviation = open && can(actor, "idea.request_deviation", resource);
  return {
    assessment,
    screening,
    canEditScreening: can(actor, "idea.screen_security", resource),
    deviations: deviations.length > 0 || canRequestDeviation ? deviations : null,
    canRequestDeviation,
    pilot,
    canWorkOnPilot: can(actor, "idea.plan_pilot", resource) || can(actor, "idea.evaluate_pilot", resource),
  };
}

/** The screening in brief, with or without its details (cached apart: who may read them differs). */
function screeningSummary(db: Kysely<Database>, ideaId: string, details: boolean, reads: IdeaReadScope | undefined) {
  return cachedIdeaRead(db, reads, details ? "screening:details" : "screening", () => screeningSummaryFor(db, ideaId, { details }));
}
