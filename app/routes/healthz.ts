import { sql } from "kysely";
import { getDatabase } from "~/utils/db.server";

/** Liveness and readiness in one: 200 only after the database has answered a real query. */
export async function loader() {
  const headers = { "Cache-Control": "no-store" };
  let database: "pglite" | "postgres" | undefined;
  try {
    const handle = await getDatabase();
    database = handle.kind;
    await withTimeout(sql`select 1 as ok`.execute(handle.db), 5_000);
    return Response.json({ status: "ok", database }, { headers });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return Response.json({ status: "error", database: database ?? null, error: message }, { status: 503, headers });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`databasen svarade inte inom ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
