import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { searchIdeas } from "~/models/idea-queries.server";
import {
  listAllPortfolio, listPortfolio, portfolioCostsByYear, portfolioTotals, refreshPortfolioFigures, type PortfolioQuery,
} from "~/models/portfolio.server";
import { costsInBudgetYears } from "~/domain/portfolio";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { loader as ideasCsv } from "~/routes/ideas.export[.]csv";
import { loader as ideasXlsx } from "~/routes/ideas.export[.]xlsx";
import { loader as portfolioCsv } from "~/routes/portfolio.export[.]csv";
import { loader as portfolioXlsx } from "~/routes/portfolio.export[.]xlsx";
import {
  EXPORT_BUSY_MESSAGE, EXPORT_CONCURRENCY, EXPORT_QUEUE_LIMIT, exportQueue, neutraliseFormula, stockholmDay,
} from "~/services/exports.server";
import { getRequest } from "../support/admin-requests";
import { type DemoAccount, openDemoDatabase } from "../support/demo-fixture";

let demo: Awaited<ReturnType<typeof openDemoDatabase>>;
beforeAll(async () => { demo = await openDemoDatabase(); });
afterAll(async () => { await demo.close(); });

type Loader = (args: { request: Request; params: Record<string, string>; context: never }) => Promise<Response>;

