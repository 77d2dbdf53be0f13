import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { IdeaResource } from "~/domain/permissions";
import type { IdeaReadScope } from "~/services/read-cache.server";
import { ideaDetailQuery } from "./idea-queries.server";
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
 * not exist or is someone else's draft (both answered with 404, so drafts do not leak). One query:
 * the facts ideaResourceOf reads (unit path, assessors, pilot owner) come as subqueries of the idea.
 */
export async function findVisibleIdea(db: Kysely<Database>, ideaId: string, userId: string) {
  const row = await ideaDetailQuery(db, ideaId)
    .select([
      sql<string[]>`to_json(array(
        with recursive path as (
          select u.id, u.parent_id, 0 as depth from units u where u.id = ideas.unit_id
          union all
          select u.id, u.parent_id, path.depth + 1 from units u join path on u.id = path.parent_id where path.depth < 20
        )
        select id from path order by depth desc))`.as("resourceUnitPath"),
      sql<string[]>`to_json(array(select a.assessor_id from assessor_assignments a where a.idea_id = ideas.id order by a.assessor_id))`
        .as("resourceAssessorIds"),
      sql<string | null>`(select p.owner_id from pilot_plans p where p.idea_id = ideas.id)`.as("resourcePilotOwnerId"),
      // Where the idea's page data stands, in the same snapshot as the idea (see cachedIdeaRead).
      sql<string | null>`(select s.stamp from idea_change_stamps s where s.idea_id = ideas.id)`.as("readChangeStamp"),
      sql<string | null>`(select g.generation from portfolio_generation g)`.as("readGeneration"),
      sql<string | null>`(select r.generation from reference_generation r)`.as("readReferenceGeneration"),
    ])
    .executeTakeFirst();
  if (!row || (row.submitted_at === null && row.submitter_id !== userId)) return undefined;
  const {
    resourceUnitPath, resourceAssessorIds, resourcePilotOwnerId, readChangeStamp, readGeneration, readReferenceGeneration, ...idea
  } = row;
  const resource: IdeaResource = {
    unitPath: resourceUnitPath,
    submitterId: idea.submitter_id,
    stage: idea.stage,
    outcome: idea.outcome,
    ownerId: idea.owner_id,
    nameVisibility: idea.name_visibility,
    assessorIds: resourceAssessorIds,
    pilotOwnerId: resourcePilotOwnerId,
  };
  const reads: IdeaReadScope = {
    ideaId: idea.id, changeStamp: Number(readChangeStamp ?? 0), generation: Number(readGeneration ?? 0),
    referenceGeneration: Number(readReferenceGeneration ?? 0),
  };
  return { idea, resource, reads };
}

type VisibleIdea = NonNullable<Awaited<ReturnType<typeof findVisibleIdea>>>["idea"];

/**
 * The fields of the idea the idea page shows, and only those: the loader data is serialised into the
 * HTML, so ids the page does not use stay on the server (the submitter's id, too, when the name is
 * hidden). `submitterName` only when the viewer may see the submitter.
 */
export function ideaPageFieldsOf(idea: VisibleIdea, showSubmitter: boolean) {
  return {
    id: idea.id, reference: idea.reference, title: idea.title, stage: idea.stage, outcome: idea.outcome,
    submitted_at: idea.submitted_at, stage_changed_at: idea.stage_changed_at, merged_into_id: idea.merged_into_id,
    mergedIntoReference: idea.mergedIntoReference, mergedIntoTitle: idea.mergedIntoTitle,
    unitName: idea.unitName, ownerName: idea.ownerName, submitterName: showSubmitter ? idea.submitterName : null,
    // What IdeaFacts shows.
    problem: idea.problem, proposed_solution: idea.proposed_solution, expected_benefits: idea.expected_benefits, kind: idea.kind,
    target_groups: idea.target_groups, focus_areas: idea.focus_areas, approaches: idea.approaches,
    estimated_hours_saved_per_month: idea.estimated_hours_saved_per_month, estimated_savings_per_year: idea.estimated_savings_per_year,
    estimated_cost: idea.estimated_cost, handles_personal_data: idea.handles_personal_data,
    handles_sensitive_personal_data: idea.handles_sensitive_personal_data, information_owner: idea.information_owner,
  };
}
