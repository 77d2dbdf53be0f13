import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database } from "../../db/schema";
import { seedDemoData } from "../../db/seed/demo";
import { PIPELINE_COLUMN_LIMIT, type PipelineColumn } from "../../app/domain/pipeline";
import { STAGES, type Stage } from "../../app/domain/vocabulary";
import { unitSubtreeIds } from "../../app/models/unit-path.server";
import { loader as ideasLoader } from "../../app/routes/ideas._index";
import { loader as pipelineLoader } from "../../app/routes/pipeline";
import { call, getRequest } from "../support/admin-requests";
import { sessionCookieFor } from "../support/sessions";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
const cookies: Record<string, string> = {};
let ostermalm: string;
let bromma: string;
let ostermalmUnits: string[];
let brommaUnits: string[];

const DAY_MS = 86_400_000;
const unitOf = async (name: string) => (await db.selectFrom("units").select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;
const board = async (query = "", who = "kontaktperson") => {
  const result = await call<{ columns: PipelineColumn[]; errors: Record<string, string> }>(
    pipelineLoader, getRequest(`/pipeline${query}`, cookies[who]!));
  return { status: result.status, columns: result.data.columns, errors: result.data.errors };
};
const column = (columns: PipelineColumn[], stage: Stage) => columns.find((c) => c.stage === stage)!;
const cardIds = (columns: PipelineColumn[]) => columns.flatMap((c) => c.cards.map((card) => card.id));

/** What the board should count, straight from the table: submitted, unmerged, closed within 90 days. */
async function expectedCounts(where: { unitIds?: string[]; kind?: string; focus?: string } = {}) {
  const since = new Date(Date.now() - 90 * DAY_MS);
  const { rows } = await sql<{ stage: Stage; shown: number; total: number }>`
    select stage,
           count(*) filter (where stage <> 'avslutad' or stage_changed_at >= ${since})::int as shown,
           count(*)::int as total
    from ideas
    where submitted_at is not null and merged_into_id is null
      and (${where.unitIds ?? null}::uuid[] is null or unit_id = any(${where.unitIds ?? null}::uuid[]))
      and (${where.kind ?? null}::text is null or kind = ${where.kind ?? null})
      and (${where.focus ?? null}::text is null or focus_areas @> array[${where.focus ?? null}]::text[])
    group by stage order by stage`.execute(db);
  return Object.fromEntries(STAGES.map((stage) => {
    const row = rows.find((r) => r.stage === stage);
    return [stage, { count: Number(row?.shown ?? 0), total: Number(row?.total ?? 0) }];
  }));
}
const countsOf = (columns: PipelineColumn[]) =>
  Object.fromEntries(columns.map((c) => [c.stage, { count: c.count, total: c.total }]));

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  await seedDemoData(db, { now: new Date() });
  globalThis.__idesluss_database = Promise.resolve(handle);
  for (const who of ["medarbetare", "kontaktperson", "styrgrupp", "admin"]) {
    cookies[who] = await sessionCookieFor(db, `${who}@idesluss.test`);
  }
  ostermalm = await unitOf("Östermalms stadsdelsförvaltning");
  bromma = await unitOf("Bromma stadsdelsförvaltning");
  ostermalmUnits = await unitSubtreeIds(db, [ostermalm]);
  brommaUnits = await unitSubtreeIds(db, [bromma]);
});

afterAll(async () => {
  globalThis.__idesluss_database = undefined;
  await handle.close();
});

