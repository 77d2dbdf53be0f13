import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { FocusArea, IdeaKind, Stage } from "~/domain/vocabulary";
import { cachedCountRead, viewKey } from "~/services/read-cache.server";
import { unitSubtreeIds } from "./unit-path.server";

type Db = Kysely<Database>;

export type IdeaSort = "nyast" | "mest_stod" | "senast_aktiv";

export interface IdeaSearch {
  q: string;
  stage: Stage | null;
  kind: IdeaKind | null;
  unitId: string | null;
  focusArea: FocusArea | null;
  sort: IdeaSort;
  page: number;
  pageSize: number;
}

export interface IdeaListRow {
  id: string;
  reference: string | null;
  title: string;
  stage: Stage;
  unitName: string;
  supportCount: number;
  submittedAt: Date;
  merged: boolean;
}

/**
 * The words of a search as a prefix tsquery (simple config, so no stemming): each word cut to its
 * first max(4, length − 3) characters. The Swedish stemmer keeps "ansökan" but makes "ansökningar"
 * 'ansökning'; the shared prefix "ansö" finds both. Only letters and digits reach the query.
 */
export function prefixQueryOf(q: string): string | null {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefixes = words.filter((w) => w.length >= 3).slice(0, 8)
    .map((w) => `${w.slice(0, Math.max(4, w.length - 3))}:*`);
  return prefixes.length ? prefixes.join(" & ") : null;
}

/**
 * Every submitted (non-draft) idea, searched, filtered, sorted and paged. The page is picked first
 * from the ids alone (index-only on ideas_stage_submitted_idx / ideas_submitted_idx for the default
 * sort), and only its rows are joined and get their support counts: a deep page stays cheap. The
 * total – a count over every matching idea – is read once per data generation (bumped whenever
 * ideas or units change) and filter, beside the page on another connection.
 */
export async function searchIdeas(db: Db, search: IdeaSearch): Promise<{ rows: IdeaListRow[]; total: number }> {
  const unitIds = search.unitId ? await unitSubtreeIds(db, [search.unitId]) : null;
  const prefix = prefixQueryOf(search.q);
  let query = db.selectFrom("ideas").where("ideas.submitted_at", "is not", null);
  if (search.q.trim()) {
    const text = search.q.trim();
    // Both tsqueries match the GIN index on search_document.
    query = prefix
      ? query.where(sql<boolean>`ideas.search_document @@ (websearch_to_tsquery('swedish', ${text}) || to_tsquery('simple', ${prefix}))`)
      : query.where(sql<boolean>`ideas.search_document @@ websearch_to_tsquery('swedish', ${text})`);
  }
  if (search.stage) query = query.where("ideas.stage", "=", search.stage);
  if (search.kind) query = query.where("ideas.kind", "=", search.kind);
  if (unitIds) query = query.where("ideas.unit_id", "in", unitIds.length ? unitIds : ["00000000-0000-0000-0000-000000000000"]);
  if (search.focusArea) query = query.where(sql<boolean>`ideas.focus_areas @> array[${search.focusArea}]::text[]`);

  // The sort key of every matching idea; supports are aggregated once rather than counted per idea.
  // "senast_aktiv" still reads max(created_at) per idea (idea_events_idea_idx) over the whole match.
  const sortKey: RawBuilder<number | Date> = search.sort === "mest_stod"
    ? sql<number>`coalesce(support_totals.n, 0)`
    : search.sort === "senast_aktiv"
      ? sql<Date>`coalesce((select max(e.created_at) from idea_events e where e.idea_id = ideas.id), ideas.submitted_at)`
      : sql<number>`0`;
  const matching = search.sort === "mest_stod"
    ? query.leftJoin(
      (eb) => eb.selectFrom("supports").select(["supports.idea_id", sql<number>`count(*)::int`.as("n")]).groupBy("supports.idea_id").as("support_totals"),
      (join) => join.onRef("support_totals.idea_id", "=", "ideas.id"),
    )
    : query;
  let pageIds = matching.select(["ideas.id", "ideas.submitted_at", sortKey.as("sort_key")]);
  if (search.sort !== "nyast") pageIds = pageIds.orderBy(sortKey, "desc");
  const page = pageIds
    .orderBy("ideas.submitted_at", "desc")
    .orderBy("ideas.id")
    .limit(search.pageSize)
    .offset((search.page - 1) * search.pageSize);

  const totalKey = viewKey("idea-search-total", {
    q: search.q.trim(), stage: search.stage, kind: search.kind, unitId: search.unitId, focusArea: search.focusArea,
  });
  const countTotal = async () =>
    Number((await query.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow()).total);
  const [total, rows] = await Promise.all([
    db.isTransaction ? countTotal() : cachedCountRead(db, totalKey, countTotal),
    db.selectFrom(page.as("page"))
      .innerJoin("ideas", "ideas.id", "page.id")
      .innerJoin("units", "units.id", "ideas.unit_id")
      .select([
        "ideas.id", "ideas.reference", "ideas.title", "ideas.stage", "units.name as unitName", "ideas.submitted_at",
        "ideas.merged_into_id", sql<number>`(select count(*)::int from supports s where s.idea_id = ideas.id)`.as("supportCount"),
      ])
      .orderBy("page.sort_key", "desc")
      .orderBy("page.submitted_at", "desc")
      .orderBy("page.id")
      .execute(),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id, reference: r.reference, title: r.title, stage: r.stage, unitName: r.unitName,
      supportCount: Number(r.supportCount), submittedAt: r.submitted_at!, merged: r.merged_into_id !== null,
    })),
  };
}

