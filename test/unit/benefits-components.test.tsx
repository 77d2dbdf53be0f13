import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { ActualsForm } from "../../app/components/benefits/actuals-form";
import { BenefitsSummary } from "../../app/components/benefits/benefits-summary";
import { IndicatorTable } from "../../app/components/benefits/indicator-table";
import { YearTable } from "../../app/components/benefits/year-table";
import { realiseBenefits } from "../../app/domain/benefits-realisation";

// Benefits realisation as a person without JavaScript gets it: server-rendered HTML.

async function serverHtml(element: JSX.Element): Promise<string> {
  const handler = createStaticHandler([{ path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

const plan = { horizonYears: 2, discountRate: 0.03, hourlyCost: 450, lines: [
  { kind: "saving" as const, unitId: "u", amounts: [1_000_000, 1_000_000] },
] };
const IND = "22222222-2222-4222-8222-222222222222";
const indicators = [{ id: IND, name: "Handläggningstid", measureUnit: "dagar", baseline: 20, target: 4.5, actuals: { 1: 12.25 } }];

describe("benefits realisation without JavaScript", () => {
  it("marks a year behind plan in words and shows the variance", async () => {
    const result = realiseBenefits(plan, [{ yearIndex: 0, kind: "saving", amount: 799_000 }]);
    const html = await serverHtml(<YearTable year={result.years[0]!} calendarYear={2026} ideaId="x" canRecord />);
    expect(html).toContain("Efter plan");
    expect(html).toMatch(/−201\u202f000\u00a0kr/);
    expect(html).toMatch(/−20,1 %/);
    expect(html).toContain("Ej inrapporterat");
    expect(html).toContain('href="/ideas/x/nyttorealisering?ar=0#utfall"');
    const onTrack = await serverHtml(<YearTable year={realiseBenefits(plan, [{ yearIndex: 0, kind: "saving", amount: 800_000 }]).years[0]!} calendarYear={2026} ideaId="x" canRecord={false} />);
    expect(onTrack).not.toContain("Efter plan");
  });

  it("the form carries the saved values and the year in its HTML", async () => {
    const form = { yearIndex: 1, amounts: { one_off_cost: null, running_cost: 5_000, saving: 900_000, time_saving: null }, stamp: "s1" };
    const html = await serverHtml(<ActualsForm form={form} calendarYear={2027} indicators={indicators} />);
    expect(html).toMatch(/name="yearIndex"[^>]*value="1"/);
    expect(html).toMatch(/name="stamp"[^>]*value="s1"/);
    expect(html).toMatch(/name="saving"[^>]*value="900000"/);
    expect(html).toMatch(/name="indicators\.0\.value"[^>]*value="12,25"/);
    expect(html).toContain("Frigjord tid (h)");
  });

  it("the indicator table and the summary", async () => {
    const table = await serverHtml(<IndicatorTable indicators={indicators} startYear={2026} horizonYears={2} />);
    expect(table).toContain("12,25 dagar");
    expect(table).toContain(">2027<");
    const summary = await serverHtml(<BenefitsSummary summary={{
      ideaId: "x", yearsWithActuals: 1, plannedSavings: 1_000_000, actualSavings: 799_000, variancePercent: -20.1, behindYears: [2026],
    }} />);
    expect(summary).toMatch(/Realiserade besparingar hittills: 799\u202f000\u00a0kr av planerade 1\u202f000\u202f000\u00a0kr \(−20,1 %\)\./);
    expect(summary).toContain("Efter plan: 2026.");
    expect(await serverHtml(<BenefitsSummary summary={null} />)).not.toContain("Nyttorealisering");
  });
});