/** The loader's answer as a Response (thrown answers, like 403, included). */
async function fetchExport(loader: Loader, path: string, who: DemoAccount, init: RequestInit = {}): Promise<Response> {
  const request = new Request(getRequest(path, demo.cookies[who]), init);
  try {
    return await loader({ request, params: {}, context: {} as never });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** The CSV's records; it must start with the UTF-8 BOM (Response.text() would drop it, so read the bytes). */
const csvRows = async (response: Response): Promise<string[][]> => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  expect(text).toContain("\r\n");
  return parse(text, { delimiter: ";", bom: true, relax_column_count: false }) as string[][];
};
const csvNumber = (cell: string) => (cell === "" ? null : Number(cell.replace(",", ".")));
const firstYear = () => Number(stockholmDay(new Date()).slice(0, 4));

describe("portfolio export", () => {
  it("CSV has the page's rows and numbers for the same filters, in Swedish Excel's dialect", async () => {
    // A title a spreadsheet would run as a formula.
    await refreshPortfolioFigures(demo.db);
    const all: PortfolioQuery = { unitIds: null, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "npv", descending: true };
    const victim = (await listAllPortfolio(demo.db, all, 100)).at(-1)!;
    await demo.db.updateTable("ideas").set({ title: "=HYPERLINK(\"http://evil.example\";\"klicka\")" }).where("id", "=", victim.id).execute();

    const response = await fetchExport(portfolioCsv, "/portfolio/export.csv?sortering=npv&ordning=fallande", "styrgrupp");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="portfolj-${stockholmDay(new Date())}.csv"`);
    const [header, ...rows] = await csvRows(response);
    const col = (name: string) => { const i = header!.indexOf(name); expect(i, name).toBeGreaterThanOrEqual(0); return i; };
    expect(header).toContain(`Kostnad ${firstYear()} (kr)`);
    expect(header).toContain(`Kostnad ${firstYear() + 4} (kr)`);

    // The page's numbers: listPortfolio (page 1 of the same query) and the totals.
    const page = await listPortfolio(demo.db, all, { limit: 10_000, offset: 0 });
    const totals = await portfolioTotals(demo.db, all);
    expect(rows.length).toBe(page.total);
    expect(rows.length).toBe(totals.count);
    expect(rows.map((r) => r[col("Idénummer")])).toEqual(page.rows.map((r) => r.reference));
    page.rows.forEach((expected, i) => {
      const row = rows[i]!;
      expect(csvNumber(row[col("Nuvärde (kr)")]!)).toBe(expected.npv);
      expect(csvNumber(row[col("Finansiellt nuvärde (kr)")]!)).toBe(expected.financialNpv);
      expect(csvNumber(row[col("Viktad poäng")]!)).toBe(expected.weightedScore);
      expect(csvNumber(row[col("Nytta/kostnad")]!)).toBe(expected.benefitCostRatio);
      expect(row[col("Självfinansierande")]).toBe(expected.selfFinancing === null ? "–" : expected.selfFinancing ? "Ja" : "Nej");
      expect(row[col("Inskickad")]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const perYear = costsInBudgetYears(expected, firstYear(), 5);
      expect(csvNumber(row[col(`Kostnad ${firstYear()} (kr)`)]!)).toBe(expected.startYear === null ? null : perYear[0]);
    });
    const sum = (name: string) => rows.reduce((acc, r) => acc + (csvNumber(r[col(name)]!) ?? 0), 0);
    expect(sum("Nuvärde (kr)")).toBe(totals.npv);
    expect(sum("Total kostnad (kr)")).toBe(totals.totalCosts);
    // Numbers are plain digits (no grouping); non-integers use a decimal comma.
    expect(rows.flatMap((r) => [r[col("Nuvärde (kr)")]!]).every((c) => /^(-?\d+)?$/.test(c))).toBe(true);
    expect(rows.map((r) => r[col("Viktad poäng")]!).every((c) => !c.includes("."))).toBe(true);
    // Formula injection neutralised (text cells only).
    expect(rows.find((r) => r[col("Idénummer")] === victim.reference)![col("Titel")]).toBe(`'=HYPERLINK("http://evil.example";"klicka")`);
  });

  it("XLSX has real numbers and dates, a Summering equal to the totals and a Filter sheet", async () => {
    const url = `/portfolio/export.xlsx?enhet=${demo.ostermalmId}&sortering=score`;
    const response = await fetchExport(portfolioXlsx, url, "styrgrupp");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="portfolj-${stockholmDay(new Date())}.xlsx"`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Portfölj", "Summering", "Filter"]);

    const query: PortfolioQuery = {
      unitIds: await unitSubtreeIds(demo.db, [demo.ostermalmId]), focusArea: null, stage: null, selfFinancing: null, search: null,
      sort: "score", descending: true,
    };
    const page = await listPortfolio(demo.db, query, { limit: 10_000, offset: 0 });
    const totals = await portfolioTotals(demo.db, query);
    expect(page.total).toBeGreaterThan(0);
    const sheet = workbook.getWorksheet("Portfölj")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => headers.indexOf(name) + 1;
    expect(sheet.autoFilter).toBe(`A1:${sheet.getColumn(headers.length).letter}1`);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(col("Titel")).width).toBe(48);
    expect(sheet.getRow(2).getCell(col("Inskickad")).numFmt).toBe("yyyy-mm-dd");
    expect(sheet.rowCount - 1).toBe(page.total);
    page.rows.forEach((expected, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(col("Idénummer")).value).toBe(expected.reference);
      expect(row.getCell(col("Nuvärde (kr)")).value ?? null).toBe(expected.npv);
      expect(row.getCell(col("Viktad poäng")).value ?? null).toBe(expected.weightedScore);
      expect(row.getCell(col("Inskickad")).value).toBeInstanceOf(Date);
      expect(stockholmDay(row.getCell(col("Inskickad")).value as Date)).toBe(stockholmDay(expected.submittedAt));
    });
    expect(sheet.getRow(2).getCell(col("Nuvärde (kr)")).numFmt).toContain("#,##0");

    const summary = workbook.getWorksheet("Summering")!;
    const value = (label: string) => {
      for (let r = 2; r <= summary.rowCount; r++) if (summary.getRow(r).getCell(1).value === label) return summary.getRow(r).getCell(2).value;
      throw new Error(`no ${label}`);
    };
    expect(value("Antal idéer")).toBe(totals.count);
    expect(value("Summa nuvärde (kr)")).toBe(totals.npv);
    expect(value("Total kostnad (kr)")).toBe(totals.totalCosts);
    const costs = await portfolioCostsByYear(demo.db, query, firstYear(), 5);
    expect(value(`Kostnad ${firstYear() + 1} (kr)`)).toBe(costs[1]);

    const filter = workbook.getWorksheet("Filter")!;
    const filterText = JSON.stringify(filter.getSheetValues());
    expect(filterText).toContain("Östermalms stadsdelsförvaltning");
  });

  it("refuses a medarbetare (403) and answers a bad filter with 400 Swedish text", async () => {
    expect((await fetchExport(portfolioCsv, "/portfolio/export.csv", "medarbetare")).status).toBe(403);
    expect((await fetchExport(portfolioXlsx, "/portfolio/export.xlsx", "kontaktperson")).status).toBe(403);
    const bad = await fetchExport(portfolioCsv, "/portfolio/export.csv?steg=okant", "styrgrupp");
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Välj ett steg i listan.");
    const badUnit = await fetchExport(portfolioXlsx, "/portfolio/export.xlsx?enhet=00000000-0000-4000-8000-000000000000", "styrgrupp");
    expect(badUnit.status).toBe(400);
  });
});

describe("idea export", () => {
  it("CSV and XLSX list the same ideas as /ideas for the same filters", async () => {
    const response = await fetchExport(ideasCsv, `/ideas/export.csv?enhet=${demo.brommaId}&sortering=nyast`, "kontaktperson");
    expect(response.status).toBe(200);
    const [header, ...rows] = await csvRows(response);
    const expected = await searchIdeas(demo.db, {
      q: "", stage: null, kind: null, unitId: demo.brommaId, focusArea: null, sort: "nyast", page: 1, pageSize: 10_000,
    });
    expect(expected.total).toBeGreaterThan(0);
    expect(header).not.toContain("Inskickad av");
    expect(rows.map((r) => r[0])).toEqual(expected.rows.map((r) => r.reference ?? ""));
    expect(rows.map((r) => Number(r[header!.indexOf("Stöd (antal)")]))).toEqual(expected.rows.map((r) => r.supportCount));

    const xlsx = await fetchExport(ideasXlsx, `/ideas/export.xlsx?enhet=${demo.brommaId}`, "styrgrupp");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Idéer", "Filter"]);
    expect(workbook.getWorksheet("Idéer")!.rowCount - 1).toBe(expected.total);
  });

  it("is refused to a medarbetare and a bad filter is a 400", async () => {
    expect((await fetchExport(ideasCsv, "/ideas/export.csv", "medarbetare")).status).toBe(403);
    expect((await fetchExport(ideasXlsx, "/ideas/export.xlsx?steg=nej", "styrgrupp")).status).toBe(400);
  });
});

describe("export slots", () => {
  const xlsxPath = `/ideas/export.xlsx?enhet=`;

  it("answers 503 with Retry-After when every slot is taken and the queue is full", async () => {
    const held = await Promise.all(Array.from({ length: EXPORT_CONCURRENCY }, () => exportQueue.enter()));
    const waiting = Array.from({ length: EXPORT_QUEUE_LIMIT }, () => exportQueue.enter());
    expect(exportQueue.waiting).toBe(EXPORT_QUEUE_LIMIT);
    try {
      for (const [loader, path] of [[ideasXlsx, "/ideas/export.xlsx"], [portfolioCsv, "/portfolio/export.csv"]] as const) {
        const busy = await fetchExport(loader, path, "styrgrupp");
        expect(busy.status).toBe(503);
        expect(busy.headers.get("Retry-After")).toBe("5");
        expect(await busy.text()).toBe(EXPORT_BUSY_MESSAGE);
      }
      // A bad filter is still a 400: it is checked before queueing.
      expect((await fetchExport(ideasXlsx, "/ideas/export.xlsx?steg=nej", "styrgrupp")).status).toBe(400);
    } finally {
      for (const release of held) release!();
      // Each waiter gets a slot as one is freed; give it back at once.
      await Promise.all(waiting.map(async (entered) => (await entered)!()));
    }
    expect(exportQueue.running).toBe(0);
  });

  it("frees the slot when the download has been read, cancelled or abandoned by the client", async () => {
    const read = await fetchExport(ideasXlsx, `${xlsxPath}${demo.brommaId}`, "styrgrupp");
    expect(exportQueue.running).toBe(1);
    await read.arrayBuffer();
    await vi.waitFor(() => expect(exportQueue.running).toBe(0));

    // Nobody reads the body: the slot is held until the body is cancelled.
    const cancelled = await fetchExport(portfolioXlsx, "/portfolio/export.xlsx", "styrgrupp");
    expect(exportQueue.running).toBe(1);
    await cancelled.body!.cancel();
    await vi.waitFor(() => expect(exportQueue.running).toBe(0));

    // The client goes away (the server aborts the request's signal) after the first bytes.
    const client = new AbortController();
    const abandoned = await fetchExport(ideasXlsx, `${xlsxPath}${demo.brommaId}`, "styrgrupp", { signal: client.signal });
    const reader = abandoned.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    client.abort();
    await vi.waitFor(() => expect(exportQueue.running).toBe(0));
  });

  it("breaks the download, logs the error and frees the slot when writing fails", async () => {
    const commit = vi.spyOn(ExcelJS.stream.xlsx.WorkbookWriter.prototype, "commit").mockRejectedValueOnce(new Error("zip failed"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const broken = await fetchExport(ideasXlsx, `${xlsxPath}${demo.brommaId}`, "styrgrupp");
      expect(broken.status).toBe(200);
      await expect(broken.arrayBuffer()).rejects.toThrow("zip failed");
      expect(logged).toHaveBeenCalledWith("XLSX-exporten ideer misslyckades:", expect.objectContaining({ message: "zip failed" }));
      await vi.waitFor(() => expect(exportQueue.running).toBe(0));
    } finally {
      commit.mockRestore();
      logged.mockRestore();
    }
  });

  it("answers HEAD with the download's headers and no body, holding no slot", async () => {
    const head = await fetchExport(portfolioXlsx, "/portfolio/export.xlsx", "styrgrupp", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("Content-Disposition")).toBe(`attachment; filename="portfolj-${stockholmDay(new Date())}.xlsx"`);
    expect(head.body).toBeNull();
    expect(exportQueue.running).toBe(0);
  });
});

describe("formula neutralising", () => {
  it("prefixes cells that start a formula", () => {
    expect(["=1", "+1", "-1", "@a", "\tx", "\rx", "ok", "a=b"].map(neutraliseFormula))
      .toEqual(["'=1", "'+1", "'-1", "'@a", "'\tx", "'\rx", "ok", "a=b"]);
  });
});
