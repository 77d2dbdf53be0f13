import { describe, expect, it } from "vitest";
import { type BusinessCaseInput, evaluateBusinessCase } from "./business-case";
import { amountsByKindPerYear, costsSavingsSeries, cumulativeSeries, unitSeries } from "./business-case-charts";

// Year 0 costs 100 000 (one-off), then it saves 50 000 a year and costs 10 000 a year to run.
// Net: −100 000, +40 000, +40 000, +40 000. Cumulative: −100 000, −60 000, −20 000, +20 000.
// Payback: the last negative year is t = 2 (−20 000), then year 3 nets 40 000 → 3 years + 20/40 of a
// year = 42 months = 3 år och 6 månader, i.e. startYear + 3.5, in calendar year startYear + 3.
const simple: BusinessCaseInput = {
  horizonYears: 4,
  discountRate: 0,
  hourlyCost: 400,
  lines: [
    { kind: "one_off_cost", unitId: "it", amounts: [100_000, 0, 0, 0] },
    { kind: "running_cost", unitId: "it", amounts: [0, 10_000, 10_000, 10_000] },
    { kind: "saving", unitId: "skola", amounts: [0, 30_000, 30_000, 30_000] },
    { kind: "time_saving", unitId: "skola", amounts: [0, 50, 50, 50] }, // 50 h × 400 kr = 20 000 kr
  ],
};

/** Where the polyline through `points` last crosses from negative to non-negative. */
function lastCrossing(points: { x: number; cumulative: number }[]): number {
  let crossing = points[0]!.cumulative >= 0 ? points[0]!.x : NaN;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    if (a.cumulative < 0 && b.cumulative >= 0) crossing = a.x + (b.x - a.x) * (-a.cumulative / (b.cumulative - a.cumulative));
    if (b.cumulative < 0) crossing = NaN;
  }
  return crossing;
}

describe("cumulativeSeries", () => {
  it("gives the cumulative net per calendar year and the break-even point consistent with paybackMonths", () => {
    const result = evaluateBusinessCase(simple);
    expect(result.paybackMonths).toBe(42);
    const series = cumulativeSeries(result, 2026);
    expect(series.rows).toEqual([
      { t: 0, year: 2026, net: -100_000, cumulative: -100_000 },
      { t: 1, year: 2027, net: 40_000, cumulative: -60_000 },
      { t: 2, year: 2028, net: 40_000, cumulative: -20_000 },
      { t: 3, year: 2029, net: 40_000, cumulative: 20_000 },
    ]);
    expect(series.points).toEqual([
      { x: 2026, cumulative: 0 }, { x: 2027, cumulative: -100_000 }, { x: 2028, cumulative: -60_000 },
      { x: 2029, cumulative: -20_000 }, { x: 2030, cumulative: 20_000 },
    ]);
    expect(series.breakEven).toEqual({ months: 42, wholeYears: 3, remainderMonths: 6, x: 2029.5, year: 2029 });
    expect(lastCrossing(series.points)).toBeCloseTo(2029.5, 10);
    expect(series.horizonYears).toBe(4);
  });

  it("has no break-even when the cumulative net ends negative", () => {
    const result = evaluateBusinessCase({ ...simple, lines: simple.lines.slice(0, 2) });
    expect(result.paybackMonths).toBeNull();
    expect(cumulativeSeries(result, 2026).breakEven).toBeNull();
  });

  it("puts a payback at exactly a year's end in that year, and a case never negative at the start", () => {
    // Cumulative −100, −50, 0: payback 36 months, the end of 2028.
    const exact: BusinessCaseInput = {
      horizonYears: 3, discountRate: 0.03, hourlyCost: 0,
      lines: [
        { kind: "one_off_cost", unitId: "a", amounts: [100, 0, 0] },
        { kind: "saving", unitId: "a", amounts: [0, 50, 50] },
      ],
    };
    const r = evaluateBusinessCase(exact);
    expect(r.paybackMonths).toBe(36);
    expect(cumulativeSeries(r, 2026).breakEven).toEqual({ months: 36, wholeYears: 3, remainderMonths: 0, x: 2029, year: 2028 });

    const never: BusinessCaseInput = { ...exact, lines: [{ kind: "saving", unitId: "a", amounts: [10, 10, 10] }] };
    const n = evaluateBusinessCase(never);
    expect(n.paybackMonths).toBe(0);
    const series = cumulativeSeries(n, 2026);
    expect(series.breakEven).toEqual({ months: 0, wholeYears: 0, remainderMonths: 0, x: 2026, year: 2026 });
    expect(lastCrossing(series.points)).toBe(2026);
  });

  it("matches the payback (to a tenth of a month) when the crossing falls mid-year", () => {
    // Cumulative −70 000, −40 000, +5 000: the crossing is 40/45 into year 2 → 24 + 10.666… = 34.7 months.
    const input: BusinessCaseInput = {
      horizonYears: 3, discountRate: 0, hourlyCost: 0,
      lines: [
        { kind: "one_off_cost", unitId: "a", amounts: [70_000, 0, 0] },
        { kind: "saving", unitId: "b", amounts: [0, 30_000, 45_000] },
      ],
    };
    const r = evaluateBusinessCase(input);
    expect(r.paybackMonths).toBe(34.7);
    const series = cumulativeSeries(r, 2030);
    expect(series.breakEven).toMatchObject({ wholeYears: 2, remainderMonths: 11, year: 2032 });
    expect(series.breakEven!.x).toBeCloseTo(2030 + 34.7 / 12, 10);
    expect(Math.abs(lastCrossing(series.points) - series.breakEven!.x)).toBeLessThan(0.05 / 12 + 1e-12);
  });
});

