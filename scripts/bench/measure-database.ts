// One database's part of the benchmark: seed (or reuse), fixtures, chart functions in-process, then
// the baseline server and the app one after the other (PGlite allows one process at a time).
import { randomBytes } from "node:crypto";
import path from "node:path";
import { type DatabaseHandle, openPGlite, openPostgres } from "../../db/database";
import { parseEnv } from "../../app/utils/env.server";
import { chartMeasurements } from "./charts";
import { postgresVersion, prepareBenchData } from "./database";
import { benchEndpoints, type Endpoint, type MeasuredEndpoint, measureEndpoint, warmAndCheck } from "./endpoints";
import { type BenchFixtures, createBenchFixtures } from "./fixtures";
import { type LoadShape, type LoadStats, loadHttp, loadInProcess } from "./load";
import { log } from "./log";
import { type BenchOptions, wanted } from "./options";
import { freePort, residentMemoryMb, type ServerProcess, startServerProcess } from "./processes";
import type { DatabaseRun, ResultRow } from "./report";
import { SERVER_NODE_OPTIONS } from "../server-node-options";

export type BenchDatabase = { kind: "postgres"; url: string; where: string } | { kind: "pglite"; dir: string };

const root = path.resolve(import.meta.dirname, "../..");
/** The pool size the app uses unless DATABASE_POOL_SIZE says otherwise; the baseline gets the same. */
const POOL_SIZE = parseEnv({}).DATABASE_POOL_SIZE;

/** Session cookies are signed with this; the app and the baseline get it too. */
export const BENCH_SESSION_SECRET = randomBytes(32).toString("base64url");

/** Env for a child server on this database; clears what the caller's env might point elsewhere. */
function serverEnv(database: BenchDatabase, port: number): Record<string, string | undefined> {
  return {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    APP_URL: `http://127.0.0.1:${port}`,
    SESSION_SECRET: BENCH_SESSION_SECRET,
    SESSION_COOKIE_SECURE: "false",
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    DATABASE_URL: database.kind === "postgres" ? database.url : undefined,
    PGLITE_DIR: database.kind === "pglite" ? database.dir : undefined,
    SMTP_URL: undefined, OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_REDIRECT_URI: undefined,
  };
}

function openBenchDatabase(database: BenchDatabase): Promise<DatabaseHandle> {
  return database.kind === "postgres" ? openPostgres(database.url, { poolSize: POOL_SIZE }) : openPGlite(database.dir);
}

export interface Cleanups {
  add(cleanup: () => Promise<void>): () => void;
}

async function withServer<T>(cleanups: Cleanups, start: () => Promise<ServerProcess>, use: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await start();
  const remove = cleanups.add(() => server.stop());
  try {
    return await use(server);
  } finally {
    await server.stop();
    remove();
  }
}

const stepLabel = (stats: LoadStats) =>
  `p95 ${stats.p95Ms.toFixed(1)} ms, ${Math.round(stats.rps)} req/s${stats.non2xx + stats.errors ? `, ${stats.non2xx + stats.errors} fel` : ""}`;

export async function measureDatabase(database: BenchDatabase, options: BenchOptions, cleanups: Cleanups): Promise<DatabaseRun> {
  const shape: LoadShape = { connections: options.connections, durationSeconds: options.durationSeconds };
  const where = database.kind === "postgres" ? database.where : `PGlite i ${database.dir}`;
  log(`\n=== ${where} ===`);

  // Seed, fixtures and the in-process measurements hold the database; it is closed before any server starts.
  const handle = await openBenchDatabase(database);
  let fixtures: BenchFixtures;
  let prepared: Awaited<ReturnType<typeof prepareBenchData>>;
  let version: string;
  const chartRows: ResultRow[] = [];
  try {
    prepared = await prepareBenchData(handle.db, { ideas: options.ideas, where, kind: database.kind });
    fixtures = await createBenchFixtures(handle.db);
    version = await postgresVersion(handle.db);
    for (const chart of (await chartMeasurements(handle.db)).filter((c) => wanted(options, c.name))) {
      await chart.work(); // warm
      const stats = await loadInProcess(chart.work, shape);
      log(`  ${chart.label}: ${stepLabel(stats)}`);
      chartRows.push({ name: chart.name, label: chart.label, kind: "in-process", stats, baselineRps: null, baselineP95Ms: null, singleMs: null, targets: {} });
    }
  } finally {
    await handle.close();
  }

  const endpoints = benchEndpoints(fixtures, options.ideas).filter((e) => wanted(options, e.name));
  const baselineRps = new Map<string, number>();
  const baselineP95Ms = new Map<string, number>();
  const withBaseline = endpoints.filter((e): e is Endpoint & { baselinePath: string } => e.baselinePath !== undefined);
  if (withBaseline.length) {
    const port = await freePort();
    await withServer(
      cleanups,
      () => startServerProcess("Baslinjeservern", ["--import", "tsx", path.join(root, "scripts/bench/baseline-server.ts")],
        { ...serverEnv(database, port), BENCH_SESSION_TOKEN: fixtures.employeeSessionToken }, { port, healthPath: "/healthz" }),
      async (server) => {
        log(`Baslinje (node:http, pid ${server.pid}) på ${server.url}`);
        for (const endpoint of withBaseline) {
          const url = `${server.url}${endpoint.baselinePath}`;
          await warmAndCheck(url, {}, { ...endpoint, contentType: /^application\/json/, csvRows: undefined });
          const stats = await loadHttp(url, {}, shape);
          log(`  baslinje ${endpoint.baselinePath}: ${stepLabel(stats)}`);
          baselineRps.set(endpoint.name, stats.rps);
          baselineP95Ms.set(endpoint.name, stats.p95Ms);
        }
      },
    );
  }

  const measured: MeasuredEndpoint[] = [];
  let memory: ReturnType<typeof residentMemoryMb> = null;
  if (endpoints.length) {
    const port = await freePort();
    await withServer(
      cleanups,
      () => startServerProcess("Appen", [...SERVER_NODE_OPTIONS, "build/server.js"], serverEnv(database, port), { port, healthPath: "/healthz" }),
      async (server) => {
        log(`Appen (produktionsbygge, pid ${server.pid}) på ${server.url}`);
        for (const endpoint of endpoints) {
          const result = await measureEndpoint(server.url, endpoint, fixtures, shape);
          log(`  ${endpoint.label}: ${stepLabel(result.stats)}${result.singleMs !== null ? `, en begäran ${Math.round(result.singleMs)} ms` : ""}`);
          measured.push(result);
        }
        memory = residentMemoryMb(server.pid);
      },
    );
  }

  const rows: ResultRow[] = [
    ...measured.map(({ endpoint, stats, singleMs }): ResultRow => ({
      name: endpoint.name, label: endpoint.label, kind: "http", stats, singleMs, targets: endpoint.targets,
      baselineRps: baselineRps.get(endpoint.name) ?? null,
      baselineP95Ms: baselineP95Ms.get(endpoint.name) ?? null,
    })),
    ...chartRows,
  ];
  const mem = memory as ReturnType<typeof residentMemoryMb>;
  return {
    database: database.kind, version, rows, rssMb: mem?.rssMb ?? null, peakRssMb: mem?.peakRssMb ?? null,
    seedMs: prepared.seedMs, reusedSeed: prepared.reused, portfolioRefreshMs: prepared.portfolioRefreshMs,
    portfolioRefreshCold: prepared.portfolioRefreshCold,
  };
}
