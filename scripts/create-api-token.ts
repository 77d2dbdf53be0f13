// npm run token:create -- <e-postadress> <beskrivning>
// Issues an API token for /api/v1 for an active person and prints it once on stdout (nothing else goes
// to stdout, so `TOKEN=$(npm run -s token:create -- …)` works). Uses DATABASE_URL, or the embedded
// database in PGLITE_DIR — which only one process may hold: stop the app first (the message says so).
import { formatStartupError } from "../db/cli";
import { type DatabaseHandle, describeDatabase, openDatabase } from "../db/database";
import { createApiTokenFromCli, parseTokenCliArgs } from "../app/services/api-tokens.server";
import { parseEnv } from "../app/utils/env.server";

const argv = process.argv.slice(2);
const args = parseTokenCliArgs(argv);
if (!args.ok) {
  console.error(args.message);
  process.exitCode = 1;
} else {
  let handle: DatabaseHandle | undefined;
  try {
    const env = parseEnv(process.env);
    handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, poolSize: 2 });
    console.error(describeDatabase(handle));
    const result = await createApiTokenFromCli(handle.db, argv);
    if (result.ok) {
      process.stdout.write(`${result.token}\n`);
      console.error("Nyckeln visas bara nu. Spara den säkert; den kan återkallas under /admin/api-nycklar.");
    } else {
      console.error(`Fel: ${result.message}`);
      process.exitCode = 1;
    }
  } catch (error) {
    const missingTables = (error as { code?: string }).code === "42P01";
    console.error(missingTables ? "Fel: databasen saknar tabeller. Kör npm run db:migrate först." : formatStartupError(error));
    process.exitCode = 1;
  } finally {
    await handle?.close();
  }
}
