// The portfolio charts (/portfolio/diagram): the pure parts – percentiles of stage stays, top-N
// grouping, the value/effort points, and the planned-against-realised cumulative series. The numbers
// come from SQL (app/models/portfolio-charts.server.ts); nothing here reads a clock or a database.

import { type BenefitActual, realiseBenefits } from "./benefits-realisation";
import type { FocusArea, Stage } from "./vocabulary";

/** The funnel's bars: the open stages in order, then the ideas closed as införda. */
export const FUNNEL_STAGES = ["inskickad", "bedomning", "prioritering", "pilot", "inforande", "inford"] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** Stages an idea can stay in and leave by a gate decision (time in stage is measured for these). */
export const TIMED_STAGES = ["inskickad", "bedomning", "prioritering", "pilot", "inforande"] as const satisfies readonly Stage[];
export type TimedStage = (typeof TIMED_STAGES)[number];

/** How many förvaltningar the unit chart names; the rest are summed as "övriga". */
export const TOP_UNITS = 15;

/**
 * The p-th percentile (0 ≤ p ≤ 1) by linear interpolation between closest ranks – the same definition
 * as PostgreSQL's percentile_cont and Excel's PERCENTILE.INC: rank h = (n − 1)·p over the sorted
 * values, the result is x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 1)) throw new RangeError("p must be between 0 and 1");
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lower = Math.floor(h);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower]! + (h - lower) * (sorted[upper]! - sorted[lower]!);
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

export interface StageTime {
  stage: TimedStage;
  /** Completed stays the figures are based on. */
  stays: number;
  /** Days, one decimal; null without stays. */
  medianDays: number | null;
  p90Days: number | null;
}

/** Median and 90th percentile of the completed stays per stage, in stage order (every timed stage listed). */
export function stageTimes(stays: readonly { stage: Stage; days: number }[]): StageTime[] {
  return TIMED_STAGES.map((stage) => {
    const days = stays.filter((s) => s.stage === stage).map((s) => s.days);
    const median = percentile(days, 0.5);
    const p90 = percentile(days, 0.9);
    return {
      stage, stays: days.length,
      medianDays: median === null ? null : oneDecimal(median),
      p90Days: p90 === null ? null : oneDecimal(p90),
    };
  });
}

/** The funnel's counts in stage order; a stage without ideas is 0. */
export function funnelRows(counts: readonly { stage: FunnelStage; count: number }[]): { stage: FunnelStage; count: number }[] {
  return FUNNEL_STAGES.map((stage) => ({ stage, count: counts.filter((c) => c.stage === stage).reduce((s, c) => s + c.count, 0) }));
}

export interface GroupCount { id: string; name: string; count: number }

/**
 * The `limit` largest groups (most ideas first, then by name) and the rest summed as one row with
 * id null (left out when nothing is left over). Groups with no ideas are dropped.
 */
export function topWithRest(groups: readonly GroupCount[], limit: number, restName: string): {
  rows: { id: string | null; name: string; count: number }[]; restGroups: number;
} {
  const sorted = groups.filter((g) => g.count > 0)
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, "sv") || (a.id < b.id ? -1 : 1));
  const top = sorted.slice(0, limit).map((g) => ({ id: g.id as string | null, name: g.name, count: g.count }));
  const rest = sorted.slice(limit);
  if (rest.length > 0) top.push({ id: null, name: restName, count: rest.reduce((s, g) => s + g.count, 0) });
  return { rows: top, restGroups: rest.length };
}

/** Ideas per focus area in the vocabulary's order (an idea with several areas counts in each). */
export function focusRows(counts: readonly { area: FocusArea; count: number }[], areas: readonly FocusArea[]): { area: FocusArea; count: number }[] {
  return areas.map((area) => ({ area, count: counts.find((c) => c.area === area)?.count ?? 0 }));
}

export interface BubbleInput {
  id: string; reference: string; title: string;
  weightedScore: number | null; totalCosts: number | null; npv: number | null; selfFinancing: boolean | null;
}
export interface BubblePoint {
  id: string; reference: string; title: string;
  score: number; cost: number; npv: number;
  /** Bubble area follows |NPV|; a negative NPV is drawn hollow. */
  size: number; negative: boolean; selfFinancing: boolean;
}
export type NotPlottedReason = "no_score" | "no_case" | "no_score_no_case";

