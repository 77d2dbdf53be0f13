import { type Kysely, type Migration, Migrator, NO_MIGRATIONS, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { migrations } from "../../db/migrations";
import { createMigrator } from "../../db/migrator";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});

afterAll(async () => {
  await handle.close();
});

async function tableExists(db: Kysely<any>, table: string): Promise<boolean> {
  const { rows } = await sql<{ exists: boolean }>`select to_regclass(${`public.${table}`}) is not null as exists`.execute(db);
  return rows[0]!.exists;
}

describe(`migrations on ${testDatabaseKind()}`, () => {
  it("a failing migration leaves the schema as it was", async () => {
    const broken: Migration = {
      async up(db) {
        await sql`create table half_done (id integer)`.execute(db);
        await sql`alter table ideas add column broken integer references nowhere(id)`.execute(db);
      },
    };
    const migrator = new Migrator({
      db: handle.db,
      provider: { getMigrations: async () => ({ ...migrations, "9999_broken": broken }) },
    });
    const result = await migrator.migrateToLatest();
    expect(result.error).toBeDefined();
    expect(await tableExists(handle.db, "half_done")).toBe(false);
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations));
  });

  it("migrates down to nothing and up again", async () => {
    const migrator = createMigrator(handle.db);
    const down = await migrator.migrateTo(NO_MIGRATIONS);
    expect(down.error).toBeUndefined();
    expect(await tableExists(handle.db, "ideas")).toBe(false);
    const up = await migrator.migrateToLatest();
    expect(up.error).toBeUndefined();
    expect(await tableExists(handle.db, "ideas")).toBe(true);
    expect(await tableExists(handle.db, "audit_log")).toBe(true);
  });
});
