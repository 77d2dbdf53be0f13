import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import { containsPattern } from "~/models/like-pattern.server";
import { unitSubtreeIds } from "~/models/unit-path.server";

// Good examples (goda exempel): införda ideas the styrgrupp has marked, and the ideas adopted from them.

type Db = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GoodExampleIdea {
  id: string;
  reference: string | null;
  title: string;
  unitId: string;
  unitName: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
  submittedAt: Date | null;
  mergedIntoId: string | null;
  version: number;
  mark: { motivation: string; markedAt: Date; markedByName: string } | null;
}

/** The idea with its good-example mark (if any); undefined for a malformed id or a missing idea. */
export async function findGoodExampleIdea(db: Db, ideaId: string): Promise<GoodExampleIdea | undefined> {
  if (!UUID.test(ideaId)) return undefined;
  const row = await db.selectFrom("ideas as i")
    .innerJoin("units as u", "u.id", "i.unit_id")
    .leftJoin("good_examples as g", "g.idea_id", "i.id")
    .leftJoin("users as m", "m.id", "g.marked_by")
    .select([
      "i.id", "i.reference", "i.title", "i.unit_id", "u.name as unit_name", "i.stage", "i.outcome", "i.submitted_at",
      "i.merged_into_id", "i.version", "g.motivation", "g.marked_at", "m.name as marked_by_name",
    ])
    .where("i.id", "=", ideaId).executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id, reference: row.reference, title: row.title, unitId: row.unit_id, unitName: row.unit_name, stage: row.stage,
    outcome: row.outcome, submittedAt: row.submitted_at, mergedIntoId: row.merged_into_id, version: row.version,
    mark: row.motivation !== null && row.marked_at !== null
      ? { motivation: row.motivation, markedAt: row.marked_at, markedByName: row.marked_by_name ?? "" } : null,
  };
}

/** A good example may only be an idea that was carried out (införd). */
export const isImplemented = (idea: Pick<GoodExampleIdea, "stage" | "outcome" | "submittedAt" | "mergedIntoId">) =>
  idea.submittedAt !== null && idea.mergedIntoId === null && idea.stage === "avslutad" && idea.outcome === "inford";

/** Marks the idea, or replaces the motivation of an existing mark. */
export async function upsertGoodExample(db: Db, input: { ideaId: string; motivation: string; markedBy: string; now: Date }): Promise<void> {
  await db.insertInto("good_examples")
    .values({ idea_id: input.ideaId, motivation: input.motivation, marked_by: input.markedBy, marked_at: input.now })
    .onConflict((oc) => oc.column("idea_id").doUpdateSet({ motivation: input.motivation, marked_by: input.markedBy }))
    .execute();
}

