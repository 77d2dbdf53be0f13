import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { IdeaContent } from "~/schemas/idea";
import type { Stage } from "~/domain/vocabulary";

// Ideas as the submit area reads and writes them: drafts, submitting, the receipt, similar ideas.
type Db = Kysely<Database>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

const contentColumns = (content: IdeaContent) => ({
  title: content.title,
  problem: content.problem,
  proposed_solution: content.proposedSolution,
  kind: content.kind,
  target_groups: content.targetGroups,
  focus_areas: content.focusAreas,
  approaches: content.approaches,
  expected_benefits: content.expectedBenefits,
  estimated_hours_saved_per_month: content.hoursSavedPerMonth,
  estimated_savings_per_year: content.savingsPerYear,
  estimated_cost: content.estimatedCost,
  handles_personal_data: content.personalData,
  handles_sensitive_personal_data: content.sensitivePersonalData,
  information_owner: content.informationOwner,
  name_visibility: content.nameVisibility,
  unit_id: content.unitId,
});

export interface IdeaDraftRow {
  id: string;
  submitterId: string;
  submittedAt: Date | null;
  submissionKey: string | null;
}

const draftColumns = ["id", "submitter_id as submitterId", "submitted_at as submittedAt", "submission_key as submissionKey"] as const;

/** The idea row, locked for the rest of the transaction (so two submits of one draft queue). */
export async function lockIdea(trx: Db, id: string): Promise<IdeaDraftRow | undefined> {
  if (!isUuid(id)) return undefined;
  return trx.selectFrom("ideas").select(draftColumns).where("id", "=", id).forUpdate().executeTakeFirst();
}

export async function lockIdeaBySubmissionKey(trx: Db, key: string): Promise<IdeaDraftRow | undefined> {
  return trx.selectFrom("ideas").select(draftColumns).where("submission_key", "=", key).forUpdate().executeTakeFirst();
}

export async function insertDraft(trx: Db, input: { submitterId: string; submissionKey: string; content: IdeaContent }): Promise<string> {
  const row = await trx.insertInto("ideas")
    .values({ ...contentColumns(input.content), submitter_id: input.submitterId, submission_key: input.submissionKey })
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDraftContent(trx: Db, id: string, content: IdeaContent, submissionKey: string): Promise<void> {
  await trx.updateTable("ideas")
    .set({ ...contentColumns(content), submission_key: sql<string>`coalesce(submission_key, ${submissionKey}::uuid)` })
    .where("id", "=", id).where("submitted_at", "is", null).execute();
}

/**
 * The next reference number of the year. The upsert locks the year's counter row until the transaction
 * ends, so concurrent submits queue and a rolled-back submit gives its number back: no gaps, no twins.
 */
export async function nextReferenceNumber(trx: Db, year: number): Promise<number> {
  const { rows } = await sql<{ last_number: number }>`
    insert into reference_counters (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = reference_counters.last_number + 1
    returning last_number`.execute(trx);
  return Number(rows[0]!.last_number);
}

export async function markSubmitted(trx: Db, id: string, input: {
  year: number; number: number; ownerId: string | null; now: Date;
}): Promise<{ reference: string; version: number }> {
  return trx.updateTable("ideas")
    .set({
      reference_year: input.year, reference_number: input.number, owner_id: input.ownerId, stage: "inskickad",
      submitted_at: input.now, stage_changed_at: input.now, version: sql<number>`version + 1`,
    })
    .where("id", "=", id)
    .returning(["reference", "version"])
    .executeTakeFirstOrThrow() as Promise<{ reference: string; version: number }>;
}

/** Everything the edit form shows of a draft. */
export async function findIdeaForForm(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("ideas").selectAll().where("id", "=", id).executeTakeFirst();
}
export type IdeaForForm = NonNullable<Awaited<ReturnType<typeof findIdeaForForm>>>;

export async function findReceipt(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return db.selectFrom("ideas")
    .leftJoin("users as owner", "owner.id", "ideas.owner_id")
    .leftJoin("units as owner_unit", "owner_unit.id", "owner.unit_id")
    .innerJoin("units as idea_unit", "idea_unit.id", "ideas.unit_id")
    .select([
      "ideas.id", "ideas.reference", "ideas.title", "ideas.stage", "ideas.submitted_at as submittedAt",
      "ideas.submitter_id as submitterId", "ideas.owner_id as ownerId", "ideas.unit_id as unitId",
      "ideas.name_visibility as nameVisibility", "ideas.merged_into_id as mergedIntoId",
      "owner.name as ownerName", "owner_unit.name as ownerUnitName", "idea_unit.name as unitName",
    ])
    .where("ideas.id", "=", id)
    .executeTakeFirst();
}

export async function submittedIdeaExists(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const row = await db.selectFrom("ideas").select("id").where("id", "=", id).where("submitted_at", "is not", null).executeTakeFirst();
  return Boolean(row);
}

/** One support per person (the primary key); true when this call added it. */
export async function addSupport(trx: Db, ideaId: string, userId: string): Promise<boolean> {
  const rows = await trx.insertInto("supports").values({ idea_id: ideaId, user_id: userId })
    .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing()).returning("idea_id").execute();
  return rows.length > 0;
}

