import { describe, expect, it } from "vitest";
import {
  bubblePoints, cumulativeCostsSavings, focusRows, funnelRows, percentile, realisedByYear, stageTimes, topWithRest,
} from "./portfolio-charts";

describe("percentile (linear interpolation, as percentile_cont)", () => {
  it("interpolates between closest ranks", () => {
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(percentile([4, 1, 3, 2], 0.5)).toBe(2.5); // order does not matter
    expect(percentile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    // h = 9 · 0.9 = 8.1 → 9 + 0.1 · (10 − 9)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 10);
    expect(percentile([10, 20], 0.9)).toBeCloseTo(19, 10);
  });
  it("handles one value, no values and the ends", () => {
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
    expect(percentile([3, 1, 2], 0)).toBe(1);
    expect(percentile([3, 1, 2], 1)).toBe(3);
    expect(() => percentile([1], 1.5)).toThrow(RangeError);
  });
});

describe("stageTimes", () => {
  it("gives median, 90th percentile and the number of stays per stage in stage order", () => {
    const result = stageTimes([
      { stage: "bedomning", days: 10 }, { stage: "inskickad", days: 2 }, { stage: "inskickad", days: 4 },
      { stage: "bedomning", days: 20 }, { stage: "bedomning", days: 30.04 },
    ]);
    expect(result.map((r) => r.stage)).toEqual(["inskickad", "bedomning", "prioritering", "pilot", "inforande"]);
    expect(result[0]).toEqual({ stage: "inskickad", stays: 2, medianDays: 3, p90Days: 3.8 });
    expect(result[1]).toEqual({ stage: "bedomning", stays: 3, medianDays: 20, p90Days: 28 });
    expect(result[2]).toEqual({ stage: "prioritering", stays: 0, medianDays: null, p90Days: null });
  });
});

describe("funnelRows and focusRows", () => {
  it("orders the funnel by stage and fills missing stages with 0", () => {
    expect(funnelRows([{ stage: "pilot", count: 3 }, { stage: "inskickad", count: 5 }, { stage: "inford", count: 1 }])).toEqual([
      { stage: "inskickad", count: 5 }, { stage: "bedomning", count: 0 }, { stage: "prioritering", count: 0 },
      { stage: "pilot", count: 3 }, { stage: "inforande", count: 0 }, { stage: "inford", count: 1 },
    ]);
  });
  it("lists every focus area in the given order", () => {
    expect(focusRows([{ area: "strategiska_partnerskap", count: 2 }], ["informationshantering", "strategiska_partnerskap"]))
      .toEqual([{ area: "informationshantering", count: 0 }, { area: "strategiska_partnerskap", count: 2 }]);
  });
});

describe("topWithRest", () => {
  const groups = [
    { id: "a", name: "Alfa", count: 1 }, { id: "b", name: "Beta", count: 5 }, { id: "c", name: "Cesar", count: 5 },
    { id: "d", name: "Delta", count: 2 }, { id: "e", name: "Eko", count: 0 },
  ];
  it("keeps the largest groups (ties by name) and sums the rest", () => {
    expect(topWithRest(groups, 2, "Övriga")).toEqual({
      rows: [{ id: "b", name: "Beta", count: 5 }, { id: "c", name: "Cesar", count: 5 }, { id: null, name: "Övriga", count: 3 }],
      restGroups: 2,
    });
  });
  it("has no rest row when everything fits, and drops empty groups", () => {
    const result = topWithRest(groups, 15, "Övriga");
    expect(result.restGroups).toBe(0);
    expect(result.rows.map((r) => r.id)).toEqual(["b", "c", "d", "a"]);
  });
});

describe("bubblePoints", () => {
  it("plots ideas with score and case, sizes by |NPV| and lists the rest with why", () => {
    const base = { reference: "R", title: "T", selfFinancing: true as boolean | null };
    const { points, notPlotted } = bubblePoints([
      { ...base, id: "1", weightedScore: 3.5, totalCosts: 100, npv: -40 },
      { ...base, id: "2", weightedScore: null, totalCosts: 100, npv: 10 },
      { ...base, id: "3", weightedScore: 2, totalCosts: null, npv: null },
      { ...base, id: "4", weightedScore: null, totalCosts: null, npv: null },
      { ...base, id: "5", weightedScore: 4, totalCosts: 0, npv: 50, selfFinancing: null },
    ]);
    expect(points.map((p) => [p.id, p.size, p.negative, p.selfFinancing])).toEqual([["1", 40, true, true], ["5", 50, false, false]]);
    expect(notPlotted.map((n) => [n.id, n.reason])).toEqual([["2", "no_score"], ["3", "no_case"], ["4", "no_score_no_case"]]);
  });
});

describe("realisedByYear", () => {
  it("values time savings at the hourly cost and maps year indexes to calendar years", () => {
    expect(realisedByYear({
      startYear: 2025, horizonYears: 3, hourlyCost: 450.5,
      actuals: [
        { yearIndex: 0, kind: "one_off_cost", amount: 1000 }, { yearIndex: 0, kind: "running_cost", amount: 200 },
        { yearIndex: 1, kind: "saving", amount: 300 }, { yearIndex: 1, kind: "time_saving", amount: 3 },
        { yearIndex: 7, kind: "saving", amount: 999 }, // outside the horizon: ignored, as on the benefits page
      ],
    })).toEqual([{ year: 2025, costs: 1200, savings: 0 }, { year: 2026, costs: 0, savings: 300 + 1352 }]);
  });
});

describe("cumulativeCostsSavings", () => {
  it("cumulates plans over calendar years and realised values up to the last year with actuals", () => {
    const rows = cumulativeCostsSavings(
      [
        { startYear: 2025, costsByYear: [100, 50], savingsByYear: [0, 80] },
        { startYear: 2026, costsByYear: [10, 10, 10], savingsByYear: [5, 5, 5] },
        { startYear: null, costsByYear: [], savingsByYear: [] },
      ],
      [{ year: 2025, costs: 90, savings: 0 }, { year: 2026, costs: 40, savings: 70 }, { year: 2026, costs: 5, savings: 1 }],
    );
    expect(rows).toEqual([
      { year: 2025, plannedCosts: 100, plannedSavings: 0, realisedCosts: 90, realisedSavings: 0 },
      { year: 2026, plannedCosts: 160, plannedSavings: 85, realisedCosts: 135, realisedSavings: 71 },
      { year: 2027, plannedCosts: 170, plannedSavings: 90, realisedCosts: null, realisedSavings: null },
      { year: 2028, plannedCosts: 180, plannedSavings: 95, realisedCosts: null, realisedSavings: null },
    ]);
  });
  it("is empty without plans or actuals, and has no realised values without actuals", () => {
    expect(cumulativeCostsSavings([], [])).toEqual([]);
    expect(cumulativeCostsSavings([{ startYear: 2030, costsByYear: [1], savingsByYear: [2] }], []))
      .toEqual([{ year: 2030, plannedCosts: 1, plannedSavings: 2, realisedCosts: null, realisedSavings: null }]);
  });
});
