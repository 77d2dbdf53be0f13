import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  BusinessCaseCharts, COSTS_SAVINGS_HEIGHT, CUMULATIVE_HEIGHT, unitsChartHeight,
} from "../../app/components/charts/business-case-charts";
import { type BusinessCaseInput, evaluateBusinessCase } from "../../app/domain/business-case";

// recharts draws nothing on the server, so what a person without JavaScript (or with a screen reader)
// gets is the captions, the summaries and the tables. These tests render on the server and read the HTML.

const input: BusinessCaseInput = {
  horizonYears: 4,
  discountRate: 0.03,
  hourlyCost: 400,
  lines: [
    { kind: "one_off_cost", unitId: "it", amounts: [1_000_000, 0, 0, 0] },
    { kind: "running_cost", unitId: "it", amounts: [0, 100_000, 100_000, 100_000] },
    { kind: "saving", unitId: "skola", amounts: [0, 300_000, 300_000, 300_000] },
    { kind: "time_saving", unitId: "skola", amounts: [0, 500, 500, 500] }, // 200 000 kr a year
  ],
};
const unitNames = { it: "Stadsledningskontoret", skola: "Utbildningsförvaltningen" };

/** Server-renders inside a static data router whose route is "root", so useLocale reads its loader data. */
async function serverHtml(element: JSX.Element, locale: "sv" | "en" = "sv"): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ locale }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

/** Text content with tags removed and whitespace (including Intl's no-break spaces) made plain. */
const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&amp;/g, "&").replace(/[\u00a0\u202f]/g, " ");

/** The figures in order, split at their opening tags. */
const figures = (html: string) => html.split("<figure").slice(1);

/** Rows of the figure's table as arrays of cell texts. */
function tableRows(figure: string): string[][] {
  const body = figure.slice(figure.indexOf("<tbody>"), figure.indexOf("</tbody>"));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) => text(c[1]!)));
}

afterEach(() => vi.restoreAllMocks());

