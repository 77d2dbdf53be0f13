import { finished, PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { Semaphore } from "async-mutex";
import type ExcelJS from "exceljs";
import { stringify } from "csv-stringify/sync";
import type { Kysely } from "kysely";
import type { z } from "zod";
import type { Database } from "../../db/schema";
import { costsInBudgetYears, daysInStage, type PortfolioSort } from "~/domain/portfolio";
import type { FocusArea, Stage } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { type IdeaListRow, searchIdeas } from "~/models/idea-queries.server";
import {
  listAllPortfolio, PAGE_REFRESH_BATCHES, portfolioCostsByYear, portfolioTotals, refreshPortfolioFigures, refreshPortfolioFiguresOf,
  type PortfolioQuery, type PortfolioRow,
} from "~/models/portfolio.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { ideaSearchSchema } from "~/schemas/idea-page";
import { portfolioFilterSchema } from "~/schemas/portfolio";

// CSV and XLSX exports of the portfolio (/portfolio/export.csv|xlsx) and of the idea list
// (/ideas/export.csv|xlsx). Each export's columns are defined once and written by both formats.
// The rows come from the same model functions as the pages (listAllPortfolio/portfolioTotals,
// searchIdeas), so the numbers are the page's. See docs/decisions/0013-exports-and-api.md.
//
// CSV dialect (Swedish Excel): UTF-8 with BOM, ";" between fields, CRLF line ends, numbers as plain
// digits without grouping and with a decimal comma, dates yyyy-mm-dd. Text cells that a spreadsheet
// would read as a formula (= + - @ tab CR first) get a leading apostrophe.
//
// Memory (issue 10, docs/decisions/0019-streaming-exports.md): the XLSX is written by exceljs's
// streaming writer straight into the response, exceljs itself is loaded on the first XLSX export
// only, and at most EXPORT_CONCURRENCY exports are built at once (the rest wait, or get 503).

type Db = Kysely<Database>;
export type ExportFormat = "csv" | "xlsx";

/** Exports are bounded: more rows than this are cut (the Filter sheet says so). */
export const EXPORT_ROW_LIMIT = 10_000;
/** Budget years in the export: the current calendar year and the next four. */
export const EXPORT_BUDGET_YEARS = 5;

type CellKind = "text" | "integer" | "decimal" | "kronor" | "date";
type CellValue = string | number | null;
export interface ExportColumn<R> {
  header: string;
  kind: CellKind;
  /** XLSX column width in characters. */
  width: number;
  /** Dates as "yyyy-mm-dd" strings. */
  value: (row: R) => CellValue;
}

/** The calendar day in Stockholm, "yyyy-mm-dd". */
// One formatter for every cell: toLocaleDateString builds a new one per call (~0.1 ms, per row of an export).
const stockholmDayFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm" });

export function stockholmDay(date: Date): string {
  return stockholmDayFormat.format(date);
}

/** The Stockholm wall-clock time as a Date whose UTC fields show it (Excel cells have no time zone). */
function stockholmWallClock(date: Date): Date {
  return new Date(`${date.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }).replace(" ", "T")}Z`);
}

const sv = () => messagesFor("sv");
const stageName = (stage: Stage) => sv().stages[stage].name;
const focusNames = (areas: readonly FocusArea[]) => areas.map((a) => sv().vocabulary.focusAreas[a]).join(", ");
const PORTFOLIO_SORT_NAMES: Record<PortfolioSort, string> = {
  score: "Viktad poäng", npv: "Nuvärde", financial_npv: "Finansiellt nuvärde", benefit_cost_ratio: "Nytta/kostnad",
  payback: "Återbetalningstid", total_costs: "Total kostnad", age: "Tid i steget", title: "Titel",
};
const yesNo = (value: boolean | null) => (value === null ? "–" : value ? "Ja" : "Nej");

export function portfolioColumns(firstBudgetYear: number, now: Date): ExportColumn<PortfolioRow>[] {
  const columns: ExportColumn<PortfolioRow>[] = [
    { header: "Idénummer", kind: "text", width: 14, value: (r) => r.reference },
    { header: "Titel", kind: "text", width: 48, value: (r) => r.title },
    { header: "Förvaltning/enhet", kind: "text", width: 34, value: (r) => r.unitName },
    { header: "Fokusområden", kind: "text", width: 34, value: (r) => focusNames(r.focusAreas) },
    { header: "Steg", kind: "text", width: 14, value: (r) => stageName(r.stage) },
    { header: "Dagar i steget", kind: "integer", width: 10, value: (r) => daysInStage(r.stageChangedAt, now) },
    { header: "Viktad poäng", kind: "decimal", width: 10, value: (r) => r.weightedScore },
    { header: "Nuvärde (kr)", kind: "kronor", width: 16, value: (r) => r.npv },
    { header: "Finansiellt nuvärde (kr)", kind: "kronor", width: 16, value: (r) => r.financialNpv },
    { header: "Nytta/kostnad", kind: "decimal", width: 10, value: (r) => r.benefitCostRatio },
    { header: "Återbetalningstid (mån)", kind: "integer", width: 12, value: (r) => r.paybackMonths },
    { header: "Självfinansierande", kind: "text", width: 10, value: (r) => yesNo(r.selfFinancing) },
    { header: "Total kostnad (kr)", kind: "kronor", width: 16, value: (r) => r.totalCosts },
    { header: "Total besparing (kr)", kind: "kronor", width: 16, value: (r) => r.totalSavings },
    { header: "Inskickad", kind: "date", width: 12, value: (r) => stockholmDay(r.submittedAt) },
  ];
  for (let y = 0; y < EXPORT_BUDGET_YEARS; y++) {
    columns.push({
      header: `Kostnad ${firstBudgetYear + y} (kr)`, kind: "kronor", width: 14,
      value: (r) => (r.startYear === null ? null : costsInBudgetYears(r, firstBudgetYear, EXPORT_BUDGET_YEARS)[y]!),
    });
  }
  return columns;
}

export const ideaColumns: ExportColumn<IdeaListRow>[] = [
  { header: "Idénummer", kind: "text", width: 14, value: (r) => r.reference },
  { header: "Titel", kind: "text", width: 48, value: (r) => r.title },
  { header: "Steg", kind: "text", width: 14, value: (r) => stageName(r.stage) },
  { header: "Förvaltning/enhet", kind: "text", width: 34, value: (r) => r.unitName },
  { header: "Stöd (antal)", kind: "integer", width: 10, value: (r) => r.supportCount },
  { header: "Inskickad", kind: "date", width: 12, value: (r) => stockholmDay(r.submittedAt) },
  { header: "Sammanslagen", kind: "text", width: 12, value: (r) => (r.merged ? "Ja" : "Nej") },
];

// ---------------------------------------------------------------- CSV

/** A text cell a spreadsheet would treat as a formula gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null) return "";
  if (kind === "text") return neutraliseFormula(String(value));
  if (kind === "date") return String(value);
  const n = Number(value);
  return Number.isInteger(n) ? String(n) : String(n).replace(".", ",");
}

export function toCsv<R>(columns: ExportColumn<R>[], rows: readonly R[]): string {
  const records = [columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => csvCell(c.kind, c.value(row))))];
  return `\uFEFF${stringify(records, { delimiter: ";", record_delimiter: "\r\n" })}`;
}

// ---------------------------------------------------------------- XLSX

const NUMBER_FORMATS: Record<CellKind, string | undefined> = {
  text: undefined, integer: "0", decimal: "0.00", kronor: '#,##0 "kr"', date: "yyyy-mm-dd",
};

/** A real Excel date: the calendar day at midnight UTC (exceljs writes UTC serials). */
const excelDate = (day: string) => new Date(`${day}T00:00:00Z`);

function xlsxCell(kind: CellKind, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (kind === "date") return excelDate(String(value));
  if (kind === "text") return String(value);
  return Number(value);
}

type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;
type Worksheet = ReturnType<WorkbookWriter["addWorksheet"]>;

/** Rows written between two turns of the event loop: lets the zip and the socket drain, and other requests run. */
const ROWS_PER_TURN = 250;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A sheet whose first row is the bold, frozen header; the streaming writer writes views when the sheet is added. */
function addHeaderedSheet(workbook: WorkbookWriter, name: string, columns: Partial<ExcelJS.Column>[]): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  return sheet;
}

