// Benefits realisation (nyttorealisering): what was actually spent and saved, year by year, beside what
// the business case planned – the variance in kronor and per cent, and a flag on years whose realised
// savings fall more than 20 % behind plan.
//
// Exact arithmetic: amounts are whole kronor (hours for time savings); everything is carried as BigInt
// öre (the hourly cost may have öre), rounded once at the end – kronor to whole kronor, per cent to one
// decimal, halves away from zero.

import type { BusinessCaseInput, LineKind } from "./business-case";

export const BENEFIT_KINDS: readonly LineKind[] = ["one_off_cost", "running_cost", "saving", "time_saving"];

/** How far realised savings may fall behind plan before the year is flagged: more than 20 %. */
export const BEHIND_PLAN_PERCENT = 20;

export interface BenefitActual {
  yearIndex: number;
  kind: LineKind;
  /** Kronor, or hours for time_saving. */
  amount: number;
}

export interface KindRealisation {
  kind: LineKind;
  /** As planned: kronor, or hours for time_saving. */
  planned: number;
  /** As entered: kronor, or hours for time_saving; null when nothing was entered. */
  actual: number | null;
  /** The planned amount in kronor (time savings valued at the case's hourly cost). */
  plannedKronor: number;
  actualKronor: number | null;
  /** actual − planned in kronor; null without an actual. */
  varianceKronor: number | null;
  /** The variance in per cent of plan, one decimal; null without an actual or when the plan is 0. */
  variancePercent: number | null;
}

export interface Comparison {
  planned: number;
  /** null when the year has no actuals at all. */
  actual: number | null;
  variance: number | null;
  variancePercent: number | null;
}

export interface YearRealisation {
  t: number;
  kinds: KindRealisation[];
  /** Whether anything was entered for the year (any kind). */
  hasActuals: boolean;
  /** One-off plus running costs, kronor; a kind not entered in a year with actuals counts as 0. */
  costs: Comparison;
  /** Savings plus valued time savings, kronor; a kind not entered in a year with actuals counts as 0. */
  savings: Comparison;
  /** Realised savings more than 20 % behind plan (only years with actuals and planned savings > 0). */
  behindPlan: boolean;
}

export interface BenefitsRealisation {
  years: YearRealisation[];
  /** Totals over the years with actuals. */
  toDate: { years: number; costs: Comparison; savings: Comparison; behindPlan: boolean };
  /** Some year is flagged as behind plan. */
  anyYearBehindPlan: boolean;
}

const ORE = 100n;

/** a/b rounded to the nearest integer, halves away from zero (b > 0). */
function roundDiv(a: bigint, b: bigint): bigint {
  const q = (2n * (a < 0n ? -a : a) + b) / (2n * b);
  return a < 0n ? -q : q;
}

const kronorOf = (ore: bigint) => Number(roundDiv(ore, ORE));

/** variance / planned in per cent, one decimal; null when the plan is 0. */
function percentOf(variance: bigint, planned: bigint): number | null {
  if (planned === 0n) return null;
  const tenths = roundDiv(variance * 1000n, planned);
  const value = Number(tenths) / 10;
  return Object.is(value, -0) ? 0 : value;
}

/** More than 20 % behind: (planned − actual) / planned > 0.2, compared exactly. */
function isBehind(planned: bigint, actual: bigint): boolean {
  return planned > 0n && (planned - actual) * 100n > planned * BigInt(BEHIND_PLAN_PERCENT);
}

function compare(planned: bigint, actual: bigint | null): Comparison {
  return {
    planned: kronorOf(planned),
    actual: actual === null ? null : kronorOf(actual),
    variance: actual === null ? null : kronorOf(actual - planned),
    variancePercent: actual === null ? null : percentOf(actual - planned, planned),
  };
}

const isCost = (kind: LineKind) => kind === "one_off_cost" || kind === "running_cost";
const isSaving = (kind: LineKind) => kind === "saving" || kind === "time_saving";

/**
 * The plan beside what happened, per year of the horizon and kind. Actuals outside the horizon are
 * ignored; a second actual for the same year and kind replaces the first.
 */
