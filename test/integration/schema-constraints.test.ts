import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import type { Database, NewIdea } from "../../db/schema";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
let db: Kysely<Database>;
let unitId: string;
let userId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  db = handle.db;
  ({ id: unitId } = await db.insertInto("units")
    .values({ name: "Östermalms stadsdelsförvaltning", kind: "stadsdelsforvaltning", parent_id: null, short_name: "Östermalm" })
    .returning("id").executeTakeFirstOrThrow());
  ({ id: userId } = await db.insertInto("users")
    .values({ email: "anna@idesluss.test", name: "Anna Berg", unit_id: unitId, password_hash: null, oidc_subject: null, deactivated_at: null })
    .returning("id").executeTakeFirstOrThrow());
});

afterAll(async () => {
  await handle.close();
});

function newIdea(overrides: Record<string, unknown> = {}) {
  return {
    title: "Digital bokning av lokaler",
    submitter_id: userId,
    unit_id: unitId,
    owner_id: null,
    outcome: null,
    reference_year: 2026,
    reference_number: Math.floor(Math.random() * 900000) + 1,
    submitted_at: new Date(),
    estimated_hours_saved_per_month: null,
    estimated_savings_per_year: null,
    estimated_cost: null,
    handles_personal_data: null,
    handles_sensitive_personal_data: null,
    information_owner: null,
    ...overrides,
  } as NewIdea;
}

async function insertIdea(overrides: Record<string, unknown> = {}) {
  return db.insertInto("ideas").values(newIdea(overrides)).returning(["id", "reference", "version"]).executeTakeFirstOrThrow();
}

describe(`schema constraints on ${testDatabaseKind()}`, () => {
  it("derives the reference IDE-YYYY-NNNN from year and number", async () => {
    const idea = await insertIdea({ reference_year: 2026, reference_number: 42 });
    expect(idea.reference).toBe("IDE-2026-0042");
    const large = await insertIdea({ reference_year: 2026, reference_number: 12345 });
    expect(large.reference).toBe("IDE-2026-12345");
  });

  it("refuses a duplicate reference within a year", async () => {
    await insertIdea({ reference_year: 2025, reference_number: 7 });
    await expect(insertIdea({ reference_year: 2025, reference_number: 7 })).rejects.toThrow();
  });

  it("keeps drafts without reference and submitted ideas with one", async () => {
    const draft = await insertIdea({ reference_year: null, reference_number: null, submitted_at: null });
    expect(draft.reference).toBeNull();
    await expect(insertIdea({ reference_year: null, reference_number: null })).rejects.toThrow();
  });

  it("requires an outcome exactly when the idea is closed", async () => {
    await expect(insertIdea({ stage: "avslutad", outcome: null })).rejects.toThrow();
    await expect(insertIdea({ stage: "pilot", outcome: "inford" })).rejects.toThrow();
    await expect(insertIdea({ stage: "avslutad", outcome: "parkerad" })).resolves.toBeDefined();
  });

  it("rejects unknown stages, kinds and focus areas", async () => {
    await expect(insertIdea({ stage: "okand" })).rejects.toThrow();
    await expect(insertIdea({ kind: "annat" })).rejects.toThrow();
    await expect(insertIdea({ focus_areas: ["informationshantering", "okant"] })).rejects.toThrow();
  });

  it("keeps gate decisions immutable: no update, no delete", async () => {
    const idea = await insertIdea();
    const decision = await db.insertInto("gate_decisions").values({
      idea_id: idea.id, from_stage: "inskickad", to_stage: "bedomning", outcome: null,
      motivation: "Tydlig nytta för invånarna, utreds vidare.", meeting_reference: null,
      decided_by: userId, idea_version: 1,
    }).returning("id").executeTakeFirstOrThrow();
    await expect(db.updateTable("gate_decisions").set({ motivation: "Ändrad" }).where("id", "=", decision.id).execute())
      .rejects.toThrow(/append-only/);
    await expect(db.deleteFrom("gate_decisions").where("id", "=", decision.id).execute()).rejects.toThrow(/append-only/);
  });

  it("requires a motivation on every gate decision", async () => {
    const idea = await insertIdea();
    await expect(db.insertInto("gate_decisions").values({
      idea_id: idea.id, from_stage: "inskickad", to_stage: "bedomning", outcome: null,
      motivation: "   ", meeting_reference: null, decided_by: userId, idea_version: 1,
    }).execute()).rejects.toThrow();
  });

  it("keeps the audit log append-only", async () => {
    const row = await db.insertInto("audit_log")
      .values({ actor_id: userId, action: "unit.created", entity_type: "unit", entity_id: unitId, details: "{}", ip_address: null })
      .returning("id").executeTakeFirstOrThrow();
    await expect(db.updateTable("audit_log").set({ action: "unit.renamed" }).where("id", "=", row.id).execute()).rejects.toThrow();
    await expect(db.deleteFrom("audit_log").where("id", "=", row.id).execute()).rejects.toThrow();
  });

  it("never deletes a unit that has ideas", async () => {
    const { id: otherUnit } = await db.insertInto("units")
      .values({ name: "Bromma stadsdelsförvaltning", kind: "stadsdelsforvaltning", parent_id: null, short_name: null })
      .returning("id").executeTakeFirstOrThrow();
    await insertIdea({ unit_id: otherUnit });
    await expect(db.deleteFrom("units").where("id", "=", otherUnit).execute()).rejects.toThrow();
  });

  it("places förvaltningar at the top of the tree and units below one", async () => {
    await expect(db.insertInto("units").values({ name: "Enhet utan förälder", kind: "enhet", parent_id: null, short_name: null }).execute())
      .rejects.toThrow();
    await expect(db.insertInto("units").values({ name: "Förvaltning under förvaltning", kind: "fackforvaltning", parent_id: unitId, short_name: null }).execute())
      .rejects.toThrow();
    await expect(db.insertInto("units").values({ name: "Avdelningen för äldreomsorg", kind: "avdelning", parent_id: unitId, short_name: null }).execute())
      .resolves.toBeDefined();
    await expect(db.insertInto("units").values({ name: "avdelningen FÖR äldreomsorg", kind: "avdelning", parent_id: unitId, short_name: null }).execute())
      .rejects.toThrow();
  });

  it("treats e-mail addresses case-insensitively", async () => {
    await expect(db.insertInto("users")
      .values({ email: "ANNA@idesluss.test", name: "Anna B", unit_id: unitId, password_hash: null, oidc_subject: null, deactivated_at: null })
      .execute()).rejects.toThrow();
  });

  it("stores business-case amounts as whole kronor and refuses negative ones", async () => {
    const idea = await insertIdea();
    await db.insertInto("business_cases").values({ idea_id: idea.id, updated_by: userId }).execute();
    const line = { idea_id: idea.id, kind: "saving" as const, description: "Minskad handläggningstid", unit_id: unitId };
    await db.insertInto("business_case_lines")
      .values({ ...line, position: 0, amounts: sql<number[]>`${sql.val([0, 250000, 250000])}::bigint[]` }).execute();
    await expect(db.insertInto("business_case_lines")
      .values({ ...line, position: 1, amounts: sql<number[]>`${sql.val([0, -1])}::bigint[]` }).execute()).rejects.toThrow();
    const stored = await db.selectFrom("business_case_lines").select("amounts").where("idea_id", "=", idea.id).execute();
    expect(stored).toEqual([{ amounts: [0, 250000, 250000] }]);
  });
});
