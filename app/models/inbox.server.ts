import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Database } from "../../db/schema";
import { olderThanCutoff } from "~/domain/inbox";
import type { Role, Stage } from "~/domain/vocabulary";
import type { InboxFilter } from "~/schemas/inbox";
import { cachedCountRead, viewKey } from "~/services/read-cache.server";
import { unitSubtreeIds } from "./unit-path.server";

export interface InboxRow {
  id: string;
  reference: string | null;
  title: string;
  unitName: string;
  stage: Stage;
  ownerId: string | null;
  ownerName: string | null;
  stageChangedAt: Date;
  submittedAt: Date;
  supportCount: number;
  version: number;
}

export interface InboxPage {
  rows: InboxRow[];
  total: number;
  /** Per stage, with every filter but the stage applied (so the counts work as a stage filter). */
  stageCounts: Partial<Record<Stage, number>>;
}

/**
 * Submitted, non-merged ideas of the given units and every unit below them (null = every unit, for
 * administrators). Unit and stage narrow through ideas_inbox_idx (index-only for the stage counts);
 * the other filters are cheap on what is left. The units below and the stage counts – a count over
 * all of a large unit's ideas – are read once per data generation (bumped whenever ideas or units
 * change) and filter; an age filter moves with the clock, so those counts are always read afresh.
 */
export async function listInbox(
  db: Kysely<Database>,
  input: { scopeUnitIds: readonly string[] | null; filter: InboxFilter; userId: string; now: Date; pageSize: number },
): Promise<InboxPage> {
  const { filter } = input;
  if (input.scopeUnitIds !== null && input.scopeUnitIds.length === 0) return { rows: [], total: 0, stageCounts: {} };
  const baseOf = (unitIds: readonly string[] | null) => {
    let base = db.selectFrom("ideas").where("ideas.submitted_at", "is not", null).where("ideas.merged_into_id", "is", null);
    if (unitIds !== null) base = base.where("ideas.unit_id", "in", [...unitIds]);
    if (filter.typ) base = base.where("ideas.kind", "=", filter.typ);
    if (filter.fokus) base = base.where(sql<boolean>`ideas.focus_areas @> array[${filter.fokus}]::text[]`);
    if (filter.alder) base = base.where("ideas.submitted_at", "<", olderThanCutoff(Number(filter.alder), input.now));
    if (filter.agare === "mina") base = base.where("ideas.owner_id", "=", input.userId);
    if (filter.agare === "ingen") base = base.where("ideas.owner_id", "is", null);
    return base;
  };
  const unitsBelow = async () => (input.scopeUnitIds === null ? null : unitSubtreeIds(db, input.scopeUnitIds));
  // A scope whose units are all gone covers no idea (and `in ()` is no SQL): answered without a query.
  const coversNothing = (unitIds: readonly string[] | null) => unitIds !== null && unitIds.length === 0;
  const countStages = async (unitIds: readonly string[] | null) => {
    if (coversNothing(unitIds)) return {};
    const counts = await baseOf(unitIds).select(["ideas.stage", (eb) => eb.fn.countAll<string>().as("count")])
      .groupBy("ideas.stage").execute();
    const stageCounts: Partial<Record<Stage, number>> = {};
    for (const row of counts) stageCounts[row.stage] = Number(row.count);
    return stageCounts;
  };
  const pageRows = async (unitIds: readonly string[] | null) =>
    coversNothing(unitIds) ? [] : inboxPageRows(db, baseOf(unitIds), filter, input.pageSize);

  let unitIds: readonly string[] | null;
  let stageCounts: Partial<Record<Stage, number>>;
  let rows: InboxRow[] | null = null;
  if (!filter.alder && !db.isTransaction) {
    const key = viewKey("inbox-stage-counts", {
      scope: input.scopeUnitIds === null ? null : [...input.scopeUnitIds].sort(), typ: filter.typ, fokus: filter.fokus,
      agare: filter.agare, owner: filter.agare === "mina" ? input.userId : undefined,
    });
    ({ unitIds, stageCounts } = await cachedCountRead(db, key, async () => {
      const below = await unitsBelow();
      return { unitIds: below, stageCounts: await countStages(below) };
    }));
  } else {
    // Counts and page side by side: an empty result costs the page query next to nothing.
    unitIds = await unitsBelow();
    [stageCounts, rows] = await Promise.all([countStages(unitIds), pageRows(unitIds)]);
  }
  const total = filter.steg ? (stageCounts[filter.steg] ?? 0) : Object.values(stageCounts).reduce((a, b) => a + b, 0);
  if (total === 0) return { rows: [], total, stageCounts };
  return { total, stageCounts, rows: rows ?? await pageRows(unitIds) };
}

