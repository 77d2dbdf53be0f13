import { type Kysely, type QueryCreator, sql } from "kysely";
import type { Database } from "../../db/schema";
import type { DeviationStatus } from "~/domain/vocabulary";

type Db = Kysely<Database>;

/** One deviation request as the idea's avsteg page and the idea page show it. */
export interface IdeaDeviation {
  id: string;
  standard: string;
  description: string;
  justification: string;
  /** YYYY-MM-DD, or null for "until further notice". */
  validUntil: string | null;
  status: DeviationStatus;
  requestedBy: string;
  requestedByName: string;
  requestedAt: Date;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionMotivation: string | null;
  withdrawnAt: Date | null;
}

/** An idea has a handful of requests; the bound only protects the page. */
const IDEA_DEVIATION_LIMIT = 200;

// Takes a query creator so that it can also be built inside a CTE (not run, nor seen by plugins, there).
// The names come from one primary-key lookup per request (scalar subqueries): a join let the planner
// walk the whole users index in a merge join whenever it guessed many requests (issue 10's plan test).
function deviationsQuery(db: QueryCreator<Database>) {
  return db
    .selectFrom("deviation_requests as d")
    .select((eb) => [
      "d.id", "d.idea_id", "d.standard", "d.description", "d.justification", "d.valid_until", "d.status", "d.requested_by",
      "d.requested_at", "d.decided_at", "d.decision_motivation", "d.withdrawn_at",
      eb.selectFrom("users as requester").select("requester.name").whereRef("requester.id", "=", "d.requested_by")
        .$asScalar().$notNull().as("requestedByName"),
      eb.selectFrom("users as decider").select("decider.name").whereRef("decider.id", "=", "d.decided_by")
        .$asScalar().as("decidedByName"),
    ]);
}

type DeviationRow = Awaited<ReturnType<ReturnType<typeof deviationsQuery>["executeTakeFirstOrThrow"]>>;
const toDeviation = (r: DeviationRow): IdeaDeviation => ({
  id: r.id, standard: r.standard, description: r.description, justification: r.justification, validUntil: r.valid_until,
  status: r.status, requestedBy: r.requested_by, requestedByName: r.requestedByName, requestedAt: r.requested_at,
  decidedByName: r.decidedByName, decidedAt: r.decided_at, decisionMotivation: r.decision_motivation, withdrawnAt: r.withdrawn_at,
});

/**
 * Loader helper: the deviation requests of one idea, open ones first, then newest first. Everyone
 * who may see the idea may see its deviations.
 */
export async function listIdeaDeviations(db: Db, ideaId: string): Promise<IdeaDeviation[]> {
  return (await listDeviationsOfIdeas(db, [ideaId])).get(ideaId) ?? [];
}

/**
 * The deviation requests of these ideas by idea id, each list as listIdeaDeviations gives it (same
 * order, same bound per idea), in one query whatever the number of ideas; an idea without requests
 * has an empty list.
 */
export async function listDeviationsOfIdeas(db: Db, ideaIds: readonly string[]): Promise<Map<string, IdeaDeviation[]>> {
  const unique = [...new Set(ideaIds)];
  const lists = new Map<string, IdeaDeviation[]>(unique.map((id) => [id, []]));
  if (unique.length === 0) return lists;
  // Open ones first, then newest first; numbered per idea so each list keeps its own bound.
  const rows = await db
    .with("ranked", (qc) => deviationsQuery(qc)
      .select(sql<number>`row_number() over (partition by d.idea_id order by d.status = 'requested' desc, d.requested_at desc, d.id desc)`
        .as("rank"))
      .where(sql<boolean>`d.idea_id = any(${unique}::uuid[])`))
    .selectFrom("ranked").selectAll()
    .where("ranked.rank", "<=", IDEA_DEVIATION_LIMIT)
    .orderBy("ranked.idea_id").orderBy("ranked.rank")
    .execute();
  for (const row of rows) lists.get(row.idea_id)!.push(toDeviation(row));
  return lists;
}

