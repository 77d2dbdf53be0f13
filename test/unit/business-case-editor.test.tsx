import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { describe, expect, it } from "vitest";
import { CaseView } from "../../app/components/business-case/case-view";
import { BusinessCaseEditor, formValuesOf, resizeRows } from "../../app/components/business-case/editor";
import { businessCaseFieldsOf, businessCaseFormSchema, parseAmount } from "../../app/schemas/business-case";
import { type BusinessCaseView, figuresOf } from "../../app/services/business-case.server";

// The editor and the case as a person without JavaScript gets them: server-rendered HTML.

const UNIT = "11111111-1111-4111-8111-111111111111";
const view: BusinessCaseView = {
  version: 3, horizonYears: 3, discountRate: 0.035, hourlyCost: 450, startYear: 2027, nonMonetaryBenefits: "Tryggare brukare",
  scenarios: { low: { savings: 0.7, costs: 1.2 }, high: { savings: 1.2, costs: 0.9 } },
  lines: [
    { kind: "one_off_cost", description: "Utveckling", category: "IT", certainty: "hog", unitId: UNIT, amounts: [1_200_000, 0, 0] },
    { kind: "saving", description: "Färre timmar", category: "", certainty: "lag", unitId: UNIT, amounts: [0, 800_000, 900_000] },
  ],
};

async function serverHtml(element: JSX.Element): Promise<string> {
  const handler = createStaticHandler([{ path: "/", element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error("unexpected response");
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />);
}

describe("the business case editor without JavaScript", () => {
  it("carries every value, a column per year, blank rows and the resize button in the HTML", async () => {
    const groups = [{ id: UNIT, name: "Östermalms stadsdelsförvaltning", units: [{ id: UNIT, label: "Östermalms stadsdelsförvaltning" }] }];
    const html = await serverHtml(<BusinessCaseEditor defaults={formValuesOf(view)} unitGroups={groups} unitNames={{}} />);
    expect(html).toContain('name="version" value="3"');
    expect(html).toContain('name="discountRate" value="3,5"');
    expect(html).toMatch(/name="lines\.0\.amounts\.0"[^>]*value="1200000"/);
    expect(html).toMatch(/name="lines\.1\.amounts\.2"[^>]*value="900000"/);
    expect(html).toMatch(/name="lines\.3\.description"/); // two blank rows after the saved ones
    expect(html).not.toMatch(/name="lines\.4\./);
    expect(html).toContain(">2029<");
    expect(html).toContain('name="resize"');
    expect(html).toMatch(/<option value="11111111-1111-4111-8111-111111111111" selected="">/);
    expect(html).toContain("Rad 1: Belopp 2027");
    expect(html).toContain("Tryggare brukare");
  });

  it("shows the figures, the scenarios and the year table", async () => {
    const html = await serverHtml(<CaseView view={view} figures={figuresOf(view)} unitNames={{ [UNIT]: "Östermalm" }} />);
    const npv = figuresOf(view).result.npv;
    // Thin U+202F between digit groups, U+00A0 before "kr".
    expect(html).toContain(`${new Intl.NumberFormat("sv-SE").format(npv).replace(/\u00a0/g, "\u202f")}\u00a0kr`);
    expect(html).toContain("Lågt");
    expect(html).toContain("Självfinansierande");
    expect(html).toContain(">2028<");
  });
});

describe("the business case form data", () => {
  it("reads nested rows and amounts with spaces", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      intent: "save", version: "0", horizonYears: "2", startYear: "2027", discountRate: "3", hourlyCost: "450", nonMonetaryBenefits: "",
      lowSavings: "0,7", lowCosts: "1,2", highSavings: "1,2", highCosts: "0,9", "lines.0.kind": "saving", "lines.0.description": "A",
      "lines.0.category": "", "lines.0.certainty": "medel", "lines.0.unitId": UNIT, "lines.0.amounts.0": "1 200 000",
      "lines.0.amounts.1": "5\u00a0000",
    })) form.append(k, v);
    const parsed = businessCaseFormSchema.safeParse(businessCaseFieldsOf(form));
    expect(parsed.success).toBe(true);
    expect(parseAmount("1 200 000")).toBe(1_200_000);
    expect(parseAmount("1,5")).toBeNull();
  });

  it("pads and trims rows, saying when a non-zero amount is dropped", () => {
    const row = { kind: "saving", description: "A", category: "", certainty: "medel", unitId: UNIT, amounts: ["1", "0", "7"] };
    expect(resizeRows([row], 2)).toEqual({ rows: [{ ...row, amounts: ["1", "0"] }], trimmed: true });
    expect(resizeRows([row], 4)).toEqual({ rows: [{ ...row, amounts: ["1", "0", "7", "0"] }], trimmed: false });
    const blank = { ...row, description: "", amounts: ["", ""] };
    expect(resizeRows([blank], 3).rows[0]!.amounts).toEqual(["", "", ""]);
  });
});
