// The benchmark's results: rows checked against the issue's targets, a table for people (stderr) and
// one JSON object for machines (the last line of stdout, and bench-results/latest.json).
import type { Targets } from "./endpoints";
import type { LoadStats } from "./load";
import { log } from "./log";
import type { OptimiserResult } from "./optimiser";

export const RSS_TARGET_MB = 300;

export interface ResultRow {
  name: string;
  label: string;
  kind: "http" | "in-process";
  stats: LoadStats;
  baselineRps: number | null;
  /** The baseline's p95 at the same load: how fast the same SQL can answer on this machine at all. */
  baselineP95Ms: number | null;
  singleMs: number | null;
  targets: Targets;
}

export interface DatabaseRun {
  database: "postgres" | "pglite";
  version: string;
  rows: ResultRow[];
  rssMb: number | null;
  peakRssMb: number | null;
  seedMs: number | null;
  reusedSeed: boolean;
  portfolioRefreshMs: number | null;
  portfolioRefreshCold: boolean;
}

const round = (value: number, digits = 1) => (Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null);
const ratioOf = (row: ResultRow) => (row.baselineRps ? row.stats.rps / row.baselineRps : null);

/** What this row misses, in words; empty when every target is met. */
export function missedTargets(row: ResultRow): string[] {
  const missed: string[] = [];
  const { p95Ms, ratio, singleMs } = row.targets;
  if (p95Ms !== undefined && !(row.stats.p95Ms <= p95Ms)) missed.push(`p95 ${Math.round(row.stats.p95Ms)} ms > ${p95Ms} ms`);
  const measuredRatio = ratioOf(row);
  if (ratio !== undefined && measuredRatio !== null && measuredRatio < ratio) missed.push(`kvot ${measuredRatio.toFixed(2)} < ${ratio}`);
  if (singleMs !== undefined && !(row.singleMs !== null && row.singleMs < singleMs)) {
    missed.push(`en begäran ${row.singleMs === null ? "–" : Math.round(row.singleMs)} ms ≥ ${singleMs} ms`);
  }
  if (row.stats.non2xx + row.stats.errors > 0) missed.push(`${row.stats.non2xx} icke-2xx, ${row.stats.errors} fel`);
  return missed;
}

export function runMisses(run: DatabaseRun): string[] {
  const misses = run.rows.flatMap((row) => missedTargets(row).map((m) => `${row.name}: ${m}`));
  if (run.rssMb !== null && run.rssMb >= RSS_TARGET_MB) misses.push(`RSS ${run.rssMb} MB ≥ ${RSS_TARGET_MB} MB`);
  return misses;
}

