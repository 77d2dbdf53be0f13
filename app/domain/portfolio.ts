// The steering group's portfolio: which ideas are in it, what the optimiser maximises for each, and how
// an idea's costs (per year of its business case) line up with the budget years. Pure functions.

import type { ClosingOutcome, Stage } from "./vocabulary";

/** Stages whose ideas the portfolio shows: prioritering and later. */
export const PORTFOLIO_STAGES = ["prioritering", "pilot", "inforande", "avslutad"] as const satisfies readonly Stage[];
export type PortfolioStage = (typeof PORTFOLIO_STAGES)[number];
/** Without a stage filter: the ideas still to be prioritised or being carried out. */
export const ACTIVE_PORTFOLIO_STAGES: readonly PortfolioStage[] = ["prioritering", "pilot", "inforande"];
/** Closed ideas belong to the portfolio only when they got past prioritering (carried out or stopped with lessons). */
export const PORTFOLIO_CLOSING_OUTCOMES: readonly ClosingOutcome[] = ["inford", "avbruten_med_lardomar"];

export const PORTFOLIO_OBJECTIVES = ["weighted_score", "npv", "financial_npv", "score_per_krona"] as const;
export type PortfolioObjectiveKind = (typeof PORTFOLIO_OBJECTIVES)[number];

export const PORTFOLIO_SORTS = [
  "score", "npv", "financial_npv", "benefit_cost_ratio", "payback", "total_costs", "age", "title",
] as const;
export type PortfolioSort = (typeof PORTFOLIO_SORTS)[number];

/** One idea's key figures, as the portfolio list, optimiser, exports and API read them. */
export interface PortfolioFigures {
  weightedScore: number | null;
  npv: number | null;
  financialNpv: number | null;
  benefitCostRatio: number | null;
  paybackMonths: number | null;
  selfFinancing: boolean | null;
  totalCosts: number | null;
  totalSavings: number | null;
  /** Calendar year of costsByYear[0]; null without a business case. */
  startYear: number | null;
  /** Whole kronor per year of the business case, undiscounted. */
  costsByYear: number[];
  savingsByYear: number[];
}

/**
 * The idea's costs in each budget year `firstBudgetYear + y` (y < years). Costs before the first
 * budget year are already spent and do not count against the budgets; costs after the last are not
 * the steering group's to allocate here.
 */
export function costsInBudgetYears(figures: Pick<PortfolioFigures, "startYear" | "costsByYear">, firstBudgetYear: number, years: number): number[] {
  return Array.from({ length: years }, (_, y) => {
    if (figures.startYear === null) return 0;
    return figures.costsByYear[firstBudgetYear + y - figures.startYear] ?? 0;
  });
}

/**
 * What the optimiser maximises for an idea, or null when the idea lacks the figure (it then cannot be
 * a candidate for that objective). Score per krona = weighted score per million kronor of total cost
 * (an idea without costs is scored per one krona: cheap and good ranks highest).
 */
export function objectiveValue(objective: PortfolioObjectiveKind, figures: PortfolioFigures): number | null {
  switch (objective) {
    case "weighted_score":
      return figures.weightedScore;
    case "npv":
      return figures.npv;
    case "financial_npv":
      return figures.financialNpv;
    case "score_per_krona": {
      if (figures.weightedScore === null || figures.totalCosts === null) return null;
      const millions = Math.max(figures.totalCosts, 1) / 1_000_000;
      return Math.round((figures.weightedScore / millions) * 10_000) / 10_000;
    }
  }
}

/** Whole days an idea has been in its stage. */
export function daysInStage(stageChangedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - stageChangedAt.getTime()) / 86_400_000));
}

// ---- Budget-optimal selection (/portfolio/optimera): pins, candidates and infeasible years. ----

/** The styrgrupp's choice per candidate: free for the optimiser, must be included, left out. */
export const PORTFOLIO_PINS = ["valfri", "med", "ut"] as const;
export type PortfolioPin = (typeof PORTFOLIO_PINS)[number];

/** Ideas already in pilot or införande are committed: they start as "must be included". */
export function defaultPin(stage: string): PortfolioPin {
  return stage === "pilot" || stage === "inforande" ? "med" : "valfri";
}

/** Why an idea cannot be a candidate for an objective: it lacks the figure the objective needs. */
export type UnselectableReason = "no_score" | "no_business_case";

/** A candidate for the optimiser; `missing` names the figure a committed idea lacks (it then counts with value 0). */
export interface BuiltCandidate { id: string; value: number; costs: number[]; missing?: UnselectableReason }