export async function deleteGoodExample(db: Db, ideaId: string): Promise<boolean> {
  const result = await db.deleteFrom("good_examples").where("idea_id", "=", ideaId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The good-example row, locked (so adoptions of one example for one unit queue behind each other). */
export async function lockGoodExample(db: Db, ideaId: string) {
  return db.selectFrom("good_examples").select(["idea_id", "motivation"]).where("idea_id", "=", ideaId).forUpdate().executeTakeFirst();
}

/** An idea already adopted from this example for this unit (not merged away), or undefined. */
export async function findAdoption(db: Db, originalId: string, unitId: string) {
  return db.selectFrom("ideas").select(["id", "reference"])
    .where("adopted_from_idea_id", "=", originalId).where("unit_id", "=", unitId)
    .where("submitted_at", "is not", null).where("merged_into_id", "is", null)
    .orderBy("submitted_at").limit(1).executeTakeFirst();
}

/**
 * The idea page's good-example facts in one round trip: whether the idea is marked, how many distinct
 * units adopted it (submitted adoptions not merged away) and the example it was adopted from, if any.
 */
export async function goodExampleFactsOf(db: Db, ideaId: string, adoptedFromId: string | null) {
  const { rows: [row] } = await sql<{ marked: boolean; adopted_units: string; adopted_from: { id: string; reference: string | null } | null }>`
    select exists (select 1 from good_examples g where g.idea_id = ${ideaId}) as marked,
      (select count(distinct a.unit_id) from ideas a
        where a.adopted_from_idea_id = ${ideaId} and a.submitted_at is not null and a.merged_into_id is null) as adopted_units,
      (select json_build_object('id', o.id, 'reference', o.reference) from ideas o where o.id = ${adoptedFromId}) as adopted_from`
    .execute(db);
  return { marked: row!.marked === true, adoptedUnits: Number(row!.adopted_units), adoptedFrom: row!.adopted_from };
}

export interface GoodExampleListRow {
  id: string;
  reference: string;
  title: string;
  unitName: string;
  motivation: string;
  markedAt: Date;
  financialNpv: number | null;
  npv: number | null;
  selfFinancing: boolean | null;
  adoptedUnits: number;
}

/**
 * One page of good examples, newest mark first, with what each achieved (from the portfolio figures:
 * call refreshPortfolioFigures first) and how many units adopted it – one query, no query per row.
 */
export async function listGoodExamples(db: Db, query: { search: string | null }, page: { limit: number; offset: number }): Promise<{ rows: GoodExampleListRow[]; total: number }> {
  const where = query.search
    ? sql`(lower(i.title) like ${containsPattern(query.search)} or lower(i.reference) like ${containsPattern(query.search)})`
    : sql`true`;
  const [{ rows }, count] = await Promise.all([
    sql<{
      id: string; reference: string; title: string; unit_name: string; motivation: string; marked_at: Date;
      financial_npv: unknown; npv: unknown; self_financing: boolean | null; adopted_units: unknown;
    }>`
      select i.id, i.reference, i.title, u.name as unit_name, g.motivation, g.marked_at, f.financial_npv, f.npv, f.self_financing,
        (select count(distinct a.unit_id) from ideas a where a.adopted_from_idea_id = i.id
           and a.submitted_at is not null and a.merged_into_id is null) as adopted_units
      from good_examples g
      join ideas i on i.id = g.idea_id
      join units u on u.id = i.unit_id
      left join idea_portfolio_figures f on f.idea_id = i.id
      where ${where}
      order by g.marked_at desc, i.id
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: unknown }>`select count(*) as n from good_examples g join ideas i on i.id = g.idea_id where ${where}`.execute(db),
  ]);
  const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    rows: rows.map((r) => ({
      id: r.id, reference: r.reference, title: r.title, unitName: r.unit_name, motivation: r.motivation,
      markedAt: new Date(r.marked_at), financialNpv: numOrNull(r.financial_npv), npv: numOrNull(r.npv),
      selfFinancing: r.self_financing, adoptedUnits: Number(r.adopted_units ?? 0),
    })),
    total: Number(count.rows[0]?.n ?? 0),
  };
}

/** Units this person may adopt for: a kontaktperson's covered units, an administrator any active unit. */
export async function adoptableUnitIds(db: Db, actor: { roles: readonly string[]; scopeUnitIds: readonly string[] }): Promise<Set<string> | "all"> {
  if (actor.roles.includes("administrator")) return "all";
  if (!actor.roles.includes("kontaktperson")) return new Set();
  return new Set(await unitSubtreeIds(db, actor.scopeUnitIds));
}

/** The units that adopted the example, with the adopted idea (bounded: a unit adopts an example once). */
export async function listAdoptions(db: Db, originalId: string, limit = 500) {
  return db.selectFrom("ideas as i").innerJoin("units as u", "u.id", "i.unit_id")
    .select(["i.id", "i.reference", "i.unit_id as unitId", "u.name as unitName"])
    .where("i.adopted_from_idea_id", "=", originalId).where("i.submitted_at", "is not", null).where("i.merged_into_id", "is", null)
    .orderBy("u.name").orderBy("i.id").limit(limit).execute();
}
