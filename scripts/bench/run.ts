// npm run bench [-- --ideas N --duration S --connections C --pglite --only a,b --keep]
// Builds for production, prepares a seeded PostgreSQL (BENCH_DATABASE_URL, or a throwaway cluster
// via pg_ctl) and optionally PGlite, measures the app against a bare node:http baseline, and prints
// a table on stderr and one JSON object as the last line of stdout (also bench-results/latest.json).
// A measurement, not a test: it exits 0 when targets are missed, and says which.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describePostgresUrl } from "../../db/database";
import { log, timed } from "./log";
import { BENCH_SESSION_SECRET, type BenchDatabase, type Cleanups, measureDatabase } from "./measure-database";
import { measureOptimiser, type OptimiserResult } from "./optimiser";
import { parseBenchOptions, wanted } from "./options";
import { findPostgresBin, startThrowawayCluster } from "./postgres-cluster";
import { type DatabaseRun, printComparison, printRunTable, reportJson, runMisses } from "./report";

const root = path.resolve(import.meta.dirname, "../..");

// The fixtures sign session cookies in this process: the same secret as the servers get.
process.env.SESSION_SECRET = BENCH_SESSION_SECRET;
process.env.SESSION_COOKIE_SECURE = "false";

/** Stops servers and the cluster on success, error or Ctrl-C alike; latest registered runs first. */
function cleanupStack(): Cleanups & { runAll(): Promise<void> } {
  const stack: (() => Promise<void>)[] = [];
  return {
    add(cleanup) {
      stack.push(cleanup);
      return () => {
        const index = stack.lastIndexOf(cleanup);
        if (index >= 0) stack.splice(index, 1);
      };
    },
    async runAll() {
      while (stack.length) {
        try {
          await stack.pop()!();
        } catch (error) {
          log(`Städning misslyckades: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    },
  };
}

function build(): void {
  log("Bygger för produktion (npm run build) …");
  const result = spawnSync("npm", ["run", "build"], {
    cwd: root, env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", 2, 2],
  });
  // The build's own output would land on stdout, which is reserved for the JSON line: send it to stderr.
  if (result.status !== 0) throw new Error(`npm run build misslyckades (${result.status}).`);
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2));
  const cleanups = cleanupStack();
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    log(`\n${signal}: avbryter och städar …`);
    void cleanups.runAll().finally(() => process.exit(130));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const benchUrl = options.pgliteOnly ? undefined : process.env.BENCH_DATABASE_URL?.trim();
    const bin = benchUrl || options.pgliteOnly ? null : findPostgresBin();
    if (!benchUrl && !bin && !options.pglite) {
      log("Ingen PostgreSQL att mäta på: ange BENCH_DATABASE_URL (en tom databas eller en med samma --ideas), " +
        "installera PostgreSQL (pg_ctl och initdb) eller kör med --pglite.");
      process.exitCode = 1;
      return;
    }
    if (options.skipBuild) log("Använder befintligt bygge i build/ (--skip-build).");
    else build();

    let postgresRun: DatabaseRun | null = null;
    if (benchUrl || bin) {
      let database: BenchDatabase;
      if (benchUrl) {
        database = { kind: "postgres", url: benchUrl, where: `PostgreSQL på ${describePostgresUrl(benchUrl)} (BENCH_DATABASE_URL)` };
      } else {
        const cluster = await startThrowawayCluster(bin!, { ideas: options.ideas, keep: options.keep });
        cleanups.add(() => cluster.stop());
        database = { kind: "postgres", url: cluster.url, where: `PostgreSQL i ett tillfälligt kluster (${cluster.dataDir})` };
      }
      postgresRun = await measureDatabase(database, options, cleanups);
      await cleanups.runAll(); // the cluster is not needed any more
    } else {
      log(options.pgliteOnly ? "--pglite-only: mäter bara PGlite." : "Ingen PostgreSQL hittades: mäter bara PGlite.");
    }

    let pglite: DatabaseRun | null = null;
    if (options.pglite) {
      const dir = path.join(os.tmpdir(), `idesluss-bench-pglite-${options.ideas}`);
      if (!options.keep) cleanups.add(async () => rmSync(dir, { recursive: true, force: true }));
      mkdirSync(dir, { recursive: true });
      pglite = await measureDatabase({ kind: "pglite", dir: path.join(dir, "data") }, options, cleanups);
      await cleanups.runAll();
    }

    let optimiser: OptimiserResult | null = null;
    if (wanted(options, "optimiser")) {
      optimiser = (await timed("Optimeraren (500 kandidater, 5 år, 3 körningar)", () => measureOptimiser())).value;
      log(`  ${optimiser.optimal ? "optimal" : "inte bevisat optimal"}, ${optimiser.selected} valda`);
    }

    const first = (postgresRun ?? pglite)!;
    printRunTable(first);
    if (postgresRun && pglite) {
      printRunTable(pglite);
      printComparison(postgresRun, pglite);
    }
    if (optimiser) log(`Optimeraren: ${optimiser.n} kandidater × ${optimiser.years} år på ${optimiser.ms} ms (${optimiser.optimal ? "optimal" : "inte bevisat optimal"}).`);

    const misses = [...runMisses(first).map((m) => `${first.database}: ${m}`), ...(postgresRun && pglite ? runMisses(pglite).map((m) => `pglite: ${m}`) : [])];
    log("");
    log(misses.length ? `Missade mål (${misses.length}): ${misses.join("; ")}` : "Alla mål nådda.");

    const json = reportJson({
      ideas: options.ideas, durationSeconds: options.durationSeconds, connections: options.connections,
      main: first, pglite: postgresRun ? pglite : null, optimiser,
      machine: {
        cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "okänd", memoryGb: Math.round(os.totalmem() / 2 ** 30),
        node: process.version, platform: `${os.type()} ${os.release()}`,
      },
    });
    const line = JSON.stringify(json);
    mkdirSync(path.join(root, "bench-results"), { recursive: true });
    writeFileSync(path.join(root, "bench-results/latest.json"), `${JSON.stringify(json, null, 2)}\n`);
    log("Resultatet finns också i bench-results/latest.json.");
    process.stdout.write(`${line}\n`);
  } finally {
    await cleanups.runAll();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.name === "Error" || error.name === "EndpointCheckError" ? error.message : error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
