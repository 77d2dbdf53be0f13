import { describeDatabase, openDatabase, type DatabaseHandle } from "../../db/database";
import { getEnv } from "./env.server";

declare global {
  // Kept on globalThis so `remix dev` rebuilds reuse the open database instead of locking it twice.
  // eslint-disable-next-line no-var
  var __idesluss_database: Promise<DatabaseHandle> | undefined;
}

async function connect(): Promise<DatabaseHandle> {
  const env = getEnv();
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    pgliteDir: env.PGLITE_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  console.log(describeDatabase(handle));
  const close = () => {
    handle.close().finally(() => process.exit(0));
  };
  process.once("SIGINT", close);
  process.once("SIGTERM", close);
  return handle;
}

/** The application's one database handle, opened on first use. */
export function getDatabase(): Promise<DatabaseHandle> {
  globalThis.__idesluss_database ??= connect();
  return globalThis.__idesluss_database;
}
