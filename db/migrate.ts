// npm run db:migrate [-- --seed-if-empty]
// Brings the schema to the latest migration. With --seed-if-empty (used by `npm start`), an empty
// *embedded* database also gets the demo data; a server given by DATABASE_URL is never seeded here.
import { runWithDatabase } from "./cli";
import { migrateToLatest } from "./migrator";
import { isDatabaseEmpty, seedDemoData } from "./seed/demo";

const seedIfEmpty = process.argv.includes("--seed-if-empty");

await runWithDatabase(async ({ db, kind }) => {
  const { results = [] } = await migrateToLatest(db);
  const applied = results.filter((r) => r.status === "Success").map((r) => r.migrationName);
  console.log(applied.length ? `Migrerade: ${applied.join(", ")}` : "Databasschemat är redan aktuellt.");
  if (seedIfEmpty && kind === "pglite" && (await isDatabaseEmpty(db))) {
    console.log("Tom inbyggd databas – läser in demodata …");
    const summary = await seedDemoData(db, { now: new Date() });
    console.log(`Demodata inläst: ${summary.units} enheter, ${summary.users} personer, ${summary.ideas} idéer.`);
  }
});
