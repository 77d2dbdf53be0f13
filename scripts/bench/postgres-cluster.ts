// A throwaway PostgreSQL cluster for the benchmark: initdb in the temp folder, started on a free port
// with settings for a benchmark, stopped (and removed unless --keep) at the end.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { log } from "./log";
import { freePort } from "./processes";

/** Settings for a benchmark on a cluster whose data may be lost: fsync off is fine here, never in production. */
export const BENCH_SERVER_SETTINGS: Record<string, string> = {
  shared_buffers: "256MB",
  work_mem: "16MB",
  maintenance_work_mem: "256MB",
  effective_cache_size: "2GB",
  fsync: "off",
  synchronous_commit: "off",
  full_page_writes: "off",
  max_connections: "100",
  listen_addresses: "127.0.0.1",
};

export interface PostgresCluster {
  url: string;
  dataDir: string;
  /** True when the folder was kept from an earlier run with --keep. */
  reused: boolean;
  stop(): Promise<void>;
}

/** Folders with pg_ctl and initdb: PATH first, then Debian's /usr/lib/postgresql/<version>/bin (newest first). */
export function findPostgresBin(): string | null {
  const candidates = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin")));
  }
  return candidates.find((dir) => existsSync(path.join(dir, "pg_ctl")) && existsSync(path.join(dir, "initdb"))) ?? null;
}

const runningAsRoot = () => process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: then its tools run as the postgres user. */
function runPostgresTool(bin: string, tool: string, args: string[]): string {
  const executable = path.join(bin, tool);
  const [command, commandArgs] = runningAsRoot()
    ? ["runuser", ["-u", "postgres", "--", executable, ...args]]
    : [executable, args];
  const result = spawnSync(command, commandArgs, { encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${tool} misslyckades (${result.status}):\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

function postgresUserIds(): { uid: number; gid: number } {
  return {
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim()),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim()),
  };
}

export async function startThrowawayCluster(bin: string, options: { ideas: number; keep: boolean }): Promise<PostgresCluster> {
  // One folder per size, so --keep lets the next run with the same --ideas reuse the seeded data.
  const root = path.join(tmpdir(), `idesluss-bench-postgres-${options.ideas}`);
  const dataDir = path.join(root, "data");
  const reused = existsSync(path.join(dataDir, "PG_VERSION"));
  if (!reused) {
    rmSync(root, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (runningAsRoot()) {
      const { uid, gid } = postgresUserIds();
      chownSync(root, uid, gid);
      chownSync(dataDir, uid, gid);
    }
    log(`initdb i ${dataDir} …`);
    runPostgresTool(bin, "initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  } else {
    log(`Återanvänder klustret i ${dataDir} (sparat med --keep).`);
  }
  const port = await freePort();
  const settings = { ...BENCH_SERVER_SETTINGS, port: String(port), unix_socket_directories: root };
  const serverOptions = Object.entries(settings).map(([key, value]) => `-c ${key}=${value}`).join(" ");
  runPostgresTool(bin, "pg_ctl", ["-D", dataDir, "-l", path.join(root, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
  log(`PostgreSQL startad på 127.0.0.1:${port} (${Object.entries(BENCH_SERVER_SETTINGS).filter(([k]) => k !== "listen_addresses").map(([k, v]) => `${k}=${v}`).join(", ")}).`);
  log("Obs: fsync=off och full_page_writes=off passar bara ett kluster som får kastas – aldrig i drift.");

  let stopped = false;
  const cluster: PostgresCluster = {
    url: `postgres://bench:bench@127.0.0.1:${port}/idesluss_bench`,
    dataDir,
    reused,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      try {
        runPostgresTool(bin, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
        log("PostgreSQL-klustret stoppat.");
      } finally {
        if (options.keep) log(`Klustret sparas i ${root} (--keep).`);
        else rmSync(root, { recursive: true, force: true });
      }
    },
  };
  try {
    await createBenchDatabase(port);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/** A superuser role (the synthetic seed skips per-row foreign-key triggers for one) and its database. */
async function createBenchDatabase(port: number): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
  await client.connect();
  try {
    const role = await client.query("select 1 from pg_roles where rolname = 'bench'");
    if (role.rowCount === 0) await client.query("create role bench login superuser password 'bench'");
    const database = await client.query("select 1 from pg_database where datname = 'idesluss_bench'");
    if (database.rowCount === 0) await client.query("create database idesluss_bench owner bench");
  } finally {
    await client.end();
  }
}
