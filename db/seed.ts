// npm run db:seed                     – demo data into an empty database
// npm run db:seed -- --ideas 100000   – the demo data if missing, then 100 000 synthetic ideas
import { runWithDatabase } from "./cli";
import { migrateToLatest } from "./migrator";
import { isDatabaseEmpty, seedDemoData } from "./seed/demo";
import { seedSyntheticData } from "./seed/synthetic";

function parseIdeaCount(argv: string[]): number | null {
  const index = argv.indexOf("--ideas");
  const raw = index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith("--ideas="))?.slice(8);
  if (raw === undefined) return null;
  const count = Number(raw);
  if (!Number.isInteger(count) || count < 1 || count > 5_000_000) {
    throw new Error("Seed: --ideas måste vara ett heltal mellan 1 och 5 000 000.");
  }
  return count;
}

await runWithDatabase(async ({ db }) => {
  const ideaCount = parseIdeaCount(process.argv.slice(2));
  await migrateToLatest(db);
  const now = new Date();
  if (await isDatabaseEmpty(db)) {
    const demo = await seedDemoData(db, { now });
    console.log(`Demodata inläst: ${demo.units} enheter, ${demo.users} personer, ${demo.ideas} idéer.`);
  } else if (ideaCount === null) {
    throw new Error("Seed: databasen innehåller redan data, så demodata läses inte in igen.");
  }
  if (ideaCount !== null) {
    const started = Date.now();
    const summary = await seedSyntheticData(db, { ideas: ideaCount, now, log: (line) => console.log(line) });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `Syntetiska data: ${summary.ideas} idéer, ${summary.users} personer, ${summary.events} händelser, ` +
        `${summary.comments} kommentarer på ${seconds} s.`,
    );
  }
});
