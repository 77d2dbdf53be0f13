import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { IdeaResource } from "~/domain/permissions";
import { findIdeaDetail } from "./idea-queries.server";
import { unitPathOf } from "./unit-path.server";

/**
 * The idea behind /ideas/<id> for this user, with its permission resource; undefined when it does
 * not exist or is someone else's draft (both answered with 404, so drafts do not leak).
 */
export async function findVisibleIdea(db: Kysely<Database>, ideaId: string, userId: string) {
  const idea = await findIdeaDetail(db, ideaId);
  if (!idea || (idea.submitted_at === null && idea.submitter_id !== userId)) return undefined;
  const resource: IdeaResource = {
    unitPath: await unitPathOf(db, idea.unit_id),
    submitterId: idea.submitter_id,
    stage: idea.stage,
    ownerId: idea.owner_id,
    nameVisibility: idea.name_visibility,
  };
  return { idea, resource };
}
