import { parseEnv } from "../app/utils/env.server";
import { DatabaseUnavailableError, describeDatabase, openDatabase, type DatabaseHandle } from "./database";

/** Runs a command-line task against the configured database, turning known faults into one clear line. */
export async function runWithDatabase(task: (handle: DatabaseHandle) => Promise<void>): Promise<void> {
  let handle: DatabaseHandle | undefined;
  try {
    const env = parseEnv(process.env);
    handle = await openDatabase({
      databaseUrl: env.DATABASE_URL,
      pgliteDir: env.PGLITE_DIR,
      poolSize: env.DATABASE_POOL_SIZE,
    });
    console.log(describeDatabase(handle));
    await task(handle);
  } catch (error) {
    const known = error instanceof DatabaseUnavailableError || (error instanceof Error && /^(Ogiltig|Migreringen|Seed)/.test(error.message));
    console.error(known ? `Fel: ${(error as Error).message}` : error);
    process.exitCode = 1;
  } finally {
    await handle?.close();
  }
}
