// The measured HTTP endpoints: who asks, what the issue's target is, and which baseline route runs the
// same queries. Each is warmed and checked (2xx, content type) before it is measured: a benchmark of
// error pages is worthless.
import { parse } from "csv-parse/sync";
import type { BenchAccount, BenchFixtures } from "./fixtures";
import { type LoadShape, type LoadStats, loadHttp } from "./load";
import { log } from "./log";

export interface Targets {
  /** p95 at most this many ms. */
  p95Ms?: number;
  /** requests/s at least this share of the baseline's. */
  ratio?: number;
  /** One request alone finishes within this many ms. */
  singleMs?: number;
}

export interface Endpoint {
  name: string;
  label: string;
  path: string;
  /** A session cookie for this account, or the steering group's API token. */
  auth: BenchAccount | "api-token";
  contentType: RegExp;
  targets: Targets;
  /** The baseline server's route with the same queries, if any. */
  baselinePath?: string;
  /** Expected data rows of a CSV answer (checked once). */
  csvRows?: number;
}

const LIST_P95_MS = 150;
const IDEA_P95_MS = 50;
const BASELINE_RATIO = 0.5;
const EXPORT_MS = 2000;
const html = /^text\/html/;

export function benchEndpoints(fixtures: BenchFixtures, ideas: number): Endpoint[] {
  const withBaseline = (p95Ms: number) => ({ p95Ms, ratio: BASELINE_RATIO });
  return [
    { name: "start", label: "Startsidan /", path: "/", auth: "employee", contentType: html, targets: {} },
    { name: "ideas-list", label: "Idélistan sida 1", path: "/ideas", auth: "employee", contentType: html,
      targets: withBaseline(LIST_P95_MS), baselinePath: "/list" },
    { name: "ideas-list-p2000", label: "Idélistan sida 2000, avslutade", path: "/ideas?steg=avslutad&sida=2000", auth: "employee",
      contentType: html, targets: withBaseline(LIST_P95_MS), baselinePath: "/list-deep" },
    { name: "search", label: `Fritextsök ”${fixtures.searchWord}”`, path: `/ideas?q=${encodeURIComponent(fixtures.searchWord)}`,
      auth: "employee", contentType: html, targets: { p95Ms: LIST_P95_MS } },
    { name: "idea", label: `Idésidan ${fixtures.ideaReference}`, path: `/ideas/${fixtures.ideaId}`, auth: "employee", contentType: html,
      targets: withBaseline(IDEA_P95_MS), baselinePath: `/idea?id=${fixtures.ideaId}` },
    { name: "inbox", label: "Inkorgen, Östermalm", path: "/inbox", auth: "contact", contentType: html, targets: { p95Ms: LIST_P95_MS } },
    { name: "portfolio", label: "Portföljen", path: "/portfolio", auth: "steering", contentType: html,
      targets: withBaseline(LIST_P95_MS), baselinePath: "/portfolio" },
    { name: "portfolio-charts", label: "Portföljens diagram", path: "/portfolio/diagram", auth: "steering", contentType: html, targets: {} },
    { name: "export-csv", label: "CSV-export, pilot", path: "/ideas/export.csv?steg=pilot", auth: "steering", contentType: /^text\/csv/,
      targets: { singleMs: EXPORT_MS }, csvRows: pilotIdeasFor(ideas) },
    { name: "api-portfolio", label: "GET /api/v1/portfolio", path: "/api/v1/portfolio", auth: "api-token", contentType: /^application\/json/,
      targets: {} },
  ];
}

/** The synthetic seed puts exactly 1 idea in 20 in pilot; demo pilots come on top, so this is a floor. */
function pilotIdeasFor(ideas: number): number {
  return Math.floor(ideas / 20);
}

export function headersFor(endpoint: Endpoint, fixtures: BenchFixtures): Record<string, string> {
  return endpoint.auth === "api-token"
    ? { authorization: `Bearer ${fixtures.apiToken}` }
    : { cookie: fixtures.cookies[endpoint.auth] };
}

export class EndpointCheckError extends Error {
  override name = "EndpointCheckError";
}

/** A few requests first; throws unless each is 2xx with the expected content type. Returns the last one's ms. */
export async function warmAndCheck(
  url: string, headers: Record<string, string>, endpoint: Endpoint, requests = 3, checkCsv = true,
): Promise<number> {
  let lastMs = NaN;
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers, redirect: "manual" });
    const body = await response.text();
    lastMs = performance.now() - started;
    const type = response.headers.get("content-type") ?? "";
    if (response.status < 200 || response.status > 299 || !endpoint.contentType.test(type)) {
      throw new EndpointCheckError(
        `${endpoint.name} (${url}) svarade ${response.status} ${type}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}: ` +
          body.slice(0, 300).replace(/\s+/g, " "),
      );
    }
    if (i === 0 && checkCsv && endpoint.csvRows !== undefined) checkCsvRows(endpoint, body);
  }
  return lastMs;
}

function checkCsvRows(endpoint: Endpoint, body: string) {
  const records = parse(body, { bom: true, delimiter: ";", record_delimiter: "\r\n", relax_column_count: true }) as unknown[];
  const rows = records.length - 1;
  if (rows < endpoint.csvRows!) {
    throw new EndpointCheckError(`${endpoint.name}: ${rows} rader, väntade minst ${endpoint.csvRows}.`);
  }
  log(`  ${endpoint.name}: ${rows} rader i CSV-filen (${(body.length / 1e6).toFixed(1)} MB).`);
}

export interface MeasuredEndpoint {
  endpoint: Endpoint;
  stats: LoadStats;
  /** One request on its own after the warm-up (only where a single-request target exists). */
  singleMs: number | null;
}

export async function measureEndpoint(baseUrl: string, endpoint: Endpoint, fixtures: BenchFixtures, shape: LoadShape): Promise<MeasuredEndpoint> {
  const url = `${baseUrl}${endpoint.path}`;
  const headers = headersFor(endpoint, fixtures);
  await warmAndCheck(url, headers, endpoint);
  const singleMs = endpoint.targets.singleMs !== undefined ? await warmAndCheck(url, headers, endpoint, 1, false) : null;
  const stats = await loadHttp(url, headers, shape);
  return { endpoint, stats, singleMs };
}