/** Ideas with a weighted score and a business case become points; the others are listed with why not. */
export function bubblePoints(rows: readonly BubbleInput[]): {
  points: BubblePoint[]; notPlotted: { id: string; reference: string; title: string; reason: NotPlottedReason }[];
} {
  const points: BubblePoint[] = [];
  const notPlotted: { id: string; reference: string; title: string; reason: NotPlottedReason }[] = [];
  for (const r of rows) {
    const noScore = r.weightedScore === null;
    const noCase = r.totalCosts === null || r.npv === null;
    if (noScore || noCase) {
      notPlotted.push({ id: r.id, reference: r.reference, title: r.title, reason: noScore && noCase ? "no_score_no_case" : noScore ? "no_score" : "no_case" });
      continue;
    }
    points.push({
      id: r.id, reference: r.reference, title: r.title, score: r.weightedScore!, cost: r.totalCosts!, npv: r.npv!,
      size: Math.abs(r.npv!), negative: r.npv! < 0, selfFinancing: r.selfFinancing === true,
    });
  }
  return { points, notPlotted };
}

export interface PlannedFigures { startYear: number | null; costsByYear: readonly number[]; savingsByYear: readonly number[] }
export interface CaseActuals { startYear: number; horizonYears: number; hourlyCost: number; actuals: readonly BenefitActual[] }

/**
 * An idea's realised costs and savings per calendar year, in whole kronor, valued exactly as the
 * benefits page values them (realiseBenefits: time savings at the case's hourly cost; within the
 * horizon; a kind not entered in a year with actuals counts as 0). Only years with actuals.
 */
export function realisedByYear(c: CaseActuals): { year: number; costs: number; savings: number }[] {
  const realisation = realiseBenefits({ horizonYears: c.horizonYears, discountRate: 0, hourlyCost: c.hourlyCost, lines: [] }, c.actuals);
  return realisation.years.filter((y) => y.hasActuals)
    .map((y) => ({ year: c.startYear + y.t, costs: y.costs.actual ?? 0, savings: y.savings.actual ?? 0 }));
}

export interface CumulativeRow {
  year: number;
  plannedCosts: number;
  plannedSavings: number;
  /** null after the last year with any actuals. */
  realisedCosts: number | null;
  realisedSavings: number | null;
}

/**
 * Cumulative planned costs and savings over calendar years (each idea's year index t is the year
 * startYear + t), beside the cumulative realised ones up to the last year with any actuals. The years
 * run from the earliest to the latest year of any plan or actual; empty when there is none.
 */
export function cumulativeCostsSavings(planned: readonly PlannedFigures[], realised: readonly { year: number; costs: number; savings: number }[]): CumulativeRow[] {
  const perYear = new Map<number, { pc: number; ps: number; rc: number; rs: number }>();
  const at = (year: number) => {
    let row = perYear.get(year);
    if (!row) { row = { pc: 0, ps: 0, rc: 0, rs: 0 }; perYear.set(year, row); }
    return row;
  };
  for (const p of planned) {
    if (p.startYear === null) continue;
    const length = Math.max(p.costsByYear.length, p.savingsByYear.length);
    for (let t = 0; t < length; t++) {
      const row = at(p.startYear + t);
      row.pc += p.costsByYear[t] ?? 0;
      row.ps += p.savingsByYear[t] ?? 0;
    }
  }
  for (const r of realised) {
    const row = at(r.year);
    row.rc += r.costs;
    row.rs += r.savings;
  }
  if (perYear.size === 0) return [];
  const years = [...perYear.keys()];
  const first = Math.min(...years);
  const last = Math.max(...years);
  const lastActual = realised.length > 0 ? Math.max(...realised.map((r) => r.year)) : null;
  const rows: CumulativeRow[] = [];
  let pc = 0, ps = 0, rc = 0, rs = 0;
  for (let year = first; year <= last; year++) {
    const row = perYear.get(year) ?? { pc: 0, ps: 0, rc: 0, rs: 0 };
    pc += row.pc; ps += row.ps; rc += row.rc; rs += row.rs;
    const realisedShown = lastActual !== null && year <= lastActual;
    rows.push({
      year, plannedCosts: pc, plannedSavings: ps,
      realisedCosts: realisedShown ? rc : null, realisedSavings: realisedShown ? rs : null,
    });
  }
  return rows;
}
