import { describe, expect, it } from "vitest";
import {
  buildCandidates, compareSelections, costsInBudgetYears, defaultPin, objectiveValue, type PortfolioFigures, resolvePins,
  yearsOverBudget,
} from "./portfolio";

const figures = (overrides: Partial<PortfolioFigures> = {}): PortfolioFigures => ({
  weightedScore: 3.5, npv: 1_000_000, financialNpv: 800_000, benefitCostRatio: 1.5, paybackMonths: 18, selfFinancing: true,
  totalCosts: 2_000_000, totalSavings: 3_000_000, startYear: 2026, costsByYear: [500_000, 1_000_000, 500_000], savingsByYear: [0, 1, 2],
  ...overrides,
});

describe("costsInBudgetYears and objectiveValue", () => {
  it("lines the idea's years up with the budget years", () => {
    expect(costsInBudgetYears(figures(), 2027, 3)).toEqual([1_000_000, 500_000, 0]);
    expect(costsInBudgetYears(figures({ startYear: null }), 2027, 2)).toEqual([0, 0]);
  });
  it("scores per million kronor", () => {
    expect(objectiveValue("score_per_krona", figures())).toBe(1.75);
  });
});

describe("buildCandidates", () => {
  it("uses the objective's figure and costs in the budget years; rows without the figure are unselectable with a reason", () => {
    const rows = [
      { id: "a", ...figures() },
      { id: "b", ...figures({ weightedScore: null }) },
      { id: "c", ...figures({ npv: null, financialNpv: null, totalCosts: null, startYear: null, costsByYear: [] }) },
    ];
    const byScore = buildCandidates(rows, "weighted_score", 2026, 2);
    expect(byScore.candidates).toEqual([
      { id: "a", value: 3.5, costs: [500_000, 1_000_000] },
      { id: "c", value: 3.5, costs: [0, 0] },
    ]);
    expect(byScore.unselectable).toEqual([{ id: "b", reason: "no_score" }]);
    const byNpv = buildCandidates(rows, "npv", 2026, 1);
    expect(byNpv.candidates.map((c) => [c.id, c.value])).toEqual([["a", 1_000_000], ["b", 1_000_000]]);
    expect(byNpv.unselectable).toEqual([{ id: "c", reason: "no_business_case" }]);
    expect(buildCandidates(rows, "score_per_krona", 2026, 1).unselectable).toEqual([
      { id: "b", reason: "no_score" }, { id: "c", reason: "no_business_case" },
    ]);
  });
});

describe("buildCandidates for committed ideas without the figure", () => {
  it("keeps ideas pinned med (by stage or by choice) as candidates with value 0 so their costs count; others cannot be chosen", () => {
    const rows = [
      { id: "pilot", stage: "pilot", ...figures({ weightedScore: null }) },
      { id: "inf", stage: "inforande", ...figures({ npv: null, financialNpv: null }) },
      { id: "chosen", stage: "prioritering", ...figures({ weightedScore: null }) },
      { id: "free", stage: "prioritering", ...figures({ weightedScore: null }) },
    ];
    const built = buildCandidates(rows, "weighted_score", 2026, 2, { chosen: "med", free: "valfri" });
    expect(built.candidates).toEqual([
      { id: "pilot", value: 0, costs: [500_000, 1_000_000], missing: "no_score" },
      { id: "inf", value: 3.5, costs: [500_000, 1_000_000] },
      { id: "chosen", value: 0, costs: [500_000, 1_000_000], missing: "no_score" },
    ]);
    expect(built.unselectable).toEqual([{ id: "free", reason: "no_score" }]);
    const byNpv = buildCandidates(rows, "npv", 2026, 1);
    expect(byNpv.candidates.find((c) => c.id === "inf")).toEqual({ id: "inf", value: 0, costs: [500_000], missing: "no_business_case" });
    // A committed idea the styrgrupp sets to "valfri" stays listed (value 0) so the choice can be undone.
    expect(buildCandidates(rows, "weighted_score", 2026, 1, { pilot: "valfri" }).candidates.map((c) => c.id)).toContain("pilot");
  });
});

describe("pins", () => {
  it("commits ideas in pilot and införande by default and keeps a valid chosen pin", () => {
    expect(defaultPin("prioritering")).toBe("valfri");
    expect(defaultPin("pilot")).toBe("med");
    expect(defaultPin("inforande")).toBe("med");
    const resolved = resolvePins(
      [{ id: "a", stage: "prioritering" }, { id: "b", stage: "pilot" }, { id: "c", stage: "inforande" }, { id: "d", stage: "prioritering" }],
      { b: "ut", d: "nonsense", x: "med" },
    );
    expect(resolved.pins).toEqual({ a: "valfri", b: "ut", c: "med", d: "valfri" });
    expect(resolved.mustInclude).toEqual(["c"]);
    expect(resolved.mustExclude).toEqual(["b"]);
  });
  it("names the years a cost breaks", () => {
    expect(yearsOverBudget([10, 30, 5], [20, 20, 5])).toEqual([1]);
    expect(yearsOverBudget([0], [0])).toEqual([]);
  });
});

describe("compareSelections", () => {
  it("tells per idea which proposal chose it and the cost differences per calendar year", () => {
    const a = { firstBudgetYear: 2027, costByYear: [100, 200], totalValue: 7, items: [
      { ideaId: "x", selected: true }, { ideaId: "y", selected: false }, { ideaId: "z", selected: true },
    ] };
    const b = { firstBudgetYear: 2028, costByYear: [150, 50], totalValue: 9, items: [
      { ideaId: "x", selected: true }, { ideaId: "y", selected: true }, { ideaId: "w", selected: false },
    ] };
    const compared = compareSelections(a, b);
    expect(compared.ideas.map((i) => [i.ideaId, i.status])).toEqual([["x", "both"], ["y", "only_b"], ["z", "only_a"], ["w", "neither"]]);
    expect(compared.years).toEqual([
      { year: 2027, a: 100, b: null, difference: null },
      { year: 2028, a: 200, b: 150, difference: -50 },
      { year: 2029, a: null, b: 50, difference: null },
    ]);
    expect(compared.totalValue).toEqual({ a: 7, b: 9, difference: 2 });
  });
});
