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
