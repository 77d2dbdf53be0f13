import type { DatabaseHandle } from "./database";
import { migrateToLatest } from "./migrator";
import { isDatabaseEmpty, seedDemoData } from "./seed/demo";

/**
 * What a start does before serving: migrate to the latest schema and, on an empty *embedded*
 * database only, load the demo data. A server given by DATABASE_URL is never seeded here.
 */
export async function prepareDatabase(
  handle: DatabaseHandle,
  options: { migrate: boolean; seedIfEmpty: boolean; log: (line: string) => void },
): Promise<void> {
  if (options.migrate) {
    const { results = [] } = await migrateToLatest(handle.db);
    const applied = results.filter((r) => r.status === "Success").map((r) => r.migrationName);
    options.log(applied.length ? `Migrerade: ${applied.join(", ")}` : "Databasschemat är redan aktuellt.");
  }
  if (options.seedIfEmpty && handle.kind === "pglite" && (await isDatabaseEmpty(handle.db))) {
    options.log("Tom inbyggd databas – läser in demodata …");
    const summary = await seedDemoData(handle.db, { now: new Date() });
    options.log(`Demodata inläst: ${summary.units} enheter, ${summary.users} personer, ${summary.ideas} idéer.`);
  }
}
