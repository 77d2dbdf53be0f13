import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { inject } from "vitest";
import { openMemoryPGlite, openPostgres, type DatabaseHandle } from "../../db/database";
import { adminConnection, databaseUrlFor } from "./postgres-admin";

export type TestDatabaseKind = "pglite" | "postgres";

export function testDatabaseKind(): TestDatabaseKind {
  return process.env.TEST_DB_KIND === "postgres" ? "postgres" : "pglite";
}

/**
 * A fresh, fully migrated database for one test file: a copy of the migrated PGlite dump, or a new
 * PostgreSQL database cloned from the migrated template. `close()` throws it away.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (testDatabaseKind() === "pglite") {
    const dump = readFileSync(inject("pgliteTemplateFile"));
    return openMemoryPGlite(new Blob([dump]));
  }
  const baseUrl = process.env.TEST_DATABASE_URL!;
  const name = `idesluss_test_${randomBytes(6).toString("hex")}`;
  const admin = await adminConnection(baseUrl);
  try {
    await admin.query(`create database ${name} template ${inject("postgresTemplateDatabase")}`);
  } finally {
    await admin.end();
  }
  const handle = await openPostgres(databaseUrlFor(baseUrl, name), { poolSize: 25 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = await adminConnection(baseUrl);
      try {
        await cleanup.query(`drop database if exists ${name}`);
      } finally {
        await cleanup.end();
      }
    },
  };
}