/**
 * The optimiser's candidates from portfolio rows: value = the objective's figure, costs = the idea's
 * costs in each budget year. A row without the figure is still a candidate, with value 0, when it is
 * pinned "med" (by its stage's default or by choice) or committed (pilot/införande): its costs must keep
 * counting against the budgets. Other rows without the figure are returned apart, with the reason.
 */
export function buildCandidates(
  rows: readonly (PortfolioFigures & { id: string; stage?: string })[], objective: PortfolioObjectiveKind, firstBudgetYear: number,
  years: number, chosenPins: Readonly<Record<string, string>> = {},
): { candidates: BuiltCandidate[]; unselectable: { id: string; reason: UnselectableReason }[] } {
  const candidates: BuiltCandidate[] = [];
  const unselectable: { id: string; reason: UnselectableReason }[] = [];
  for (const row of rows) {
    const value = objectiveValue(objective, row);
    const costs = costsInBudgetYears(row, firstBudgetYear, years);
    if (value === null) {
      const needsScore = objective === "weighted_score" || objective === "score_per_krona";
      const reason: UnselectableReason = needsScore && row.weightedScore === null ? "no_score" : "no_business_case";
      const committed = row.stage !== undefined && defaultPin(row.stage) === "med";
      if (committed || chosenPins[row.id] === "med") candidates.push({ id: row.id, value: 0, costs, missing: reason });
      else unselectable.push({ id: row.id, reason });
      continue;
    }
    candidates.push({ id: row.id, value, costs });
  }
  return { candidates, unselectable };
}

/** The pins that apply to these candidates: the chosen one, else the stage's default. */
export function resolvePins(
  candidates: readonly { id: string; stage: string }[], chosen: Readonly<Record<string, string>>,
): { pins: Record<string, PortfolioPin>; mustInclude: string[]; mustExclude: string[] } {
  const pins: Record<string, PortfolioPin> = {};
  for (const { id, stage } of candidates) {
    const value = chosen[id];
    pins[id] = (PORTFOLIO_PINS as readonly string[]).includes(value ?? "") ? (value as PortfolioPin) : defaultPin(stage);
  }
  const ids = candidates.map((c) => c.id);
  return { pins, mustInclude: ids.filter((id) => pins[id] === "med"), mustExclude: ids.filter((id) => pins[id] === "ut") };
}

/** Indexes of the budget years whose budget these costs break (e.g. the must-includes' alone). */
export function yearsOverBudget(costByYear: readonly number[], budgets: readonly number[]): number[] {
  return budgets.flatMap((budget, year) => ((costByYear[year] ?? 0) > budget ? [year] : []));
}

export interface ComparableSelection {
  firstBudgetYear: number;
  costByYear: readonly number[];
  totalValue: number;
  items: readonly { ideaId: string; selected: boolean }[];
}
export type ComparisonStatus = "both" | "only_a" | "only_b" | "neither";

/**
 * Two saved selections side by side: per idea (A's order, then B's own) whether each chose it, and
 * per calendar year each one's cost with the difference B − A (null where a proposal lacks the year).
 */
export function compareSelections(a: ComparableSelection, b: ComparableSelection) {
  const inA = new Map(a.items.map((item) => [item.ideaId, item.selected]));
  const inB = new Map(b.items.map((item) => [item.ideaId, item.selected]));
  const ids = [...new Set([...a.items.map((i) => i.ideaId), ...b.items.map((i) => i.ideaId)])];
  const ideas = ids.map((ideaId) => {
    const chosenA = inA.get(ideaId) === true;
    const chosenB = inB.get(ideaId) === true;
    const status: ComparisonStatus = chosenA && chosenB ? "both" : chosenA ? "only_a" : chosenB ? "only_b" : "neither";
    return { ideaId, inA: chosenA, inB: chosenB, status };
  });
  const first = Math.min(a.firstBudgetYear, b.firstBudgetYear);
  const last = Math.max(a.firstBudgetYear + a.costByYear.length, b.firstBudgetYear + b.costByYear.length) - 1;
  const costIn = (s: ComparableSelection, year: number) => s.costByYear[year - s.firstBudgetYear] ?? null;
  const years = Array.from({ length: last - first + 1 }, (_, k) => {
    const year = first + k;
    const costA = costIn(a, year);
    const costB = costIn(b, year);
    return { year, a: costA, b: costB, difference: costA === null || costB === null ? null : costB - costA };
  });
  return { ideas, years, totalValue: { a: a.totalValue, b: b.totalValue, difference: b.totalValue - a.totalValue } };
}