/** One page of the inbox: picked from ids and sort keys alone, then only its rows are joined. */
async function inboxPageRows(
  db: Kysely<Database>, base: SelectQueryBuilder<Database, "ideas", object>, filter: InboxFilter, pageSize: number,
): Promise<InboxRow[]> {
  const filtered = filter.steg ? base.where("ideas.stage", "=", filter.steg) : base;
  // ideas_inbox_idx covers the unit/stage filter; "mest-stod" aggregates supports once instead of counting per idea.
  const withSupports = filtered.leftJoin(
    (eb) => eb.selectFrom("supports").select(["supports.idea_id", sql<number>`count(*)::int`.as("n")]).groupBy("supports.idea_id").as("support_totals"),
    (join) => join.onRef("support_totals.idea_id", "=", "ideas.id"),
  );
  const pageIds = (filter.sortering === "mest-stod" ? withSupports : filtered)
    .select(["ideas.id", "ideas.submitted_at", "ideas.stage_changed_at"])
    .$if(filter.sortering === "mest-stod", (q) => q.select(sql<number>`coalesce(support_totals.n, 0)`.as("support_total")))
    .orderBy({
      aldst: sql`ideas.submitted_at asc, ideas.id asc`,
      nyast: sql`ideas.submitted_at desc, ideas.id desc`,
      "tid-i-steg": sql`ideas.stage_changed_at asc, ideas.id asc`,
      "mest-stod": sql`coalesce(support_totals.n, 0) desc, ideas.submitted_at asc, ideas.id asc`,
    }[filter.sortering])
    .limit(pageSize)
    .offset((filter.sida - 1) * pageSize);
  const order = {
    aldst: sql`page.submitted_at asc, page.id asc`,
    nyast: sql`page.submitted_at desc, page.id desc`,
    "tid-i-steg": sql`page.stage_changed_at asc, page.id asc`,
    "mest-stod": sql`page.support_total desc, page.submitted_at asc, page.id asc`,
  }[filter.sortering];
  const rows = await db.selectFrom(pageIds.as("page"))
    .innerJoin("ideas", "ideas.id", "page.id")
    .innerJoin("units", "units.id", "ideas.unit_id")
    .leftJoin("users as owner", "owner.id", "ideas.owner_id")
    .select([
      "ideas.id", "ideas.reference", "ideas.title", "units.name as unitName", "ideas.stage", "ideas.owner_id as ownerId",
      "owner.name as ownerName", "ideas.stage_changed_at as stageChangedAt", "ideas.submitted_at as submittedAt", "ideas.version",
      (eb) => eb.selectFrom("supports").select(eb.fn.countAll<string>().as("n")).whereRef("supports.idea_id", "=", "ideas.id").as("support_count"),
    ])
    .orderBy(order)
    .execute();
  return rows.map(({ support_count, submittedAt, ...row }) => ({
    ...row, submittedAt: submittedAt!, supportCount: Number(support_count ?? 0),
  }));
}

export async function unitName(db: Kysely<Database>, unitId: string): Promise<string | null> {
  const row = await db.selectFrom("units").select("name").where("id", "=", unitId).executeTakeFirst();
  return row?.name ?? null;
}

export interface ManagedIdea {
  id: string;
  reference: string | null;
  title: string;
  stage: Stage;
  unitId: string;
  unitName: string;
  submitterId: string;
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  mergedIntoId: string | null;
  mergedIntoReference: string | null;
  submittedAt: Date | null;
  stageChangedAt: Date;
  nameVisibility: "public" | "handlaggare_only";
}

/** What the hantera page and its services need about one idea (null when it does not exist). */
export async function findManagedIdea(db: Kysely<Database>, ideaId: string): Promise<ManagedIdea | null> {
  const row = await db
    .selectFrom("ideas")
    .innerJoin("units", "units.id", "ideas.unit_id")
    .leftJoin("users as owner", "owner.id", "ideas.owner_id")
    .leftJoin("ideas as target", "target.id", "ideas.merged_into_id")
    .select([
      "ideas.id", "ideas.reference", "ideas.title", "ideas.stage", "ideas.unit_id as unitId", "units.name as unitName",
      "ideas.submitter_id as submitterId", "ideas.owner_id as ownerId", "owner.name as ownerName", "ideas.version",
      "ideas.merged_into_id as mergedIntoId", "target.reference as mergedIntoReference", "ideas.submitted_at as submittedAt",
      "ideas.stage_changed_at as stageChangedAt", "ideas.name_visibility as nameVisibility",
    ])
    .where("ideas.id", "=", ideaId)
    .executeTakeFirst();
  return row ?? null;
}

