import { parseEnv } from "../app/utils/env.server";
import { DatabaseUnavailableError, describeDatabase, openDatabase, type DatabaseHandle } from "./database";

/** One line for a fault a person can fix (database, settings, migration); the full error otherwise. */
export function formatStartupError(error: unknown): unknown {
  const known = error instanceof DatabaseUnavailableError ||
    (error instanceof Error && /^(Ogiltig|Migreringen|Seed)/.test(error.message));
  return known ? `Fel: ${(error as Error).message}` : error;
}

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
    console.error(formatStartupError(error));
    process.exitCode = 1;
  } finally {
    await handle?.close();
  }
}