export async function supportCount(db: Db, ideaId: string): Promise<number> {
  const row = await db.selectFrom("supports").select((eb) => eb.fn.countAll<number>().as("count"))
    .where("idea_id", "=", ideaId).executeTakeFirstOrThrow();
  return Number(row.count);
}

export interface SimilarIdea {
  id: string;
  reference: string;
  title: string;
  stage: Stage;
  supportCount: number;
}

/**
 * Prefix query for words the Swedish stemmer keeps apart ("ansökan" → 'ansökan', "ansökningar" →
 * 'ansökning'): each word's first max(4, length − 3) letters, OR-ed. Only letters and digits survive,
 * so the user's text can never be tsquery syntax.
 */
export function prefixQuery(text: string): string {
  const words = text.toLocaleLowerCase("sv").match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefixes = [...new Set(words.filter((w) => w.length >= 4).slice(0, 12).map((w) => w.slice(0, Math.max(4, w.length - 3))))];
  return prefixes.map((p) => `${p}:*`).join(" | ");
}

/** Up to `limit` submitted, non-merged ideas closest to the text: full-text rank plus title trigram similarity. */
export async function findSimilarIdeas(db: Db, input: { title: string; problem: string; limit: number }): Promise<SimilarIdea[]> {
  const text = `${input.title} ${input.problem}`.trim();
  if (text.length < 3) return [];
  const prefixes = prefixQuery(text);
  const words = websearchWords(text);
  const { rows } = await sql<SimilarIdea & { score: number }>`
    with q as (
      select websearch_to_tsquery('swedish', ${words}) ||
             case when ${prefixes} = '' then ''::tsquery else to_tsquery('swedish', ${prefixes}) end as query,
             lower(${input.title}) as title
    )
    select ideas.id, ideas.reference, ideas.title, ideas.stage,
      (select count(*) from supports s where s.idea_id = ideas.id)::int as "supportCount",
      ts_rank(ideas.search_document, q.query) + 2 * similarity(lower(ideas.title), q.title)
        + case when lower(ideas.title) = q.title then 10 else 0 end as score
    from ideas, q
    where ideas.submitted_at is not null and ideas.merged_into_id is null
      and (ideas.search_document @@ q.query or (q.title <> '' and lower(ideas.title) % q.title))
    order by score desc, ideas.submitted_at desc
    limit ${input.limit}`.execute(db);
  return rows.map(({ score: _score, ...row }) => ({ ...row, supportCount: Number(row.supportCount) }));
}

/** websearch_to_tsquery ANDs the words; for "is anything like this?" any word should count, so OR them. */
function websearchWords(text: string): string {
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.slice(0, 30).join(" or ");
}