function describeTargets(targets: Targets): string {
  const parts: string[] = [];
  if (targets.p95Ms !== undefined) parts.push(`p95≤${targets.p95Ms}`);
  if (targets.ratio !== undefined) parts.push(`kvot≥${targets.ratio}`);
  if (targets.singleMs !== undefined) parts.push(`1 st<${targets.singleMs} ms`);
  return parts.join(", ") || "–";
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

const ms = (value: number | null) => (value === null || !Number.isFinite(value) ? "–" : value < 10 ? value.toFixed(1) : String(Math.round(value)));
const num = (value: number | null) => (value === null || !Number.isFinite(value) ? "–" : String(Math.round(value)));

export function printRunTable(run: DatabaseRun): void {
  const title = run.database === "postgres" ? `PostgreSQL ${run.version}` : `PGlite (PostgreSQL ${run.version})`;
  log("");
  log(`== ${title} ==`);
  const body = run.rows.map((row) => {
    const ratio = ratioOf(row);
    const missed = missedTargets(row);
    return [
      row.name, ms(row.stats.p50Ms), ms(row.stats.p95Ms), ms(row.stats.p99Ms), num(row.stats.rps), num(row.baselineRps),
      ms(row.baselineP95Ms), ratio === null ? "–" : ratio.toFixed(2), row.singleMs === null ? "–" : ms(row.singleMs),
      String(row.stats.non2xx + row.stats.errors), describeTargets(row.targets), missed.length ? "✗" : "ok",
    ];
  });
  log(table(["namn", "p50 ms", "p95 ms", "p99 ms", "req/s", "bas req/s", "bas p95", "kvot", "1 st ms", "fel", "mål", ""], body));
  const rss = run.rssMb === null ? "–" : `${run.rssMb} MB (topp ${run.peakRssMb} MB)`;
  log(`Appens RSS efter körningen: ${rss} – mål < ${RSS_TARGET_MB} MB ${run.rssMb !== null && run.rssMb < RSS_TARGET_MB ? "ok" : "✗"}`);
  if (run.portfolioRefreshMs !== null) {
    log(`Portföljens nyckeltal, första beräkning: ${Math.round(run.portfolioRefreshMs)} ms${run.portfolioRefreshCold ? "" : " (återanvänd databas – inte kall)"}`);
  }
  for (const row of run.rows) {
    const codes = Object.entries(row.stats.statusCodes).filter(([code]) => !code.startsWith("2"));
    if (codes.length || row.stats.errors) {
      log(`  ${row.name}: ${codes.map(([code, n]) => `${n} × ${code}`).join(", ")}${row.stats.errors ? ` ${row.stats.errors} anslutningsfel` : ""}`);
    }
  }
}

export function printComparison(postgres: DatabaseRun, pglite: DatabaseRun): void {
  log("");
  log("== PostgreSQL och PGlite bredvid varandra ==");
  const byName = new Map(pglite.rows.map((row) => [row.name, row]));
  const body = postgres.rows.map((row) => {
    const other = byName.get(row.name);
    const otherRatio = other ? ratioOf(other) : null;
    const ratio = ratioOf(row);
    return [
      row.name, ms(row.stats.p95Ms), other ? ms(other.stats.p95Ms) : "–", num(row.stats.rps), other ? num(other.stats.rps) : "–",
      ratio === null ? "–" : ratio.toFixed(2), otherRatio === null ? "–" : otherRatio.toFixed(2),
    ];
  });
  log(table(["namn", "p95 PG", "p95 PGlite", "req/s PG", "req/s PGlite", "kvot PG", "kvot PGlite"], body));
  log(`RSS: PostgreSQL ${postgres.rssMb ?? "–"} MB, PGlite ${pglite.rssMb ?? "–"} MB`);
}

function runJson(run: DatabaseRun) {
  return {
    database: run.database,
    version: run.version,
    results: run.rows.map((row) => ({
      name: row.name,
      kind: row.kind,
      p50Ms: round(row.stats.p50Ms),
      p95Ms: round(row.stats.p95Ms),
      p99Ms: round(row.stats.p99Ms),
      rps: round(row.stats.rps),
      requests: row.stats.requests,
      baselineRps: row.baselineRps === null ? null : round(row.baselineRps),
      baselineP95Ms: row.baselineP95Ms === null ? null : round(row.baselineP95Ms),
      ratio: ratioOf(row) === null ? null : round(ratioOf(row)!, 2),
      ...(row.singleMs !== null ? { singleMs: round(row.singleMs) } : {}),
      non2xx: row.stats.non2xx,
      errors: row.stats.errors,
      missed: missedTargets(row),
    })),
    rssMb: run.rssMb,
    peakRssMb: run.peakRssMb,
    portfolioRefreshMs: run.portfolioRefreshMs === null ? null : Math.round(run.portfolioRefreshMs),
    portfolioRefreshCold: run.portfolioRefreshCold,
    seedMs: run.seedMs === null ? null : Math.round(run.seedMs),
    reusedSeed: run.reusedSeed,
  };
}

export interface BenchReport {
  ideas: number;
  durationSeconds: number;
  connections: number;
  main: DatabaseRun;
  pglite: DatabaseRun | null;
  optimiser: OptimiserResult | null;
  machine: Record<string, unknown>;
}

/** The JSON object: the main database's run at the top level, PGlite's beside it. */
export function reportJson(report: BenchReport): Record<string, unknown> {
  const { database, version, ...main } = runJson(report.main);
  return {
    ideas: report.ideas,
    database,
    ...main,
    optimiser: report.optimiser,
    ...(report.pglite ? { pglite: runJson(report.pglite) } : {}),
    load: { connections: report.connections, durationSeconds: report.durationSeconds },
    machine: { ...report.machine, [database === "postgres" ? "postgres" : "pglite"]: version, ...(report.pglite ? { pglite: report.pglite.version } : {}) },
    generatedAt: new Date().toISOString(),
  };
}
