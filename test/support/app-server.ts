import { type ChildProcess, spawn } from "node:child_process";
import { SERVER_NODE_OPTIONS } from "../../scripts/server-node-options";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort } from "../../scripts/bench/processes";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export { freePort };

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of the project's scripts (db/migrate.ts, db/seed.ts) the way `npm run` would. */
export function runScript(script: string, args: string[], env: Record<string, string>): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(tsx, [script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: "pipe" });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface RunningApp {
  url: string;
  /** The PostgreSQL database the app runs on (journeys on PostgreSQL only). */
  databaseName?: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Starts the production build (`build/`, server.ts compiled to build/server.js), as `npm start` does after building. */
export async function startApp(env: Record<string, string>, args: string[] = []): Promise<RunningApp> {
  // A caller may fix the port (e.g. an OIDC redirect URI must be known before the app starts).
  const port = env.PORT ? Number(env.PORT) : await freePort();
  // Plain node, as `npm start` runs it: SIGTERM reaches the server itself, which closes the database
  // and releases its lock.
  const child = spawn(process.execPath, [...SERVER_NODE_OPTIONS, "build/server.js", ...args], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", SESSION_COOKIE_SECURE: "false", ...env },
    stdio: "pipe",
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    url,
    process: child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        await exited;
      }
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await app.stop();
  throw new Error(`The app did not become healthy within 60 s:\n${output}`);
}

/** The app on a fresh embedded database with the demo data, in a temp folder removed by `stop`. */
export async function startDemoApp(name: string): Promise<RunningApp> {
  const dataRoot = mkdtempSync(path.join(tmpdir(), `idesluss-${name}-`));
  const app = await startApp({ PGLITE_DIR: path.join(dataRoot, "pglite"), DATABASE_URL: "" }, ["--migrate", "--seed-if-empty"]);
  return {
    ...app,
    stop: async () => {
      await app.stop();
      rmSync(dataRoot, { recursive: true, force: true });
    },
  };
}

export type DemoDatabaseKind = "pglite" | "postgres";

/**
 * The databases the browser journeys run on: embedded PGlite always, and a real PostgreSQL server as
 * well when TEST_DATABASE_URL is set (CI sets it). Use with `describe.each(journeyDatabases())`.
 */
export function journeyDatabases(): DemoDatabaseKind[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

/**
 * The app with fresh demo data on `kind`: on PGlite in a temp folder; on PostgreSQL in a new database
 * on TEST_DATABASE_URL's server (dropped again by `stop`).
 */
export async function startDemoAppOn(kind: DemoDatabaseKind, name: string): Promise<RunningApp> {
  if (kind === "pglite") return startDemoApp(name);
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (!baseUrl) throw new Error("TEST_DATABASE_URL is not set: the PostgreSQL journeys need a server.");
  const { adminConnection, databaseUrlFor } = await import("./postgres-admin");
  const database = `idesluss_e2e_${name.replace(/[^a-z0-9]/gi, "_").toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  const admin = await adminConnection(baseUrl);
  try {
    await admin.query(`create database "${database}"`);
  } finally {
    await admin.end();
  }
  const dropDatabase = async () => {
    const client = await adminConnection(baseUrl);
    try {
      await client.query(`drop database if exists "${database}" with (force)`);
    } finally {
      await client.end();
    }
  };
  let app: RunningApp;
  try {
    // The server seeds only an embedded database (db/prepare.ts): load the demo data as `npm run db:seed` does.
    const seeded = await runScript("db/seed.ts", [], { DATABASE_URL: databaseUrlFor(baseUrl, database) });
    if (seeded.code !== 0) throw new Error(`Demodata kunde inte läsas in i ${database}: ${seeded.stderr}`);
    app = await startApp(
      { DATABASE_URL: databaseUrlFor(baseUrl, database), SESSION_SECRET: "browser-journeys-only-secret-0123456789abcdef" },
      ["--migrate", "--seed-if-empty"],
    );
  } catch (error) {
    await dropDatabase();
    throw error;
  }
  return {
    ...app,
    databaseName: database,
    stop: async () => {
      await app.stop();
      await dropDatabase();
    },
  };
}
