import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { loader as ideaLoader, action as ideaAction } from "../../app/routes/ideas.$ideaId._index";
import { cachedIdeaRead, clearPortfolioReadCache } from "../../app/services/read-cache.server";
import { call, getRequest, postRequest } from "../support/admin-requests";
import { installQueryRecorder, type QueryRecorder, type RecordedQuery } from "../support/query-recorder";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase } from "../support/test-database";

// The idea page shares what is the same for every reader (comments, timeline, gate evidence and
// decisions, assessment, screening, deviations, pilot, business case, good-example facts) until the
// idea changes: cached under the idea's change stamp and the data generation (migration 0011,
// cachedIdeaRead). These tests check that a second reader runs only the per-reader queries, that
// every table a cached read touches has a trigger that moves the stamp or the generation, and that a
// change of each kind is on the page at once.

let handle: DatabaseHandle;
let db: Kysely<Database>;
let recorder: QueryRecorder;
let uninstall: () => void;
let ideaId: string;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  handle = await createTestDatabase();
  await seedDemoData(handle.db, { now: new Date() });
  ({ recorder, db, uninstall } = installQueryRecorder(handle));
  for (const who of ["admin", "medarbetare"]) cookies[who] = await sessionCookieFor(handle.db, `${who}@idesluss.test`);
  // The demo idea with the most to show: a pilot plan, a business case, comments and gate decisions.
  const rich = await handle.db.selectFrom("ideas").select("ideas.id")
    .where("submitted_at", "is not", null)
    .where((eb) => eb.exists(eb.selectFrom("pilot_plans").select("idea_id").whereRef("pilot_plans.idea_id", "=", "ideas.id")))
    .where((eb) => eb.exists(eb.selectFrom("business_cases").select("idea_id").whereRef("business_cases.idea_id", "=", "ideas.id")))
    .orderBy(sql`(select count(*) from gate_decisions g where g.idea_id = ideas.id)`, "desc")
    .orderBy("ideas.id")
    .executeTakeFirstOrThrow();
  ideaId = rich.id;
});

afterAll(async () => {
  uninstall();
  await handle.close();
});

const page = (who = "admin") => call(ideaLoader, getRequest(`/ideas/${ideaId}`, cookies[who]!), { ideaId });

async function recordedPage(who = "admin") {
  const { result, queries } = await recorder.record(() => page(who));
  expect(result.status).toBe(200);
  return { data: result.data, queries };
}

/** The page's data without the render time, to compare two reads. */
const comparable = (data: Record<string, unknown>) => ({ ...data, now: null });

/** Real tables named after from/join in a statement (CTE names and functions are filtered out by the caller). */
function tablesIn(query: RecordedQuery): string[] {
  return [...query.sql.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi)].map((m) => m[1]!.toLowerCase());
}