async function writeTableSheet<R>(workbook: WorkbookWriter, output: PassThrough, name: string, columns: ExportColumn<R>[], rows: readonly R[]) {
  const sheet = addHeaderedSheet(workbook, name, columns.map((c, i) => ({
    header: c.header, key: `c${i}`, width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  })));
  for (let i = 0; i < rows.length; i++) {
    sheet.addRow(columns.map((c) => xlsxCell(c.kind, c.value(rows[i]!)))).commit();
    if (i % ROWS_PER_TURN === ROWS_PER_TURN - 1) {
      await nextTurn();
      if (output.destroyed) throw new Error("Exporten avbröts.");
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  sheet.commit();
}

/** A two-column sheet (label, value), e.g. the totals or the filters used. */
type Pair = [string, string | number | Date | null, string?];
function writePairsSheet(workbook: WorkbookWriter, name: string, headers: [string, string], pairs: Pair[]) {
  const sheet = addHeaderedSheet(workbook, name, [{ header: headers[0], key: "label", width: 34 }, { header: headers[1], key: "value", width: 28 }]);
  for (const [label, value, numFmt] of pairs) {
    const row = sheet.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
    row.commit();
  }
  sheet.commit();
}

/** What an XLSX export holds: one table sheet, then label/value sheets (Summering, Filter). */
interface WorkbookPlan<R> {
  table: { name: string; columns: ExportColumn<R>[]; rows: readonly R[] };
  pairSheets: { name: string; headers: [string, string]; pairs: Pair[] }[];
}

/**
 * The XLSX download: exceljs's streaming writer writes into a PassThrough that is the response body,
 * so only the rows (already read) and the zip's buffers are in memory, never the whole workbook.
 * Writing goes on after the Response is returned; an error destroys the body (the client sees a broken
 * download) and is logged. `release` (the export slot) runs once the body has ended, failed or been
 * cancelled, or the client has gone (`signal`).
 */
async function xlsxResponse<R>(plan: WorkbookPlan<R>, baseName: string, now: Date, signal: AbortSignal, release: () => void): Promise<Response> {
  const { default: excel } = await import("exceljs");
  const output = new PassThrough();
  releaseWhenClosed(output, signal, release);
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = "Idéslussen";
  workbook.created = now;
  // A body closed early (client gone, error) stops the zip too, so its deflate buffers are freed at once
  // (a no-op once the zip is finalised). `zip` is the writer's archiver, not in exceljs's types.
  output.once("close", () => (workbook as unknown as { zip: { abort(): void } }).zip.abort());
  void (async () => {
    await writeTableSheet(workbook, output, plan.table.name, plan.table.columns, plan.table.rows);
    for (const sheet of plan.pairSheets) writePairsSheet(workbook, sheet.name, sheet.headers, sheet.pairs);
    await workbook.commit();
  })().catch((error: unknown) => {
    if (!output.destroyed) console.error(`XLSX-exporten ${baseName} misslyckades:`, error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return downloadResponse(createReadableStreamFromReadable(output), "xlsx", baseName, now);
}

// ---------------------------------------------------------------- Concurrency

/**
 * Exports built at once per process. Each holds its rows (up to EXPORT_ROW_LIMIT) and, for XLSX, the
 * zip's buffers while it streams; with two, five concurrent 10 000-row exports ran within a 192 MB
 * heap cap (issue 10; docs/decisions/0019) and one of the two cores stays free for page views.
 */
export const EXPORT_CONCURRENCY = 2;
/** Requests waiting for a slot; beyond this an export gets 503 and Retry-After instead of a long wait. */
export const EXPORT_QUEUE_LIMIT = 16;
export const EXPORT_RETRY_AFTER_SECONDS = 5;
export const EXPORT_BUSY_MESSAGE = "Många exporter pågår just nu. Försök igen om en stund.";

export interface ExportQueue {
  /** Waits for a slot and gives its release (safe to call twice), or null at once when the queue is full. */
  enter(): Promise<(() => void) | null>;
  readonly running: number;
  readonly waiting: number;
}

export function createExportQueue(concurrency = EXPORT_CONCURRENCY, queueLimit = EXPORT_QUEUE_LIMIT): ExportQueue {
  const semaphore = new Semaphore(concurrency);
  let running = 0;
  let waiting = 0;
  return {
    async enter() {
      if (running >= concurrency && waiting >= queueLimit) return null;
      waiting++;
      try {
        const [, releaseSlot] = await semaphore.acquire();
        running++;
        let released = false;
        return () => {
          if (released) return;
          released = true;
          running--;
          releaseSlot();
        };
      } finally {
        waiting--;
      }
    },
    get running() { return running; },
    get waiting() { return waiting; },
  };
}

/** The process's export queue (CSV and XLSX share it). */
export const exportQueue = createExportQueue();

/**
 * The longest an export body may take to be read. A 10 000-row workbook is written in a few seconds;
 * a client that keeps the connection open but stops reading would otherwise hold its slot for good
 * (two such clients would block every export).
 */
export const EXPORT_STREAM_TIMEOUT_MS = 5 * 60_000;

/**
 * Calls `release` once `body` has ended, failed or been destroyed. A client that goes away (`signal`)
 * destroys the body without an error (nobody is left to see one, and the server need not log it);
 * the writer stops at its next turn. A body not read to its end within `timeoutMs` is destroyed too.
 */
export function releaseWhenClosed(
  body: PassThrough, signal: AbortSignal, release: () => void, timeoutMs = EXPORT_STREAM_TIMEOUT_MS,
): void {
  const abort = () => body.destroy();
  const timer = setTimeout(() => body.destroy(new Error("Exporten lästes inte färdigt i tid.")), timeoutMs);
  timer.unref();
  finished(body, () => {
    clearTimeout(timer);
    signal.removeEventListener("abort", abort);
    release();
  });
  if (signal.aborted) abort();
  else signal.addEventListener("abort", abort, { once: true });
}

// ---------------------------------------------------------------- Filters and responses

/** A bad filter in the URL: the export answers 400 with this Swedish text. */
export class ExportFilterError extends Error {
  override name = "ExportFilterError";
}

function filterMessage(error: z.ZodError): string {
  return `Exporten kunde inte göras: ${[...new Set(error.issues.map((i) => i.message))].join(" ")}`;
}

function downloadResponse(body: string | ReadableStream | null, format: ExportFormat, baseName: string, now: Date): Response {
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${baseName}-${stockholmDay(now)}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}

const textResponse = (text: string, status: number, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/**
 * Runs `build` in an export slot: 503 when too many wait. `build` owns `release` once it returns a
 * streamed body (XLSX); otherwise (CSV, or a failure) the slot is freed here.
 */
async function inExportSlot(request: Request, build: (release: () => void) => Promise<{ response: Response; streaming: boolean }>): Promise<Response> {
  const release = await exportQueue.enter();
  if (!release) return textResponse(EXPORT_BUSY_MESSAGE, 503, { "Retry-After": String(EXPORT_RETRY_AFTER_SECONDS) });
  let handedOver = false;
  try {
    // The client left while waiting: nobody reads the answer.
    if (request.signal.aborted) return textResponse(EXPORT_BUSY_MESSAGE, 503);
    const { response, streaming } = await build(release);
    handedOver = streaming;
    return response;
  } finally {
    if (!handedOver) release();
  }
}

async function unitName(db: Db, unitId: string | undefined): Promise<string> {
  if (!unitId) return "Alla";
  const unit = await db.selectFrom("units").select("name").where("id", "=", unitId).executeTakeFirst();
  return unit?.name ?? unitId;
}

/** The portfolio query for /portfolio's URL filters (the same the page uses), or a Swedish error. */
export async function portfolioQueryFromUrl(db: Db, url: URL): Promise<{ query: PortfolioQuery; filters: z.output<typeof portfolioFilterSchema> }> {
  const parsed = portfolioFilterSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) throw new ExportFilterError(filterMessage(parsed.error));
  const f = parsed.data;
  const unitIds = f.enhet ? await unitSubtreeIds(db, [f.enhet.toLowerCase()]) : null;
  if (unitIds && unitIds.length === 0) throw new ExportFilterError("Exporten kunde inte göras: Förvaltningen eller enheten finns inte.");
  return {
    filters: f,
    query: {
      unitIds, focusArea: f.fokus ?? null, stage: f.steg ?? null,
      selfFinancing: f.sjalvfinansierande === undefined ? null : f.sjalvfinansierande === "ja",
      search: f.sok ?? null, sort: f.sortering, descending: f.ordning === "fallande",
    },
  };
}

/** The portfolio export for /portfolio's URL filters; 400 text for a bad filter, 503 when too many exports run. */
export async function portfolioExport(db: Db, request: Request, format: ExportFormat, now = new Date()): Promise<Response> {
  let parsed: Awaited<ReturnType<typeof portfolioQueryFromUrl>>;
  try {
    parsed = await portfolioQueryFromUrl(db, new URL(request.url));
  } catch (error) {
    if (error instanceof ExportFilterError) return textResponse(error.message, 400);
    throw error;
  }
  // Remix drops a HEAD answer's body: a streamed one would never be read and keep its slot.
  if (request.method === "HEAD") return downloadResponse(null, format, "portfolj", now);
  const { query, filters } = parsed;
  return inExportSlot(request, async (release) => {
    await refreshPortfolioFigures(db, { maxBatches: PAGE_REFRESH_BATCHES });
    const firstYear = Number(stockholmDay(now).slice(0, 4));
    let rows = await listAllPortfolio(db, query, EXPORT_ROW_LIMIT);
    // An export is a record: the exported ideas' figures are recomputed now if a change queued them.
    if (await refreshPortfolioFiguresOf(db, rows.map((row) => row.id)) > 0) rows = await listAllPortfolio(db, query, EXPORT_ROW_LIMIT);
    const columns = portfolioColumns(firstYear, now);
    if (format === "csv") return { response: downloadResponse(toCsv(columns, rows), "csv", "portfolj", now), streaming: false };

    const [totals, costs] = await Promise.all([
      portfolioTotals(db, query), portfolioCostsByYear(db, query, firstYear, EXPORT_BUDGET_YEARS),
    ]);
    const kr = NUMBER_FORMATS.kronor;
    const t = sv();
    const plan: WorkbookPlan<PortfolioRow> = {
      table: { name: "Portfölj", columns, rows },
      pairSheets: [
        {
          name: "Summering", headers: ["Summering av urvalet", "Värde"], pairs: [
            ["Antal idéer", totals.count, "0"],
            ["Med nyttokalkyl", totals.withBusinessCase, "0"],
            ["Självfinansierande", totals.selfFinancingCount, "0"],
            ["Summa nuvärde (kr)", totals.npv, kr],
            ["Summa finansiellt nuvärde (kr)", totals.financialNpv, kr],
            ["Total kostnad (kr)", totals.totalCosts, kr],
            ["Total besparing (kr)", totals.totalSavings, kr],
            ["Medelvärde viktad poäng", totals.meanScore, "0.00"],
            ...costs.map((cost, y): Pair => [`Kostnad ${firstYear + y} (kr)`, cost, kr]),
          ],
        },
        {
          name: "Filter", headers: ["Filter", "Värde"], pairs: [
            ["Förvaltning/enhet (med underenheter)", await unitName(db, filters.enhet)],
            ["Fokusområde", filters.fokus ? t.vocabulary.focusAreas[filters.fokus] : "Alla"],
            ["Steg", filters.steg ? stageName(filters.steg) : "Prioritering, pilot och införande"],
            ["Självfinansierande", filters.sjalvfinansierande === undefined ? "Alla" : filters.sjalvfinansierande === "ja" ? "Ja" : "Nej"],
            ["Sökord", filters.sok ?? "–"],
            ["Sortering", `${PORTFOLIO_SORT_NAMES[filters.sortering]} (${filters.ordning})`],
            ["Exporterad (svensk tid)", stockholmWallClock(now), "yyyy-mm-dd hh:mm"],
            ["Antal rader", rows.length, "0"],
            ["Största antal rader i en export", EXPORT_ROW_LIMIT, "0"],
          ],
        },
      ],
    };
    return { response: await xlsxResponse(plan, "portfolj", now, request.signal, release), streaming: true };
  });
}

/** The idea-list export for /ideas's URL filters (same search as the page, up to EXPORT_ROW_LIMIT rows). */
export async function ideaExport(db: Db, request: Request, format: ExportFormat, now = new Date()): Promise<Response> {
  const parsed = ideaSearchSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return textResponse(filterMessage(parsed.error), 400);
  if (request.method === "HEAD") return downloadResponse(null, format, "ideer", now);
  const s = parsed.data;
  return inExportSlot(request, async (release) => {
    const { rows } = await searchIdeas(db, {
      q: s.q, stage: s.steg || null, kind: s.typ || null, unitId: s.enhet || null, focusArea: s.fokus || null,
      sort: s.sortering, page: 1, pageSize: EXPORT_ROW_LIMIT,
    });
    if (format === "csv") return { response: downloadResponse(toCsv(ideaColumns, rows), "csv", "ideer", now), streaming: false };
    const t = sv();
    const plan: WorkbookPlan<IdeaListRow> = {
      table: { name: "Idéer", columns: ideaColumns, rows },
      pairSheets: [{
        name: "Filter", headers: ["Filter", "Värde"], pairs: [
          ["Sökord", s.q || "–"],
          ["Steg", s.steg ? stageName(s.steg) : "Alla"],
          ["Typ", s.typ ? t.vocabulary.ideaKinds[s.typ] : "Alla"],
          ["Förvaltning/enhet (med underenheter)", await unitName(db, s.enhet || undefined)],
          ["Fokusområde", s.fokus ? t.vocabulary.focusAreas[s.fokus] : "Alla"],
          ["Sortering", t.ideas.list.sorts[s.sortering]],
          ["Exporterad (svensk tid)", stockholmWallClock(now), "yyyy-mm-dd hh:mm"],
          ["Antal rader", rows.length, "0"],
          ["Största antal rader i en export", EXPORT_ROW_LIMIT, "0"],
        ],
      }],
    };
    return { response: await xlsxResponse(plan, "ideer", now, request.signal, release), streaming: true };
  });
}