describe("BusinessCaseCharts on the server", () => {
  it("renders three figures with titles, summaries and table alternatives holding the numbers", async () => {
    const consoleError = vi.spyOn(console, "error");
    const result = evaluateBusinessCase(input);
    // Cumulative: −1 000 000, −600 000, −200 000, +200 000 → 3 years + 200/400 = 42 months.
    expect(result.paybackMonths).toBe(42);
    const html = await serverHtml(<BusinessCaseCharts input={input} result={result} startYear={2026} unitNames={unitNames} />);
    const [cumulative, costsSavings, units, ...rest] = figures(html);
    expect(rest).toHaveLength(0);

    expect(text(cumulative!)).toContain("Ackumulerat netto per år");
    expect(text(cumulative!)).toContain("Kalkylen går jämnt upp efter 3 år och 6 månader, under 2029.");
    expect(cumulative).toMatch(/<caption id="[^"]+">Netto och ackumulerat netto per år i kronor, vid årets slut<\/caption>/);
    expect(cumulative).toContain('<th scope="col">År</th>');
    expect(tableRows(cumulative!)).toEqual([
      ["2026", "−1 000 000 kr", "−1 000 000 kr"],
      ["2027", "400 000 kr", "−600 000 kr"],
      ["2028", "400 000 kr", "−200 000 kr"],
      ["2029 – Går jämnt upp", "400 000 kr", "200 000 kr"],
    ]);
    expect(cumulative).toMatch(/<th scope="row">2026<\/th>/);

    expect(text(costsSavings!)).toContain("Under 4 år kostar utvecklingen 1 300 000 kr och sparar 1 500 000 kr, frigjord tid inräknad.");
    expect(tableRows(costsSavings!)).toEqual([
      ["2026", "1 000 000 kr", "0 kr", "1 000 000 kr", "0 kr", "0 kr", "0 kr"],
      ["2027", "0 kr", "100 000 kr", "100 000 kr", "300 000 kr", "200 000 kr 500 timmar", "500 000 kr"],
      ["2028", "0 kr", "100 000 kr", "100 000 kr", "300 000 kr", "200 000 kr 500 timmar", "500 000 kr"],
      ["2029", "0 kr", "100 000 kr", "100 000 kr", "300 000 kr", "200 000 kr 500 timmar", "500 000 kr"],
    ]);

    expect(text(units!)).toContain(
      "Störst nettobesparing får Utbildningsförvaltningen (1 500 000 kr); störst nettokostnad bär Stadsledningskontoret (1 300 000 kr).",
    );
    expect(tableRows(units!)).toEqual([
      ["Utbildningsförvaltningen", "0 kr", "1 500 000 kr", "1 500 000 kr"],
      ["Stadsledningskontoret", "1 300 000 kr", "0 kr", "−1 300 000 kr"],
    ]);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("gives each drawing a fixed height, hides it from assistive technology and puts the tables in expanders", async () => {
    const html = await serverHtml(<BusinessCaseCharts input={input} result={evaluateBusinessCase(input)} startYear={2026} unitNames={unitNames} />);
    const canvases = [...html.matchAll(/<div class="chart__canvas"[^>]*>/g)].map((m) => m[0]);
    expect(canvases).toHaveLength(3);
    [CUMULATIVE_HEIGHT, COSTS_SAVINGS_HEIGHT, unitsChartHeight(2)].forEach((height, i) => {
      expect(canvases[i]).toContain(`style="height:${height}px"`);
      expect(canvases[i]).toContain('aria-hidden="true"');
    });
    // Nothing focusable inside the drawings (recharts' accessibility layer is off).
    for (const figure of figures(html)) {
      const canvas = figure.slice(figure.indexOf('class="chart__canvas"'), figure.indexOf("<details"));
      expect(canvas).not.toMatch(/tabindex/i);
      expect(figure).toMatch(/<details class="chart__table"><summary>Visa som tabell<span class="visually-hidden">: [^<]+<\/span><\/summary>/);
      expect(figure).toMatch(/<figcaption[^>]*><h3 class="chart__title" id="([^"]+)">/);
      const titleId = /<h3 class="chart__title" id="([^"]+)"/.exec(figure)![1]!;
      expect(figure.slice(0, figure.indexOf(">"))).toContain(`aria-labelledby="${titleId}"`);
    }
  });

  it("says so when the case never breaks even, and writes English on English pages", async () => {
    const losing: BusinessCaseInput = { ...input, lines: input.lines.slice(0, 2) };
    const result = evaluateBusinessCase(losing);
    expect(result.paybackMonths).toBeNull();
    const sv = await serverHtml(<BusinessCaseCharts input={losing} result={result} startYear={2026} unitNames={unitNames} />);
    expect(text(sv)).toContain("Kalkylen går inte jämnt upp inom 4 år.");
    expect(text(sv)).not.toContain("Går jämnt upp");
    expect(text(sv)).toContain("Ingen enhet får tillbaka mer än den betalar; störst nettokostnad bär Stadsledningskontoret (1 300 000 kr).");

    const en = await serverHtml(<BusinessCaseCharts input={input} result={evaluateBusinessCase(input)} startYear={2026} unitNames={unitNames} />, "en");
    expect(text(en)).toContain("The case breaks even after 3 years and 6 months, during 2029.");
    expect(text(en)).toContain("Show as a table");
    expect(text(en)).toContain("SEK 1,000,000");
    expect(text(en)).not.toMatch(/\d kr\b/);
    // Swedish groups digits with the thin U+202F and keeps "kr" on the same line (U+00A0).
    expect(sv).toContain("1\u202f300\u202f000\u00a0kr");
  });

  it("shows a note instead of an empty unit chart when the case has no lines", async () => {
    const empty: BusinessCaseInput = { ...input, lines: [] };
    const html = await serverHtml(<BusinessCaseCharts input={empty} result={evaluateBusinessCase(empty)} startYear={2026} unitNames={{}} />);
    expect(text(html)).toContain("Kalkylen har inga rader per enhet än.");
    expect(text(html)).toContain("Kalkylen är aldrig på minus – den går jämnt upp från start.");
  });
});
