import { type Kysely, type MigrationResultSet, Migrator } from "kysely";
import { migrations } from "./migrations";
import type { Database } from "./schema";

export function createMigrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  });
}

/** Brings the schema to the latest migration; each migration runs in its own transaction. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error");
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`Migreringen ${failed?.migrationName ?? "(okänd)"} misslyckades: ${reason}`, {
      cause: result.error,
    });
  }
  return result;
}