describe(`pipeline board on ${testDatabaseKind()}`, () => {
  it("counts every stage as the table does, and shows each column's cards within its count", async () => {
    const { status, columns } = await board("", "medarbetare");
    expect(status).toBe(200);
    expect(columns.map((c) => c.stage)).toEqual([...STAGES]);
    const expected = await expectedCounts();
    expect(countsOf(columns)).toEqual(expected);
    expect(expected.avslutad!.total).toBeGreaterThan(expected.avslutad!.count);
    for (const c of columns) {
      expect(c.cards.length).toBe(Math.min(c.count, PIPELINE_COLUMN_LIMIT));
      const days = c.cards.map((card) => card.daysInStage);
      // Open stages: longest waiting first; avslutad: most recently closed first.
      expect(days).toEqual([...days].sort((a, b) => (c.stage === "avslutad" ? a - b : b - a)));
    }
    for (const card of column(columns, "avslutad").cards) {
      expect(card.outcome).not.toBeNull();
      expect(card.daysInStage).toBeLessThanOrEqual(90);
    }
  });

  it("narrows counts and cards to a unit and everything below it", async () => {
    const { columns } = await board(`?enhet=${ostermalm}`);
    expect(countsOf(columns)).toEqual(await expectedCounts({ unitIds: ostermalmUnits }));
    const ids = cardIds(columns);
    expect(ids.length).toBeGreaterThan(5);
    const units = await db.selectFrom("ideas").select("unit_id").where("id", "in", ids).execute();
    expect(units.every((u) => ostermalmUnits.includes(u.unit_id))).toBe(true);
    // A sub-unit alone is narrower still.
    const hemtjanst = await unitOf("Hemtjänsten Östermalm");
    const sub = await board(`?enhet=${hemtjanst}`);
    expect(countsOf(sub.columns)).toEqual(await expectedCounts({ unitIds: [hemtjanst] }));
    expect(cardIds(sub.columns).length).toBeLessThan(ids.length);
  });

  it("narrows counts and cards by kind and focus area, also combined with a unit", async () => {
    for (const [query, where] of [
      ["?typ=digital_tjanst", { kind: "digital_tjanst" }],
      ["?fokus=dialog_med_invanare", { focus: "dialog_med_invanare" }],
      [`?enhet=${ostermalm}&typ=processforbattring&fokus=informationshantering`,
        { unitIds: ostermalmUnits, kind: "processforbattring", focus: "informationshantering" }],
    ] as const) {
      const { status, columns } = await board(query);
      expect(status, query).toBe(200);
      const expected = await expectedCounts(where);
      expect(countsOf(columns), query).toEqual(expected);
      const ids = cardIds(columns);
      const rows = ids.length ? await db.selectFrom("ideas").select(["kind", "focus_areas"]).where("id", "in", ids).execute() : [];
      if ("kind" in where) expect(rows.every((r) => r.kind === where.kind), query).toBe(true);
      if ("focus" in where) expect(rows.every((r) => r.focus_areas.includes(where.focus as never)), query).toBe(true);
      expect(Object.values(expected).reduce((n, e) => n + e.count, 0), query).toBeLessThan(
        Object.values(await expectedCounts()).reduce((n, e) => n + e.count, 0));
    }
  });

  it("answers 400 with a Swedish message for a filter outside the lists", async () => {
    const bad = await board("?typ=nagot&enhet=inte-en-enhet");
    expect(bad.status).toBe(400);
    expect(bad.errors.typ).toBe("Välj en typ av idé i listan.");
    expect(bad.errors.enhet).toBe("Välj en förvaltning eller enhet i listan.");
    const unknown = await board("?enhet=00000000-0000-4000-8000-000000000000");
    expect(unknown.status).toBe(400);
    expect(unknown.errors.enhet).toMatch(/Enheten finns inte/);
  });

  it("never shows drafts or merged ideas", async () => {
    const drafts = await db.selectFrom("ideas").select("id").where("submitted_at", "is", null).execute();
    expect(drafts.length).toBeGreaterThan(0);
    const target = await db.selectFrom("ideas").select("id").where("unit_id", "in", ostermalmUnits)
      .where("stage", "=", "bedomning").where("submitted_at", "is not", null).orderBy("submitted_at").executeTakeFirstOrThrow();
    const merged = await db.selectFrom("ideas").select("id").where("unit_id", "in", ostermalmUnits)
      .where("stage", "=", "inskickad").where("submitted_at", "is not", null).orderBy("submitted_at").executeTakeFirstOrThrow();
    const before = column((await board(`?enhet=${ostermalm}`)).columns, "inskickad");
    expect(before.cards.map((c) => c.id)).toContain(merged.id);
    await db.updateTable("ideas").set({ merged_into_id: target.id }).where("id", "=", merged.id).execute();

    const { columns } = await board(`?enhet=${ostermalm}`);
    const ids = cardIds(columns);
    expect(ids).not.toContain(merged.id);
    for (const draft of drafts) expect(ids).not.toContain(draft.id);
    expect(column(columns, "inskickad").count).toBe(before.count - 1);
    expect(countsOf(columns)).toEqual(await expectedCounts({ unitIds: ostermalmUnits }));
  });

  it("offers 'Fatta beslut' to the kontaktperson on Östermalm's early stages only, and never to a medarbetare", async () => {
    const { columns } = await board("");
    const cards = columns.filter((c) => c.stage === "inskickad" || c.stage === "bedomning").flatMap((c) => c.cards);
    const units = new Map((await db.selectFrom("ideas").select(["id", "unit_id"]).where("id", "in", cards.map((c) => c.id)).execute())
      .map((r) => [r.id, r.unit_id]));
    const ostermalmCards = cards.filter((c) => ostermalmUnits.includes(units.get(c.id)!));
    const brommaCards = cards.filter((c) => brommaUnits.includes(units.get(c.id)!));
    expect(ostermalmCards.length).toBeGreaterThan(3);
    expect(brommaCards.length).toBeGreaterThan(0);
    expect(ostermalmCards.every((c) => c.mayDecide)).toBe(true);
    expect(brommaCards.some((c) => c.mayDecide)).toBe(false);
    // Prioritering and later are the styrgrupp's, even in Östermalm.
    expect(columns.filter((c) => c.stage === "prioritering" || c.stage === "pilot").flatMap((c) => c.cards).some((c) => c.mayDecide)).toBe(false);

    const employee = await board("", "medarbetare");
    expect(employee.columns.flatMap((c) => c.cards).some((c) => c.mayDecide)).toBe(false);
    const steering = await board("", "styrgrupp");
    expect(column(steering.columns, "prioritering").cards.every((c) => c.mayDecide)).toBe(true);
    expect(column(steering.columns, "inskickad").cards.some((c) => c.mayDecide)).toBe(false);
  });

  it("bounds a long column to the longest-waiting ideas and links to all of them on /ideas", async () => {
    const submitter = (await db.selectFrom("users").select("id").where("email", "=", "medarbetare@idesluss.test").executeTakeFirstOrThrow()).id;
    const extra = PIPELINE_COLUMN_LIMIT + 5;
    await db.insertInto("ideas").values(Array.from({ length: extra }, (_, i) => ({
      title: `Extra bedömning ${i + 1}`, submitter_id: submitter, unit_id: brommaUnits[0]!, stage: "bedomning" as const,
      kind: "ovrigt" as const, stage_changed_at: new Date(Date.now() - (i + 1) * 3 * DAY_MS), submitted_at: new Date(Date.now() - 400 * DAY_MS),
      reference_year: 2099, reference_number: i + 1,
    }))).execute();

    const { columns } = await board(`?enhet=${bromma}`);
    const assessment = column(columns, "bedomning");
    const expected = await db.selectFrom("ideas").select(["id", "stage_changed_at"]).where("unit_id", "in", brommaUnits)
      .where("stage", "=", "bedomning").where("submitted_at", "is not", null).where("merged_into_id", "is", null)
      .orderBy("stage_changed_at").orderBy("id").execute();
    expect(expected.length).toBeGreaterThan(PIPELINE_COLUMN_LIMIT);
    expect(assessment.count).toBe(expected.length);
    expect(assessment.total).toBe(expected.length);
    expect(assessment.cards.map((c) => c.id)).toEqual(expected.slice(0, PIPELINE_COLUMN_LIMIT).map((r) => r.id));

    // "Visa alla N" goes to /ideas with the stage and the same filters, which lists the same N ideas.
    const all = await call<{ total: number }>(ideasLoader, getRequest(`/ideas?steg=bedomning&enhet=${bromma}`, cookies.kontaktperson!));
    expect(all.status).toBe(200);
    expect(all.data.total).toBe(assessment.count);
  });
});