export async function findIdeaIdByReference(
  db: Kysely<Database>, reference: { year: number; number: number },
): Promise<string | null> {
  const row = await db.selectFrom("ideas").select("id")
    .where("reference_year", "=", reference.year).where("reference_number", "=", reference.number).executeTakeFirst();
  return row?.id ?? null;
}

/** Locks the ideas (in id order, so two merges cannot deadlock) for the rest of the transaction. */
export async function lockIdeas(db: Kysely<Database>, ideaIds: readonly string[]): Promise<void> {
  await db.selectFrom("ideas").select("id").where("id", "in", [...ideaIds]).orderBy("id").forUpdate().execute();
}

const ASSIGNABLE_ROLES: readonly Role[] = ["kontaktperson", "styrgrupp", "administrator"];

export interface AssignablePerson { id: string; name: string; unitName: string | null }

/** Active people who may own an idea: kontaktpersoner, styrgrupp and administrators. */
export async function assignablePeople(db: Kysely<Database>): Promise<AssignablePerson[]> {
  return db
    .selectFrom("users")
    .leftJoin("units", "units.id", "users.unit_id")
    .select(["users.id", "users.name", "units.name as unitName"])
    .where("users.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("user_roles").select("user_roles.user_id")
      .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "in", [...ASSIGNABLE_ROLES])))
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export async function isAssignable(db: Kysely<Database>, userId: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("users.id")
    .where("users.id", "=", userId).where("users.active", "=", true)
    .where((eb) => eb.exists(eb.selectFrom("user_roles").select("user_roles.user_id")
      .whereRef("user_roles.user_id", "=", "users.id").where("user_roles.role", "in", [...ASSIGNABLE_ROLES])))
    .executeTakeFirst();
  return Boolean(row);
}

/** Sets the owner only if nobody changed the idea since `expectedVersion`; false when someone did. */
export async function setOwnerIfVersion(
  db: Kysely<Database>, input: { ideaId: string; ownerId: string; expectedVersion: number },
): Promise<boolean> {
  const result = await db.updateTable("ideas")
    .set((eb) => ({ owner_id: input.ownerId, version: eb("version", "+", 1) }))
    .where("id", "=", input.ideaId).where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Marks `sourceId` as merged into `targetId`, only if its version is still `expectedVersion`. */
export async function markMerged(
  db: Kysely<Database>, input: { sourceId: string; targetId: string; expectedVersion: number },
): Promise<boolean> {
  const result = await db.updateTable("ideas")
    .set((eb) => ({ merged_into_id: input.targetId, version: eb("version", "+", 1) }))
    .where("id", "=", input.sourceId).where("version", "=", input.expectedVersion).where("merged_into_id", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Moves supports and followers from one idea to another; a person on both keeps one row. */
export async function moveSupportsAndFollowers(
  db: Kysely<Database>, input: { fromId: string; toId: string },
): Promise<{ supports: number; followers: number }> {
  const supports = await db.insertInto("supports")
    .columns(["idea_id", "user_id", "created_at"])
    .expression((eb) => eb.selectFrom("supports").select([eb.val(input.toId).as("idea_id"), "user_id", "created_at"])
      .where("idea_id", "=", input.fromId))
    .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing())
    .executeTakeFirst();
  await db.deleteFrom("supports").where("idea_id", "=", input.fromId).execute();
  const followers = await db.insertInto("idea_followers")
    .columns(["idea_id", "user_id", "created_at"])
    .expression((eb) => eb.selectFrom("idea_followers").select([eb.val(input.toId).as("idea_id"), "user_id", "created_at"])
      .where("idea_id", "=", input.fromId))
    .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing())
    .executeTakeFirst();
  await db.deleteFrom("idea_followers").where("idea_id", "=", input.fromId).execute();
  return { supports: Number(supports.numInsertedOrUpdatedRows ?? 0), followers: Number(followers.numInsertedOrUpdatedRows ?? 0) };
}
