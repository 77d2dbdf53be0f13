import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { IdeaResource } from "~/domain/permissions";
import { findIdeaDetail } from "./idea-queries.server";
import { unitPathOf } from "./unit-path.server";

/**
 * The permission resource of one idea: its unit path, submitter, stage and outcome, owner, the
 * people asked to assess it and the owner of its pilot plan. Every route that asks `can(…)` about an
 * idea builds it here, so the rules see the same facts everywhere.
 */
export async function ideaResourceOf(
  db: Kysely<Database>,
  idea: {
    id: string; unit_id: string; submitter_id: string; stage: IdeaResource["stage"]; outcome: IdeaResource["outcome"];
    owner_id: string | null; name_visibility: IdeaResource["nameVisibility"];
  },
): Promise<IdeaResource> {
  const [unitPath, assessors, pilot] = await Promise.all([
    unitPathOf(db, idea.unit_id),
    db.selectFrom("assessor_assignments").select("assessor_id").where("idea_id", "=", idea.id).orderBy("assessor_id").execute(),
    db.selectFrom("pilot_plans").select("owner_id").where("idea_id", "=", idea.id).executeTakeFirst(),
  ]);
  return {
    unitPath,
    submitterId: idea.submitter_id,
    stage: idea.stage,
    outcome: idea.outcome,
    ownerId: idea.owner_id,
    nameVisibility: idea.name_visibility,
    assessorIds: assessors.map((a) => a.assessor_id),
    pilotOwnerId: pilot?.owner_id ?? null,
  };
}

/**
 * The idea behind /ideas/<id> for this user, with its permission resource; undefined when it does
 * not exist or is someone else's draft (both answered with 404, so drafts do not leak).
 */
export async function findVisibleIdea(db: Kysely<Database>, ideaId: string, userId: string) {
  const idea = await findIdeaDetail(db, ideaId);
  if (!idea || (idea.submitted_at === null && idea.submitter_id !== userId)) return undefined;
  return { idea, resource: await ideaResourceOf(db, idea) };
}