export function realiseBenefits(plan: BusinessCaseInput, actuals: readonly BenefitActual[]): BenefitsRealisation {
  const H = plan.horizonYears;
  const hourlyOre = BigInt(Math.round(plan.hourlyCost * 100));
  const oreOf = (kind: LineKind, amount: bigint) => (kind === "time_saving" ? amount * hourlyOre : amount * ORE);

  const planned = Array.from({ length: H }, () => new Map<LineKind, bigint>(BENEFIT_KINDS.map((k) => [k, 0n])));
  for (const line of plan.lines) {
    line.amounts.forEach((amount, t) => {
      if (t < H) planned[t]!.set(line.kind, planned[t]!.get(line.kind)! + BigInt(amount));
    });
  }
  const entered = Array.from({ length: H }, () => new Map<LineKind, bigint>());
  for (const actual of actuals) {
    if (Number.isInteger(actual.yearIndex) && actual.yearIndex >= 0 && actual.yearIndex < H) {
      entered[actual.yearIndex]!.set(actual.kind, BigInt(actual.amount));
    }
  }

  const sum = { years: 0, plannedCosts: 0n, actualCosts: 0n, plannedSavings: 0n, actualSavings: 0n };
  const years: YearRealisation[] = planned.map((plannedByKind, t) => {
    const actualByKind = entered[t]!;
    const hasActuals = actualByKind.size > 0;
    let plannedCosts = 0n, actualCosts = 0n, plannedSavings = 0n, actualSavings = 0n;
    const kinds = BENEFIT_KINDS.map((kind): KindRealisation => {
      const p = plannedByKind.get(kind)!;
      const a = actualByKind.get(kind) ?? null;
      const pOre = oreOf(kind, p);
      const aOre = a === null ? null : oreOf(kind, a);
      if (isCost(kind)) { plannedCosts += pOre; actualCosts += aOre ?? 0n; }
      if (isSaving(kind)) { plannedSavings += pOre; actualSavings += aOre ?? 0n; }
      return {
        kind, planned: Number(p), actual: a === null ? null : Number(a),
        plannedKronor: kronorOf(pOre), actualKronor: aOre === null ? null : kronorOf(aOre),
        varianceKronor: aOre === null ? null : kronorOf(aOre - pOre),
        variancePercent: aOre === null ? null : percentOf(aOre - pOre, pOre),
      };
    });
    if (hasActuals) {
      sum.years += 1;
      sum.plannedCosts += plannedCosts;
      sum.actualCosts += actualCosts;
      sum.plannedSavings += plannedSavings;
      sum.actualSavings += actualSavings;
    }
    return {
      t, kinds, hasActuals,
      costs: compare(plannedCosts, hasActuals ? actualCosts : null),
      savings: compare(plannedSavings, hasActuals ? actualSavings : null),
      behindPlan: hasActuals && isBehind(plannedSavings, actualSavings),
    };
  });
  const any = sum.years > 0;
  return {
    years,
    toDate: {
      years: sum.years,
      costs: compare(sum.plannedCosts, any ? sum.actualCosts : null),
      savings: compare(sum.plannedSavings, any ? sum.actualSavings : null),
      behindPlan: any && isBehind(sum.plannedSavings, sum.actualSavings),
    },
    anyYearBehindPlan: years.some((y) => y.behindPlan),
  };
}

/**
 * Benefits are recorded from the pilot on: in pilot, in införande, and after closing as införd. Before
 * the pilot there is nothing to realise; an idea closed any other way (avslagen, parkerad, avbruten)
 * was never put into use, so its figures stay as they were.
 */
export function benefitsOpen(idea: { stage: string; outcome?: string | null }): boolean {
  return idea.stage === "pilot" || idea.stage === "inforande" || (idea.stage === "avslutad" && idea.outcome === "inford");
}

export type BenefitsRefusal = "stage" | "merged";

export function benefitsRefusal(idea: { stage: string; outcome?: string | null; merged: boolean }): BenefitsRefusal | null {
  if (idea.merged) return "merged";
  return benefitsOpen(idea) ? null : "stage";
}

/** One amount (whole kronor or hours) below this bound: 10¹¹, as in the business case. */
export const MAX_ACTUAL_AMOUNT = 100_000_000_000;

export type AmountProblem = "not_a_number" | "negative" | "decimals" | "too_large";

/**
 * A whole, non-negative amount as typed: "1200000", "1 200 000" (spaces, no-break or narrow no-break
 * spaces between groups of three). "" is empty (null). Below 10¹¹.
 */
export function parseWholeAmount(raw: string): { ok: true; value: number | null } | { ok: false; problem: AmountProblem } {
  const trimmed = raw.trim().replace(/^\u2212/, "-");
  if (trimmed === "") return { ok: true, value: null };
  const text = /^-?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d*)?$/.test(trimmed) ? trimmed.replace(/[ \u00a0\u202f]/g, "") : trimmed;
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec(text);
  if (!match) return { ok: false, problem: "not_a_number" };
  const [, sign, whole = "", fraction = ""] = match;
  if (/[1-9]/.test(fraction)) return { ok: false, problem: "decimals" };
  const digits = whole.replace(/^0+/, "");
  if (sign === "-" && digits !== "") return { ok: false, problem: "negative" };
  if (digits.length > 11 || Number(digits || "0") >= MAX_ACTUAL_AMOUNT) return { ok: false, problem: "too_large" };
  return { ok: true, value: Number(digits || "0") };
}
