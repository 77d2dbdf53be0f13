import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "../../db/seed/demo";
import { seedSyntheticData } from "../../db/seed/synthetic";
import { STAGES } from "../../app/domain/vocabulary";
import { verifyPassword } from "../../app/utils/password.server";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
const now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  expect(await isDatabaseEmpty(handle.db)).toBe(true);
  await seedDemoData(handle.db, { now });
});

afterAll(async () => {
  await handle.close();
});

describe(`demo data on ${testDatabaseKind()}`, () => {
  it("creates the four documented demo accounts with the demo password", async () => {
    const db = handle.db;
    for (const [email, role] of [
      ["medarbetare@idesluss.test", "medarbetare"],
      ["kontaktperson@idesluss.test", "kontaktperson"],
      ["styrgrupp@idesluss.test", "styrgrupp"],
      ["admin@idesluss.test", "administrator"],
    ] as const) {
      const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
      expect(await verifyPassword(user.password_hash!, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.password_hash!, "fel-lösenord")).toBe(false);
      const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
      expect(roles.map((r) => r.role)).toContain(role);
    }
  });

  it("makes the kontaktperson the contact for Östermalm", async () => {
    const scopes = await handle.db
      .selectFrom("user_unit_scopes")
      .innerJoin("users", "users.id", "user_unit_scopes.user_id")
      .innerJoin("units", "units.id", "user_unit_scopes.unit_id")
      .select(["units.name", "units.kind"])
      .where("users.email", "=", "kontaktperson@idesluss.test")
      .execute();
    expect(scopes).toEqual([{ name: "Östermalms stadsdelsförvaltning", kind: "stadsdelsforvaltning" }]);
  });

  it("has all 13 stadsdelsförvaltningar", async () => {
    const districts = await handle.db.selectFrom("units").select("name").where("kind", "=", "stadsdelsforvaltning").execute();
    expect(districts).toHaveLength(13);
    expect(districts.map((d) => d.name)).toContain("Rinkeby-Kista stadsdelsförvaltning");
  });

  it("spreads about 60 ideas over every stage, with gap-free references per year", async () => {
    const ideas = await handle.db.selectFrom("ideas").select(["stage", "outcome", "reference_year", "reference_number"]).execute();
    expect(ideas.length).toBeGreaterThanOrEqual(55);
    expect(ideas.length).toBeLessThanOrEqual(65);
    for (const stage of STAGES) expect(ideas.some((i) => i.stage === stage)).toBe(true);
    const byYear = new Map<number, number[]>();
    for (const idea of ideas) {
      if (idea.reference_year === null) continue;
      byYear.set(idea.reference_year, [...(byYear.get(idea.reference_year) ?? []), idea.reference_number!]);
    }
    for (const numbers of byYear.values()) {
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it("records a decision, an audit row and a timeline event for every stage change", async () => {
    const { rows } = await sql<{ decisions: number; audits: number; events: number }>`
      select (select count(*) from gate_decisions) as decisions,
             (select count(*) from audit_log where action = 'gate_decision.recorded') as audits,
             (select count(*) from idea_events where kind = 'stage_changed') as events`.execute(handle.db);
    expect(rows[0]!.decisions).toBeGreaterThan(40);
    expect(rows[0]!.audits).toBe(rows[0]!.decisions);
    expect(rows[0]!.events).toBe(rows[0]!.decisions);
    const mismatched = await sql<{ id: string }>`
      select i.id from ideas i
      left join lateral (select to_stage from gate_decisions g where g.idea_id = i.id order by decided_at desc limit 1) last on true
      where coalesce(last.to_stage, 'inskickad') <> i.stage`.execute(handle.db);
    expect(mismatched.rows).toEqual([]);
  });

  it("gives every idea from prioritering on a business case", async () => {
    const missing = await handle.db
      .selectFrom("ideas")
      .leftJoin("business_cases", "business_cases.idea_id", "ideas.id")
      .select("ideas.title")
      .where("ideas.stage", "in", ["prioritering", "pilot", "inforande"])
      .where("business_cases.idea_id", "is", null)
      .execute();
    expect(missing).toEqual([]);
  });

  it("adds synthetic ideas with unique, continuing references", async () => {
    const before = await handle.db.selectFrom("ideas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const indexesBefore = await sql<{ def: string }>`select indexdef as def from pg_indexes
      where tablename in ('ideas', 'idea_events', 'comments') order by indexdef`.execute(handle.db);
    const summary = await seedSyntheticData(handle.db, { ideas: 500, now, rebuildIndexes: true });
    const indexesAfter = await sql<{ def: string }>`select indexdef as def from pg_indexes
      where tablename in ('ideas', 'idea_events', 'comments') order by indexdef`.execute(handle.db);
    expect(indexesAfter.rows).toEqual(indexesBefore.rows);
    expect(indexesAfter.rows.length).toBeGreaterThan(10);
    expect(summary.events).toBe(5000);
    expect(summary.comments).toBe(1000);
    const { rows } = await sql<{ year: number; total: number; distinct_refs: number; highest: number }>`
      select reference_year as year, count(*) as total, count(distinct reference) as distinct_refs,
             max(reference_number) as highest
      from ideas where reference is not null group by reference_year`.execute(handle.db);
    for (const year of rows) {
      expect(year.distinct_refs).toBe(year.total);
      expect(year.highest).toBe(year.total);
    }
    const after = await handle.db.selectFrom("ideas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(500);
  });
});