export interface MyIdeaRow {
  id: string;
  reference: string | null;
  title: string;
  stage: Stage;
  draft: boolean;
  ownerName: string | null;
  stageChangedAt: Date;
  lastEventKind: string | null;
  lastEventAt: Date | null;
}

export const MY_IDEAS_LIMIT = 200;

/** The user's own ideas, drafts included, newest first (bounded). */
export async function listMyIdeas(db: Db, userId: string): Promise<MyIdeaRow[]> {
  const rows = await db
    .selectFrom("ideas")
    .leftJoin("users as owner", "owner.id", "ideas.owner_id")
    .leftJoinLateral(
      (eb) => eb.selectFrom("idea_events").select(["kind", "created_at"])
        .whereRef("idea_events.idea_id", "=", "ideas.id").orderBy("created_at", "desc").orderBy("id", "desc").limit(1).as("last"),
      (join) => join.onTrue(),
    )
    .select([
      "ideas.id", "ideas.reference", "ideas.title", "ideas.stage", "ideas.submitted_at", "ideas.stage_changed_at",
      "owner.name as ownerName", "last.kind as lastKind", "last.created_at as lastAt",
    ])
    .where("ideas.submitter_id", "=", userId)
    .orderBy("ideas.created_at", "desc")
    .limit(MY_IDEAS_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id, reference: r.reference, title: r.title, stage: r.stage, draft: r.submitted_at === null,
    ownerName: r.ownerName, stageChangedAt: r.stage_changed_at, lastEventKind: r.lastKind, lastEventAt: r.lastAt,
  }));
}

/** One idea with the names the idea page shows, or undefined. */
export async function findIdeaDetail(db: Db, ideaId: string) {
  return ideaDetailQuery(db, ideaId).executeTakeFirst();
}

/** The query behind findIdeaDetail, for callers that read more about the idea in the same round trip. */
export function ideaDetailQuery(db: Db, ideaId: string) {
  return db
    .selectFrom("ideas")
    .innerJoin("units", "units.id", "ideas.unit_id")
    .innerJoin("users as submitter", "submitter.id", "ideas.submitter_id")
    .leftJoin("users as owner", "owner.id", "ideas.owner_id")
    .leftJoin("ideas as target", "target.id", "ideas.merged_into_id")
    .selectAll("ideas")
    .select([
      "units.name as unitName", "submitter.name as submitterName", "owner.name as ownerName",
      "target.title as mergedIntoTitle", "target.reference as mergedIntoReference",
    ])
    .where("ideas.id", "=", ideaId);
}

/** The idea's support (count, and whether this person gave it) and whether they follow it, in one round trip. */
export async function supportAndFollowing(db: Db, ideaId: string, userId: string) {
  const { rows: [row] } = await sql<{ count: string; mine: boolean; following: boolean }>`
    select (select count(*) from supports where idea_id = ${ideaId}) as count,
      exists (select 1 from supports where idea_id = ${ideaId} and user_id = ${userId}) as mine,
      exists (select 1 from idea_followers where idea_id = ${ideaId} and user_id = ${userId}) as following`.execute(db);
  return { support: { count: Number(row!.count), mine: row!.mine === true }, following: row!.following === true };
}

export interface TimelineEntry {
  id: number;
  kind: string;
  at: Date;
  actorName: string | null;
  toStage: Stage | null;
  outcome: string | null;
  motivation: string | null;
  ownerName: string | null;
  relatedIdeaId: string | null;
}

/** A text expression as a uuid, or null when it is not one (a cast alone would fail the whole query). */
function uuidIn(text: RawBuilder<unknown>): RawBuilder<string | null> {
  return sql<string | null>`case when ${text} ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then (${text})::uuid end`;
}

/** The idea's events, newest first, at most `limit` (one more is read to tell whether there are more). */
export async function ideaTimeline(db: Db, ideaId: string, limit: number): Promise<{ entries: TimelineEntry[]; more: boolean }> {
  const rows = await db
    .selectFrom("idea_events as e")
    .leftJoin("users as actor", "actor.id", "e.actor_id")
    // Keys compared as uuids (so the primary keys serve the joins); a payload value that is not a uuid joins nothing.
    .leftJoin("gate_decisions as d", (join) => join.on(sql<boolean>`d.id = ${uuidIn(sql`e.payload->>'decisionId'`)}`))
    .leftJoin("users as new_owner", (join) => join.on(sql<boolean>`e.kind = 'owner_changed'
      and new_owner.id = ${uuidIn(sql`coalesce(e.payload->>'to', e.payload->>'ownerId')`)}`))
    .select([
      "e.id", "e.kind", "e.created_at", "e.payload", "actor.name as actorName", "d.motivation", "d.to_stage", "d.outcome",
      "new_owner.name as ownerName",
    ])
    .where("e.idea_id", "=", ideaId)
    .orderBy("e.created_at", "desc")
    .orderBy("e.id", "desc")
    .limit(limit + 1)
    .execute();
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  return {
    more: rows.length > limit,
    entries: rows.slice(0, limit).map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      at: r.created_at,
      actorName: r.actorName,
      toStage: (r.to_stage ?? str(r.payload.toStage)) as Stage | null,
      outcome: r.outcome ?? str(r.payload.outcome),
      motivation: r.motivation ?? str(r.payload.motivation) ?? str(r.payload.message),
      ownerName: r.ownerName,
      relatedIdeaId: r.kind === "merged_into" ? str(r.payload.into) : r.kind === "merged_from" ? str(r.payload.from) : null,
    })),
  };
}