describe("the idea page's shared reads", () => {
  it("a second reader runs only the per-reader queries and sees the same page", async () => {
    clearPortfolioReadCache(db);
    const cold = await recordedPage();
    const warm = await recordedPage();
    // The session, the idea itself with its stamp (permissions are decided on it every time), and the
    // reader's own support and following.
    expect(warm.queries.length).toBe(3);
    expect(cold.queries.length).toBeGreaterThan(warm.queries.length + 5);
    expect(comparable(warm.data)).toEqual(comparable(cold.data));
  });

  it("every table a shared read touches moves the idea's stamp or a generation that part follows", async () => {
    clearPortfolioReadCache(db);
    const cold = await recordedPage();
    const warm = await recordedPage();
    const perReader = new Set(warm.queries.map((q) => q.sql));
    const shared = cold.queries.filter((q) => !perReader.has(q.sql));
    expect(shared.length).toBeGreaterThan(5);
    // Moving only the data generation (as another idea's change does) re-reads exactly the parts that
    // show other ideas' rows; every other part stays cached.
    await handle.db.updateTable("portfolio_generation").set((eb) => ({ generation: eb("generation", "+", 1) })).execute();
    const afterOtherIdeas = await recordedPage();
    const followsGeneration = afterOtherIdeas.queries.filter((q) => !perReader.has(q.sql));
    expect(followsGeneration.length).toBe(1);
    const followsReference = shared.filter((q) => !followsGeneration.some((g) => g.sql === q.sql));

    const { rows: tables } = await sql<{ name: string }>`
      select table_name as name from information_schema.tables where table_schema = current_schema()`.execute(handle.db);
    const realTables = new Set(tables.map((t) => t.name));
    const tablesOf = (queries: RecordedQuery[]) => new Set(queries.flatMap(tablesIn).filter((name) => realTables.has(name)));
    const triggeredBy = async (pattern: string) => new Set((await sql<{ name: string }>`
      select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
      where t.tgname like ${pattern}`.execute(handle.db)).rows.map((t) => t.name));
    const stamped = await triggeredBy("%idea_change_stamp%");
    const reference = await triggeredBy("%bump_reference_generation");
    const generation = await triggeredBy("%bump_portfolio_generation");

    const read = tablesOf(followsReference);
    expect(read.has("comments")).toBe(true);
    expect(read.has("idea_events")).toBe(true);
    // Table-level only: the users triggers fire for a change of name or e-mail, the only people's
    // columns the page shows. A part that starts showing another users column needs that column in
    // the triggers' condition (a migration) – this check cannot see columns.
    expect([...read].filter((table) => !stamped.has(table) && !reference.has(table)).sort()).toEqual([]);
    expect([...tablesOf(followsGeneration)].filter((table) => !stamped.has(table) && !generation.has(table)).sort()).toEqual([]);
  });

  it("a change of each kind is on the next page view", async () => {
    clearPortfolioReadCache(db);
    await page();
    await page();

    // A comment through the page itself.
    const posted = await call(ideaAction, postRequest(`/ideas/${ideaId}`, cookies.medarbetare!, [
      ["intent", "comment"], ["body", "En kommentar om cachen"],
    ]), { ideaId });
    expect(posted.status).toBe(302);
    let data = (await page()).data;
    const comment = data.comments.find((c: { body: string }) => c.body === "En kommentar om cachen");
    expect(comment).toBeDefined();

    // Its author renamed (the data generation).
    await handle.db.updateTable("users").set({ name: "Omdöpt Medarbetare" }).where("email", "=", "medarbetare@idesluss.test").execute();
    data = (await page()).data;
    expect(data.comments.find((c: { id: string }) => c.id === comment.id).authorName).toBe("Omdöpt Medarbetare");

    // A timeline event and a business-case line written straight into the tables.
    const eventsBefore = data.timeline.entries.length;
    await handle.db.insertInto("idea_events").values({ idea_id: ideaId, kind: "comment_added", actor_id: null, payload: JSON.stringify({}) }).execute();
    data = (await page()).data;
    expect(data.timeline.entries.length).toBe(eventsBefore + 1);

    const businessCaseBefore = JSON.stringify(data.businessCase);
    await handle.db.updateTable("business_case_lines")
      .set({ amounts: [999_999, 999_999, 999_999] })
      .where("idea_id", "=", ideaId).execute();
    data = (await page()).data;
    expect(JSON.stringify(data.businessCase)).not.toBe(businessCaseBefore);
  });

  it("keeps one entry per idea and part: a newer version replaces the older one", async () => {
    let reads = 0;
    const read = async () => ++reads;
    const at = (changeStamp: number) => ({ ideaId, changeStamp, referenceGeneration: 1, generation: 1 });
    expect(await cachedIdeaRead(handle.db, at(1), "test-part", read)).toBe(1);
    expect(await cachedIdeaRead(handle.db, at(1), "test-part", read)).toBe(1);
    expect(await cachedIdeaRead(handle.db, at(2), "test-part", read)).toBe(2);
    // Version 1 was replaced, not kept beside version 2.
    expect(await cachedIdeaRead(handle.db, at(1), "test-part", read)).toBe(3);
    // A longer timeline (?handelser=) is read for its reader and not kept.
    clearPortfolioReadCache(db);
    await page();
    const longer = () => recorder.record(() => call(ideaLoader, getRequest(`/ideas/${ideaId}?handelser=150`, cookies.admin!), { ideaId }));
    const first = await longer();
    const second = await longer();
    expect(second.queries.length).toBe(first.queries.length);
    expect(second.queries.some((q) => /from "idea_events"/.test(q.sql))).toBe(true);
  });

  it("a statement bumps the stamp once per idea it touched, however many rows", async () => {
    const stamp = async () => Number((await handle.db.selectFrom("idea_change_stamps").select("stamp")
      .where("idea_id", "=", ideaId).executeTakeFirst())?.stamp ?? 0);
    const before = await stamp();
    await sql`insert into idea_events (idea_id, kind, payload)
      select ${ideaId}, kind, payload from idea_events where idea_id = ${ideaId} limit 5`.execute(handle.db);
    expect(await stamp()).toBe(before + 1);
    // A child row (a comment's revision) reaches its idea through the parent.
    const comment = await handle.db.selectFrom("comments").select("id").where("idea_id", "=", ideaId).executeTakeFirstOrThrow();
    await handle.db.insertInto("comment_revisions").values({ comment_id: comment.id, body: "Tidigare lydelse" }).execute();
    expect(await stamp()).toBe(before + 2);
  });
});
