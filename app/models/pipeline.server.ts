import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { PipelineIdea } from "~/domain/pipeline";
import { type ClosingOutcome, type FocusArea, type IdeaKind, STAGES, type Stage } from "~/domain/vocabulary";

// The pipeline board: counts per stage in one aggregate query, the cards of every column in one
// query. Both read only submitted, unmerged ideas – the rows of the partial index ideas_pipeline_idx
// (stage, stage_changed_at, id) – so each column is an index range read that stops at its limit.

type Db = Kysely<Database>;

export interface PipelineFilter {
  /** The chosen unit and every unit below it; null = all units. */
  unitIds: readonly string[] | null;
  kind: IdeaKind | null;
  focusArea: FocusArea | null;
}

const OPEN_STAGES = STAGES.filter((stage) => stage !== "avslutad");

/** The filter as extra conditions on `ideas i` (each starts with "and"). */
function filterConditions(filter: PipelineFilter): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (filter.unitIds) parts.push(sql`and i.unit_id = any(${[...filter.unitIds]}::uuid[])`);
  if (filter.kind) parts.push(sql`and i.kind = ${filter.kind}`);
  if (filter.focusArea) parts.push(sql`and i.focus_areas @> array[${filter.focusArea}]::text[]`);
  return parts.length ? sql.join(parts, sql` `) : sql``;
}

/**
 * Ideas per stage within the filters. `count` is what the column shows (for "avslutad" only ideas
 * closed since `closedSince`); `total` is every idea in the stage.
 */
export async function pipelineCounts(
  db: Db,
  filter: PipelineFilter,
  closedSince: Date,
): Promise<Partial<Record<Stage, { count: number; total: number }>>> {
  const { rows } = await sql<{ stage: Stage; count: number | string; total: number | string }>`
    select i.stage,
           count(*) filter (where i.stage <> 'avslutad' or i.stage_changed_at >= ${closedSince}) as count,
           count(*) as total
    from ideas i
    where i.submitted_at is not null and i.merged_into_id is null ${filterConditions(filter)}
    group by i.stage`.execute(db);
  return Object.fromEntries(rows.map((r) => [r.stage, { count: Number(r.count), total: Number(r.total) }]));
}

/**
 * The cards of every column: per open stage the `limit` ideas that have waited longest, and the
 * `limit` most recently closed since `closedSince`; with unit and owner names.
 */
export async function pipelineIdeas(
  db: Db,
  filter: PipelineFilter,
  options: { limit: number; closedSince: Date },
): Promise<PipelineIdea[]> {
  const conditions = filterConditions(filter);
  const columns = sql`i.id, i.reference, i.title, i.stage, i.outcome, i.unit_id, i.submitter_id, i.owner_id, i.stage_changed_at`;
  const { rows } = await sql<{
    id: string; reference: string | null; title: string; stage: Stage; outcome: ClosingOutcome | null; unit_id: string;
    submitter_id: string; owner_id: string | null; stage_changed_at: Date; unit_name: string; owner_name: string | null;
  }>`
    with cards as (
      select c.* from unnest(${OPEN_STAGES}::text[]) as s(stage)
      cross join lateral (
        select ${columns} from ideas i
        where i.stage = s.stage and i.submitted_at is not null and i.merged_into_id is null ${conditions}
        order by i.stage_changed_at, i.id
        limit ${options.limit}
      ) c
      union all
      (select ${columns} from ideas i
       where i.stage = 'avslutad' and i.stage_changed_at >= ${options.closedSince}
         and i.submitted_at is not null and i.merged_into_id is null ${conditions}
       order by i.stage_changed_at desc, i.id desc
       limit ${options.limit})
    )
    select cards.*, u.name as unit_name, o.name as owner_name
    from cards
    join units u on u.id = cards.unit_id
    left join users o on o.id = cards.owner_id`.execute(db);
  const order = (r: (typeof rows)[number]) => (r.stage === "avslutad" ? -new Date(r.stage_changed_at).getTime() : new Date(r.stage_changed_at).getTime());
  return rows
    .sort((a, b) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || order(a) - order(b) || a.id.localeCompare(b.id))
    .map((r) => ({
      id: r.id, reference: r.reference, title: r.title, stage: r.stage, outcome: r.outcome, unitId: r.unit_id,
      unitName: r.unit_name, submitterId: r.submitter_id, ownerId: r.owner_id, ownerName: r.owner_name,
      stageChangedAt: new Date(r.stage_changed_at),
    }));
}

/**
 * Every unit a kontaktperson answers for, mapped to the scope unit it lies under (the scope units
 * and all their sub-units), in one recursive query.
 */
export async function coveringScopeUnits(db: Db, scopeUnitIds: readonly string[]): Promise<Map<string, string>> {
  if (scopeUnitIds.length === 0) return new Map();
  const { rows } = await sql<{ id: string; scope_id: string }>`
    with recursive tree as (
      select id, id as scope_id, 0 as depth from units where id = any(${[...scopeUnitIds]}::uuid[])
      union all
      select u.id, tree.scope_id, tree.depth + 1 from units u join tree on u.parent_id = tree.id where tree.depth < 20
    )
    select id, scope_id from tree order by depth, id`.execute(db);
  const covering = new Map<string, string>();
  for (const row of rows) if (!covering.has(row.id)) covering.set(row.id, row.scope_id);
  return covering;
}