describe("amountsByKindPerYear and costsSavingsSeries", () => {
  it("sums each kind per year and values time savings at the hourly cost", () => {
    expect(amountsByKindPerYear(simple)).toEqual([
      { t: 0, oneOffCost: 100_000, runningCost: 0, saving: 0, timeSaving: 0, timeSavingHours: 0 },
      { t: 1, oneOffCost: 0, runningCost: 10_000, saving: 30_000, timeSaving: 20_000, timeSavingHours: 50 },
      { t: 2, oneOffCost: 0, runningCost: 10_000, saving: 30_000, timeSaving: 20_000, timeSavingHours: 50 },
      { t: 3, oneOffCost: 0, runningCost: 10_000, saving: 30_000, timeSaving: 20_000, timeSavingHours: 50 },
    ]);
    const rows = costsSavingsSeries(simple, 2026);
    expect(rows.map((r) => [r.year, r.costs, r.savings])).toEqual([[2026, 100_000, 0], [2027, 10_000, 50_000], [2028, 10_000, 50_000], [2029, 10_000, 50_000]]);
  });

  it("agrees with evaluateBusinessCase's year totals, also with an hourly cost in öre and several lines of a kind", () => {
    const input: BusinessCaseInput = {
      horizonYears: 2, discountRate: 0.03, hourlyCost: 412.35,
      lines: [
        { kind: "time_saving", unitId: "a", amounts: [3, 7] },
        { kind: "time_saving", unitId: "b", amounts: [1, 0] },
        { kind: "running_cost", unitId: "a", amounts: [5, 6] },
        { kind: "running_cost", unitId: "b", amounts: [1, 1] },
        { kind: "one_off_cost", unitId: "b", amounts: [9, 0] },
        { kind: "saving", unitId: "b", amounts: [2, 4] },
      ],
    };
    const rows = costsSavingsSeries(input, 2026);
    // 4 h × 412,35 = 1 649,40 kr; 7 h × 412,35 = 2 886,45 kr.
    expect(rows.map((r) => [r.oneOffCost, r.runningCost, r.saving, r.timeSaving, r.timeSavingHours])).toEqual([[9, 6, 2, 1649.4, 4], [0, 7, 4, 2886.45, 7]]);
    const result = evaluateBusinessCase(input);
    rows.forEach((row, t) => {
      expect(row.costs).toBe(result.years[t]!.costs);
      expect(row.savings).toBe(result.years[t]!.savings);
    });
  });
});

describe("unitSeries", () => {
  it("lists each unit's costs and savings with its name, largest net first", () => {
    const result = evaluateBusinessCase({
      ...simple,
      lines: [...simple.lines, { kind: "saving", unitId: "okand", amounts: [0, 0, 0, 1_000] }],
    });
    expect(unitSeries(result, { it: "Stadsledningskontoret IT", skola: "Utbildningsförvaltningen" })).toEqual([
      { unitId: "skola", name: "Utbildningsförvaltningen", costs: 0, savings: 150_000, net: 150_000 },
      { unitId: "okand", name: "okand", costs: 0, savings: 1_000, net: 1_000 },
      { unitId: "it", name: "Stadsledningskontoret IT", costs: 130_000, savings: 0, net: -130_000 },
    ]);
  });

  it("breaks ties by name", () => {
    const result = evaluateBusinessCase({
      horizonYears: 1, discountRate: 0, hourlyCost: 0,
      lines: [{ kind: "saving", unitId: "u2", amounts: [5] }, { kind: "saving", unitId: "u1", amounts: [5] }],
    });
    expect(unitSeries(result, { u1: "Östermalm", u2: "Bromma" }).map((u) => u.name)).toEqual(["Bromma", "Östermalm"]);
  });
});
