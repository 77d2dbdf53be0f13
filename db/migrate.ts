// npm run db:migrate [-- --seed-if-empty]
// Brings the schema to the latest migration. With --seed-if-empty, an empty *embedded* database also
// gets the demo data; a server given by DATABASE_URL is never seeded here.
import { runWithDatabase } from "./cli";
import { prepareDatabase } from "./prepare";

await runWithDatabase((handle) =>
  prepareDatabase(handle, { migrate: true, seedIfEmpty: process.argv.includes("--seed-if-empty"), log: console.log }),
);
