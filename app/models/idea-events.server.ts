import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

/** Kinds of timeline events. Payloads are small JSON objects the timeline knows how to show. */
export type IdeaEventKind =
  | "submitted" | "edited" | "stage_changed" | "owner_changed" | "commented" | "comment_edited"
  | "supported" | "merged_into" | "merged_from"
  | "assessors_assigned" | "assessment_completed" | "security_screened" | "deviation_requested" | "deviation_decided"
  | "pilot_planned" | "pilot_evaluated" | "business_case_saved"
  | "good_example_marked" | "good_example_unmarked" | "adopted_as_good_example";

/** Adds one event to an idea's timeline (call it in the same transaction as the change it records). */
export async function recordIdeaEvent(
  db: Kysely<Database>,
  event: { ideaId: string; kind: IdeaEventKind; actorId: string | null; payload?: Record<string, unknown>; at?: Date },
): Promise<void> {
  await db
    .insertInto("idea_events")
    .values({
      idea_id: event.ideaId,
      kind: event.kind,
      actor_id: event.actorId,
      payload: JSON.stringify(event.payload ?? {}),
      ...(event.at ? { created_at: event.at } : {}),
    })
    .execute();
}