export async function findIdeaDeviation(db: Db, ideaId: string, deviationId: string): Promise<IdeaDeviation | undefined> {
  const row = await deviationsQuery(db).where("d.id", "=", deviationId).where("d.idea_id", "=", ideaId).executeTakeFirst();
  return row && toDeviation(row);
}

/** The request's status and requester, locked for the rest of the transaction (decide / withdraw). */
export async function lockDeviation(db: Db, ideaId: string, deviationId: string) {
  return db.selectFrom("deviation_requests").select(["id", "status", "requested_by", "standard"])
    .where("id", "=", deviationId).where("idea_id", "=", ideaId).forUpdate().executeTakeFirst();
}

export async function insertDeviation(
  db: Db,
  input: {
    ideaId: string; standard: string; description: string; justification: string; validUntil: string | null;
    requestedBy: string; now: Date;
  },
): Promise<string> {
  const { id } = await db.insertInto("deviation_requests")
    .values({
      idea_id: input.ideaId, standard: input.standard, description: input.description, justification: input.justification,
      valid_until: input.validUntil, requested_by: input.requestedBy, requested_at: input.now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** Decides an open request; false when it was no longer open (someone else was first). */
export async function recordDeviationDecision(
  db: Db,
  input: { deviationId: string; status: "approved" | "rejected"; decidedBy: string; motivation: string; now: Date },
): Promise<boolean> {
  const result = await db.updateTable("deviation_requests")
    .set({ status: input.status, decided_by: input.decidedBy, decided_at: input.now, decision_motivation: input.motivation })
    .where("id", "=", input.deviationId).where("status", "=", "requested")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markDeviationWithdrawn(db: Db, deviationId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable("deviation_requests")
    .set({ status: "withdrawn", withdrawn_at: now })
    .where("id", "=", deviationId).where("status", "=", "requested")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Active members of the styrgrupp (who decide deviations). */
export async function steeringGroupIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom("user_roles").innerJoin("users", "users.id", "user_roles.user_id")
    .select("users.id").where("user_roles.role", "=", "styrgrupp").where("users.active", "=", true)
    .orderBy("users.id").execute();
  return rows.map((r) => r.id);
}

export interface DeviationListRow {
  id: string;
  ideaId: string;
  ideaReference: string | null;
  ideaTitle: string;
  unitName: string;
  standard: string;
  status: DeviationStatus;
  requestedAt: Date;
  requestedByName: string;
  validUntil: string | null;
  decidedAt: Date | null;
}

/**
 * The city-wide list of deviation requests: one status, or all with the open ones first; optionally
 * only ideas in these units. Newest first within a status, paged by a bounded offset.
 */
export async function listDeviations(
  db: Db,
  filter: { status: DeviationStatus | null; unitIds: string[] | null; page: number; pageSize: number },
): Promise<{ rows: DeviationListRow[]; total: number }> {
  let query = db.selectFrom("deviation_requests as d").innerJoin("ideas", "ideas.id", "d.idea_id");
  if (filter.status) query = query.where("d.status", "=", filter.status);
  if (filter.unitIds) {
    query = query.where("ideas.unit_id", "in", filter.unitIds.length ? filter.unitIds : ["00000000-0000-0000-0000-000000000000"]);
  }
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as("total")).executeTakeFirstOrThrow();
  let listed = query
    .innerJoin("units", "units.id", "ideas.unit_id")
    .innerJoin("users as requester", "requester.id", "d.requested_by")
    .select([
      "d.id", "d.idea_id", "ideas.reference", "ideas.title", "units.name as unitName", "d.standard", "d.status",
      "d.requested_at", "requester.name as requestedByName", "d.valid_until", "d.decided_at",
    ]);
  if (!filter.status) listed = listed.orderBy(sql`d.status = 'requested'`, "desc");
  const rows = await listed
    .orderBy("d.requested_at", "desc")
    .orderBy("d.id", "desc")
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return {
    total: Number(total),
    rows: rows.map((r) => ({
      id: r.id, ideaId: r.idea_id, ideaReference: r.reference, ideaTitle: r.title, unitName: r.unitName, standard: r.standard,
      status: r.status, requestedAt: r.requested_at, requestedByName: r.requestedByName, validUntil: r.valid_until,
      decidedAt: r.decided_at,
    })),
  };
}
