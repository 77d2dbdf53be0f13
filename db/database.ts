import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { parse as parseArray } from "postgres-array";
import lockfile from "proper-lockfile";
import { PGliteDialect } from "./pglite-dialect";
import type { Database } from "./schema";

export type DatabaseKind = "postgres" | "pglite";

export interface DatabaseHandle {
  db: Kysely<Database>;
  kind: DatabaseKind;
  /** Where the data lives, for the start-up log line (never contains a password). */
  location: string;
  close(): Promise<void>;
}

/** The database is not there or refuses us; the message is meant for a person, not a stack trace. */
export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

const OID = { INT8: 20, NUMERIC: 1700, INT8_ARRAY: 1016, NUMERIC_ARRAY: 1231, DATE: 1082 } as const;

/** int8 as a JS number; refusing values a number cannot hold exactly rather than rounding them. */
export function parseInt8(value: string): number {
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed)) {
    throw new RangeError(`int8 value ${value} is outside the range a JavaScript number holds exactly`);
  }
  return parsed;
}

/** numeric is used only for rates, weights and averages (never money), so a float is what we want. */
export function parseNumeric(value: string): number {
  return Number(value);
}

/** A calendar date stays the 'YYYY-MM-DD' text PostgreSQL sends: a Date would shift it by the time zone. */
export function parseDate(value: string): string {
  return value;
}

const parseInt8Array = (value: string) => parseArray(value, parseInt8);
const parseNumericArray = (value: string) => parseArray(value, parseNumeric);

let pgParsersInstalled = false;
function installPgTypeParsers() {
  if (pgParsersInstalled) return;
  // pg's TypeId enum lacks the array OIDs, hence the widened signature.
  const setParser = pg.types.setTypeParser as (oid: number, parse: (value: string) => unknown) => void;
  setParser(OID.INT8, parseInt8);
  setParser(OID.NUMERIC, parseNumeric);
  setParser(OID.INT8_ARRAY, parseInt8Array);
  setParser(OID.NUMERIC_ARRAY, parseNumericArray);
  setParser(OID.DATE, parseDate);
  pgParsersInstalled = true;
}

export function describePostgresUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    const database = url.pathname.replace(/^\//, "") || "(standard)";
    return `${url.hostname || "localhost"}:${url.port || "5432"}/${database}`;
  } catch {
    return "(ogiltig DATABASE_URL)";
  }
}

export async function openPostgres(databaseUrl: string, options: { poolSize?: number } = {}): Promise<DatabaseHandle> {
  installPgTypeParsers();
  const location = describePostgresUrl(databaseUrl);
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on("error", (error) => console.error(`PostgreSQL (${location}): ${error.message}`));
  try {
    const client = await pool.connect();
    try {
      await client.query("select 1");
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `Kan inte ansluta till PostgreSQL på ${location} (DATABASE_URL): ${reason}`,
    );
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: "postgres", location, close: () => db.destroy() };
}

const pgliteParsers = {
  [OID.INT8]: parseInt8,
  [OID.NUMERIC]: parseNumeric,
  [OID.INT8_ARRAY]: parseInt8Array,
  [OID.NUMERIC_ARRAY]: parseNumericArray,
  [OID.DATE]: parseDate,
};

async function createPGlite(options: { dataDir?: string; loadDataDir?: Blob | File }): Promise<PGlite> {
  return PGlite.create({
    ...options,
    extensions: { pg_trgm },
    parsers: pgliteParsers,
  });
}

/**
 * Embedded PostgreSQL persisted in `dataDir`. One process at a time: a lock file beside the folder
 * refuses a second process instead of letting two WASM instances write the same files.
 */
export async function openPGlite(dataDir: string): Promise<DatabaseHandle> {
  const absolute = path.resolve(dataDir);
  mkdirSync(absolute, { recursive: true });
  let releaseLock: () => Promise<void>;
  try {
    releaseLock = await lockfile.lock(absolute, {
      lockfilePath: `${absolute}.lock`,
      stale: 15_000,
      update: 5_000,
      realpath: false,
      onCompromised: (error) => console.error(`Låset för den inbyggda databasen gick förlorat: ${error.message}`),
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new DatabaseUnavailableError(
        `Den inbyggda databasen i ${absolute} används redan av en annan process. ` +
          "Stoppa den andra Idéslussen-processen (eller ange en annan mapp med PGLITE_DIR) och försök igen.",
      );
    }
    throw error;
  }
  let pglite: PGlite;
  try {
    pglite = await createPGlite({ dataDir: absolute });
  } catch (error) {
    await releaseLock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: "pglite",
    location: absolute,
    close: async () => {
      await db.destroy();
      await releaseLock();
    },
  };
}

/** An in-memory PGlite, optionally started from a dump (tests start every file from a migrated one). */
export async function openMemoryPGlite(loadDataDir?: Blob | File): Promise<DatabaseHandle & { pglite: PGlite }> {
  const pglite = await createPGlite(loadDataDir ? { loadDataDir } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, pglite, kind: "pglite", location: "memory", close: () => db.destroy() };
}

export interface DatabaseConfig {
  databaseUrl?: string | undefined;
  pgliteDir: string;
  poolSize?: number;
}

export function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, { poolSize: config.poolSize })
    : openPGlite(config.pgliteDir);
}

export function describeDatabase(handle: DatabaseHandle): string {
  return handle.kind === "postgres"
    ? `Databas: PostgreSQL på ${handle.location}`
    : `Databas: inbyggd PostgreSQL (PGlite) i ${handle.location}`;
}
