// Plain chart series for the business case (nyttokalkyl): what the charts and their table alternatives
// show, computed from the case's input and result. No React, no recharts here.

import type { BusinessCaseInput, BusinessCaseResult, LineKind } from "./business-case";

/** One calendar year of the cumulative chart: the year's net and the cumulative net at the year's end. */
export interface CumulativeRow {
  t: number;
  year: number;
  net: number;
  cumulative: number;
}

/** A point of the cumulative line on a continuous time axis: x = startYear + years since the start. */
export interface CumulativePoint {
  x: number;
  cumulative: number;
}

export interface BreakEven {
  /** result.paybackMonths. */
  months: number;
  /** Whole years and months after the start (months rounded to whole months), for the text. */
  wholeYears: number;
  remainderMonths: number;
  /** Position on the time axis: startYear + months / 12. */
  x: number;
  /** The calendar year in which the cumulative net turns non-negative for good. */
  year: number;
}

export interface CumulativeSeries {
  rows: CumulativeRow[];
  /** Starts at (startYear, 0); year t's cumulative net sits at its end, startYear + t + 1. */
  points: CumulativePoint[];
  breakEven: BreakEven | null;
  horizonYears: number;
}

/**
 * (a) Cumulative net per calendar year and the break-even point. The payback is linear within the
 * year it happens in, so the line through the year-end points crosses zero exactly at `breakEven.x`
 * (up to the payback's rounding to a tenth of a month).
 */
export function cumulativeSeries(result: BusinessCaseResult, startYear: number): CumulativeSeries {
  const rows = result.years.map((y) => ({ t: y.t, year: startYear + y.t, net: y.net, cumulative: y.cumulative }));
  const points = [{ x: startYear, cumulative: 0 }, ...result.years.map((y) => ({ x: startYear + y.t + 1, cumulative: y.cumulative }))];
  return { rows, points, breakEven: breakEven(result.paybackMonths, startYear), horizonYears: result.years.length };
}

function breakEven(months: number | null, startYear: number): BreakEven | null {
  if (months === null) return null;
  const whole = Math.round(months);
  // The year that contains the moment: a payback at exactly the end of a year belongs to that year.
  const yearIndex = Math.max(0, Math.ceil(months / 12) - 1);
  return {
    months,
    wholeYears: Math.floor(whole / 12),
    remainderMonths: whole % 12,
    x: startYear + months / 12,
    year: startYear + yearIndex,
  };
}

/** Per-kind totals of one year, kronor (time savings valued at the hourly cost). */
export interface KindAmounts {
  t: number;
  oneOffCost: number;
  runningCost: number;
  saving: number;
  /** Valued time saving, kronor. */
  timeSaving: number;
  timeSavingHours: number;
}

const KIND_KEYS: Record<LineKind, "oneOffCost" | "runningCost" | "saving"> = {
  one_off_cost: "oneOffCost",
  running_cost: "runningCost",
  saving: "saving",
  time_saving: "saving", // not used: time savings are valued separately
};

/**
 * Totals per year and kind, as entered (no scenario multipliers). Exact: kronor are summed as integers,
 * time savings as hours × hourly cost in öre, so the sums equal evaluateBusinessCase's year costs and savings.
 */
export function amountsByKindPerYear(input: BusinessCaseInput): KindAmounts[] {
  const H = input.horizonYears;
  const hourlyOre = BigInt(Math.round(input.hourlyCost * 100));
  const years = Array.from({ length: H }, (_, t) => ({
    t, oneOffCost: 0, runningCost: 0, saving: 0, timeSavingOre: 0n, timeSavingHours: 0,
  }));
  for (const line of input.lines) {
    for (let t = 0; t < H; t++) {
      const amount = line.amounts[t] ?? 0;
      const year = years[t]!;
      if (line.kind === "time_saving") {
        year.timeSavingHours += amount;
        year.timeSavingOre += BigInt(amount) * hourlyOre;
      } else {
        year[KIND_KEYS[line.kind]] += amount;
      }
    }
  }
  return years.map(({ timeSavingOre, ...year }) => ({
    ...year,
    timeSaving: Number(timeSavingOre / 100n) + Number(timeSavingOre % 100n) / 100,
  }));
}

/** (b) One calendar year of the costs-against-savings chart: the kinds stacked, with their totals. */
export interface CostsSavingsRow extends KindAmounts {
  year: number;
  costs: number;
  savings: number;
}

export function costsSavingsSeries(input: BusinessCaseInput, startYear: number): CostsSavingsRow[] {
  return amountsByKindPerYear(input).map((y) => ({
    ...y,
    year: startYear + y.t,
    costs: y.oneOffCost + y.runningCost,
    savings: y.saving + y.timeSaving,
  }));
}

/** (c) One unit: the costs it bears and the savings it receives over the horizon. */
export interface UnitRow {
  unitId: string;
  name: string;
  costs: number;
  savings: number;
  net: number;
}

/** Units sorted by net, largest gain first; ties by name. Unknown units show their id. */
export function unitSeries(result: BusinessCaseResult, unitNames: Record<string, string>): UnitRow[] {
  return Object.entries(result.byUnit)
    .map(([unitId, u]) => ({ unitId, name: unitNames[unitId] ?? unitId, costs: u.costs, savings: u.savings, net: u.net }))
    .sort((a, b) => b.net - a.net || a.name.localeCompare(b.name, "sv"));
}
