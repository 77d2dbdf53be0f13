import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { seedSyntheticData } from "../../db/seed/synthetic";
import { refreshPortfolioFigures } from "../../app/models/portfolio.server";
import {
  HEAVY_PAGES, installQueryRecorder, loadPage, preparePageFixtures, type PageFixtures, type QueryRecorder,
  type RecordedQuery,
} from "../support/query-recorder";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

// Issue 10, "no N+1 queries": the number of queries a heavy page runs must not grow with the data.
// Each page is counted at two sizes of the same database – demo data + 300 synthetic ideas, then
// 1 500 more ideas (and a longer history on the idea page's idea, more notifications) – and the two
// counts must be equal and under the cap.

/**
 * No heavy page may run more queries than this, root loader included. A page that is free of N+1
 * needs a fixed handful per section it shows; the idea page, with the most sections, needs about 35.
 * A per-row query on a page capped at N rows stays constant in N but shows up here instead.
 */
const QUERY_CAP = 40;

let handle: DatabaseHandle;
let recorder: QueryRecorder;
let uninstall: () => void;
let fixtures: PageFixtures;
const small = new Map<string, RecordedQuery[]>();
const large = new Map<string, RecordedQuery[]>();

async function recordPage(page: (typeof HEAVY_PAGES)[number]): Promise<RecordedQuery[]> {
  // Warm each page first: /portfolio and the API bring idea_portfolio_figures up to date on a read
  // after a change (from the portfolio_figures_queue, a bounded batch per read), so the first reads'
  // counts depend on how much changed, not on the page. What is counted is the steady state: read
  // until two reads in a row run the same number of queries (at most 20 reads).
  let previous = -1;
  for (let attempt = 0; attempt < 20; attempt++) {
    const { queries } = await recorder.record(() => loadPage(page, fixtures));
    if (queries.length === previous) return queries;
    previous = queries.length;
  }
  throw new Error(`${page.name}: the number of queries did not settle in 20 reads`);
}

async function recordAll(into: Map<string, RecordedQuery[]>) {
  for (const page of HEAVY_PAGES) into.set(page.name, await recordPage(page));
}

/** The statements a page ran more than once, most repeated first: where an N+1 shows. */
function repeatedStatements(queries: RecordedQuery[]): string {
  const counts = new Map<string, number>();
  for (const query of queries) counts.set(query.sql, (counts.get(query.sql) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).sort((a, b) => b[1] - a[1])
    .map(([statement, n]) => `  ${n}× ${statement.replace(/\s+/g, " ").slice(0, 200)}`).join("\n") || "  (none)";
}

/** A long timeline and more comments on the idea page's idea, and more notifications for the list. */
async function growPerPageData(db: Kysely<Database>, ideaId: string) {
  await sql`
    insert into idea_events (idea_id, kind, actor_id, payload, created_at)
    select e.idea_id, e.kind, e.actor_id, e.payload, e.created_at - make_interval(mins => g)
    from idea_events e cross join generate_series(1, 20) g where e.idea_id = ${ideaId}`.execute(db);
  await sql`
    insert into comments (idea_id, author_id, body, created_at)
    select c.idea_id, c.author_id, c.body || ' (' || g || ')', c.created_at - make_interval(mins => g)
    from comments c cross join generate_series(1, 20) g where c.idea_id = ${ideaId} and c.deleted_at is null`.execute(db);
  await sql`
    insert into notifications (user_id, idea_id, kind, title, created_at)
    select u.id, i.id, 'stage_changed', 'Syntetisk avisering ' || g, now() - make_interval(mins => g)
    from users u cross join generate_series(1, 60) g
    join lateral (select id from ideas order by id offset g limit 1) i on true
    where u.email = 'medarbetare@idesluss.test'`.execute(db);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  const now = new Date();
  await seedDemoData(handle.db, { now });
  await seedSyntheticData(handle.db, { ideas: 300, now });
  // The new ideas' figures are computed before counting (a page read does at most a couple of batches
  // and leaves the rest to the background worker, so a backlog would show up as extra queries).
  await refreshPortfolioFigures(handle.db);
  await sql`analyze`.execute(handle.db);
  fixtures = await preparePageFixtures(handle.db);
  ({ recorder, uninstall } = installQueryRecorder(handle));
  await recordAll(small);

  await seedSyntheticData(handle.db, { ideas: 1_500, now });
  await growPerPageData(handle.db, fixtures.richIdeaId);
  await refreshPortfolioFigures(handle.db);
  await sql`analyze`.execute(handle.db);
  await recordAll(large);
}, 300_000);

afterAll(async () => {
  uninstall?.();
  await handle?.close();
});

describe(`query recorder on ${testDatabaseKind()}`, () => {
  it("records builder queries, raw sql and queries inside a transaction, with their parameters", async () => {
    const { db, recorder: selfTestRecorder } = installQueryRecorder(handle);
    const { queries } = await selfTestRecorder.record(async () => {
      await db.selectFrom("units").select("id").where("name", "=", "Bromma stadsdelsförvaltning").execute();
      await sql`select ${42}::int as answer`.execute(db);
      await db.transaction().execute(async (trx) => {
        await trx.selectFrom("app_settings").select("key").execute();
        await sql`select 1`.execute(trx);
      });
    });
    expect(queries.map((q) => q.sql)).toEqual([
      expect.stringMatching(/^select "id" from "units" where "name" = \$1/),
      "select $1::int as answer",
      expect.stringMatching(/^select "key" from "app_settings"/),
      "select 1",
    ]);
    expect(queries[0]!.parameters).toEqual(["Bromma stadsdelsförvaltning"]);
    expect(queries[1]!.parameters).toEqual([42]);
  });
});

describe(`queries per page do not grow with the data on ${testDatabaseKind()}`, () => {
  for (const page of HEAVY_PAGES) {
    it(`${page.name} (${page.url({ richIdeaId: "<id>", cookies: {} as PageFixtures["cookies"], apiToken: "" })})`, () => {
      const before = small.get(page.name)!;
      const after = large.get(page.name)!;
      const repeated = `statements run more than once with the larger data:\n${repeatedStatements(after)}`;
      expect(after.length, `${page.name}: ${before.length} queries with 300 ideas, ${after.length} with 1 800; ${repeated}`)
        .toBe(before.length);
      expect(after.length, `${page.name}: ${after.length} queries, more than the cap of ${QUERY_CAP}; ${repeated}`)
        .toBeLessThanOrEqual(QUERY_CAP);
    });
  }
});
