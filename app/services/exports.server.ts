import ExcelJS from "exceljs";
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

function addTableSheet<R>(workbook: ExcelJS.Workbook, name: string, columns: ExportColumn<R>[], rows: readonly R[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c, i) => ({
    header: c.header, key: `c${i}`, width: c.width, style: NUMBER_FORMATS[c.kind] ? { numFmt: NUMBER_FORMATS[c.kind] } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => xlsxCell(c.kind, c.value(row))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

/** A two-column sheet (label, value), e.g. the totals or the filters used. */
function addPairsSheet(workbook: ExcelJS.Workbook, name: string, headers: [string, string], pairs: [string, string | number | Date | null, string?][]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [{ header: headers[0], key: "label", width: 34 }, { header: headers[1], key: "value", width: 28 }];
  sheet.getRow(1).font = { bold: true };
  for (const [label, value, numFmt] of pairs) {
    const row = sheet.addRow([label, value]);
    if (numFmt) row.getCell(2).numFmt = numFmt;
  }
  return sheet;
}

async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

// ---------------------------------------------------------------- Filters and responses

/** A bad filter in the URL: the export answers 400 with this Swedish text. */
export class ExportFilterError extends Error {
  override name = "ExportFilterError";
}

function filterMessage(error: z.ZodError): string {
  return `Exporten kunde inte göras: ${[...new Set(error.issues.map((i) => i.message))].join(" ")}`;
}

function downloadResponse(body: string | ArrayBuffer, format: ExportFormat, baseName: string, now: Date): Response {
  const type = format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="${baseName}-${stockholmDay(now)}.${format}"`,
      "Cache-Control": "no-store",
    },
  });
}

const textResponse = (text: string, status: number) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

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

/** The portfolio export for /portfolio's URL filters; 400 text for a bad filter. */
export async function portfolioExport(db: Db, url: URL, format: ExportFormat, now = new Date()): Promise<Response> {
  let parsed: Awaited<ReturnType<typeof portfolioQueryFromUrl>>;
  try {
    parsed = await portfolioQueryFromUrl(db, url);
  } catch (error) {
    if (error instanceof ExportFilterError) return textResponse(error.message, 400);
    throw error;
  }
  const { query, filters } = parsed;
  await refreshPortfolioFigures(db, { maxBatches: PAGE_REFRESH_BATCHES });
  const firstYear = Number(stockholmDay(now).slice(0, 4));
  let rows = await listAllPortfolio(db, query, EXPORT_ROW_LIMIT);
  // An export is a record: the exported ideas' figures are recomputed now if a change queued them.
  if (await refreshPortfolioFiguresOf(db, rows.map((row) => row.id)) > 0) rows = await listAllPortfolio(db, query, EXPORT_ROW_LIMIT);
  const columns = portfolioColumns(firstYear, now);
  if (format === "csv") return downloadResponse(toCsv(columns, rows), "csv", "portfolj", now);

  const [totals, costs] = await Promise.all([
    portfolioTotals(db, query), portfolioCostsByYear(db, query, firstYear, EXPORT_BUDGET_YEARS),
  ]);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Idéslussen";
  workbook.created = now;
  addTableSheet(workbook, "Portfölj", columns, rows);
  const kr = NUMBER_FORMATS.kronor;
  addPairsSheet(workbook, "Summering", ["Summering av urvalet", "Värde"], [
    ["Antal idéer", totals.count, "0"],
    ["Med nyttokalkyl", totals.withBusinessCase, "0"],
    ["Självfinansierande", totals.selfFinancingCount, "0"],
    ["Summa nuvärde (kr)", totals.npv, kr],
    ["Summa finansiellt nuvärde (kr)", totals.financialNpv, kr],
    ["Total kostnad (kr)", totals.totalCosts, kr],
    ["Total besparing (kr)", totals.totalSavings, kr],
    ["Medelvärde viktad poäng", totals.meanScore, "0.00"],
    ...costs.map((cost, y): [string, number, string] => [`Kostnad ${firstYear + y} (kr)`, cost, kr!]),
  ]);
  const t = sv();
  addPairsSheet(workbook, "Filter", ["Filter", "Värde"], [
    ["Förvaltning/enhet (med underenheter)", await unitName(db, filters.enhet)],
    ["Fokusområde", filters.fokus ? t.vocabulary.focusAreas[filters.fokus] : "Alla"],
    ["Steg", filters.steg ? stageName(filters.steg) : "Prioritering, pilot och införande"],
    ["Självfinansierande", filters.sjalvfinansierande === undefined ? "Alla" : filters.sjalvfinansierande === "ja" ? "Ja" : "Nej"],
    ["Sökord", filters.sok ?? "–"],
    ["Sortering", `${PORTFOLIO_SORT_NAMES[filters.sortering]} (${filters.ordning})`],
    ["Exporterad (svensk tid)", stockholmWallClock(now), "yyyy-mm-dd hh:mm"],
    ["Antal rader", rows.length, "0"],
    ["Största antal rader i en export", EXPORT_ROW_LIMIT, "0"],
  ]);
  return downloadResponse(await workbookBuffer(workbook), "xlsx", "portfolj", now);
}

/** The idea-list export for /ideas's URL filters (same search as the page, up to EXPORT_ROW_LIMIT rows). */
export async function ideaExport(db: Db, url: URL, format: ExportFormat, now = new Date()): Promise<Response> {
  const parsed = ideaSearchSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return textResponse(filterMessage(parsed.error), 400);
  const s = parsed.data;
  const { rows } = await searchIdeas(db, {
    q: s.q, stage: s.steg || null, kind: s.typ || null, unitId: s.enhet || null, focusArea: s.fokus || null,
    sort: s.sortering, page: 1, pageSize: EXPORT_ROW_LIMIT,
  });
  if (format === "csv") return downloadResponse(toCsv(ideaColumns, rows), "csv", "ideer", now);
  const t = sv();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Idéslussen";
  workbook.created = now;
  addTableSheet(workbook, "Idéer", ideaColumns, rows);
  addPairsSheet(workbook, "Filter", ["Filter", "Värde"], [
    ["Sökord", s.q || "–"],
    ["Steg", s.steg ? stageName(s.steg) : "Alla"],
    ["Typ", s.typ ? t.vocabulary.ideaKinds[s.typ] : "Alla"],
    ["Förvaltning/enhet (med underenheter)", await unitName(db, s.enhet || undefined)],
    ["Fokusområde", s.fokus ? t.vocabulary.focusAreas[s.fokus] : "Alla"],
    ["Sortering", t.ideas.list.sorts[s.sortering]],
    ["Exporterad (svensk tid)", stockholmWallClock(now), "yyyy-mm-dd hh:mm"],
    ["Antal rader", rows.length, "0"],
    ["Största antal rader i en export", EXPORT_ROW_LIMIT, "0"],
  ]);
  return downloadResponse(await workbookBuffer(workbook), "xlsx", "ideer", now);
}
