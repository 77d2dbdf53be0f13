// Budget-optimal portfolio selection: choose the set of ideas with the greatest total value whose
// costs fit every budget year, as a 0/1 integer programme solved by HiGHS (a maintained MILP solver,
// compiled to WebAssembly; docs/decisions/0012). Pure: no database, no clock, no framework.
//
//   maximise   Σ value_j · x_j
//   subject to Σ cost_jy · x_j ≤ budget_y   for every budget year y
//              x_j = 1 for must-includes, x_j = 0 for must-excludes, x_j ∈ {0, 1}

import loadHighs from "highs";

export interface PortfolioCandidate {
  id: string;
  /** What the choice maximises (a score, kronor …); may be negative. */
  value: number;
  /** costs[y] in kronor for budget year y; missing years cost nothing. */
  costs: number[];
}

export interface PortfolioSelectionInput {
  candidates: PortfolioCandidate[];
  /** Available kronor per budget year. */
  budgets: number[];
  mustInclude?: string[];
  mustExclude?: string[];
  /** Default 2000. */
  timeLimitMs?: number;
}

export interface PortfolioSelectionResult {
  /** False when the must-includes alone (or a pin both in and out) break the budgets. */
  feasible: boolean;
  /** True only when the solver proved that no better selection exists. */
  optimal: boolean;
  /** The solver's proven relative gap between the selection and the best possible (0 when optimal). */
  relativeGap: number;
  /** Chosen candidate ids, in input order. */
  selected: string[];
  totalValue: number;
  costByYear: number[];
  /** Indexes of the budget years that bind: some candidate left out would fit but for this year. */
  bindingYears: number[];
}

export const DEFAULT_TIME_LIMIT_MS = 2000;
export const MAX_CANDIDATES = 2000;
export const MAX_BUDGET_YEARS = 10;

export class PortfolioSelectionInputError extends RangeError {
  override name = "PortfolioSelectionInputError";
}

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highsPromise: Promise<Highs> | undefined;
/** The WebAssembly solver, loaded once per process. */
function solver(): Promise<Highs> {
  highsPromise ??= loadHighs().catch((error: unknown) => {
    highsPromise = undefined;
    throw error;
  });
  return highsPromise;
}

function validate(input: PortfolioSelectionInput) {
  const { candidates, budgets } = input;
  if (budgets.length === 0 || budgets.length > MAX_BUDGET_YEARS) {
    throw new PortfolioSelectionInputError(`between 1 and ${MAX_BUDGET_YEARS} budget years are needed`);
  }
  if (candidates.length > MAX_CANDIDATES) throw new PortfolioSelectionInputError(`at most ${MAX_CANDIDATES} candidates`);
  for (const budget of budgets) {
    if (!Number.isSafeInteger(budget) || budget < 0) throw new PortfolioSelectionInputError("budgets are whole, non-negative kronor");
  }
  const ids = new Set<string>();
  for (const candidate of candidates) {
    if (ids.has(candidate.id)) throw new PortfolioSelectionInputError(`duplicate candidate ${candidate.id}`);
    ids.add(candidate.id);
    if (!Number.isFinite(candidate.value)) throw new PortfolioSelectionInputError(`value of ${candidate.id} is not a finite number`);
    if (candidate.costs.length > budgets.length) {
      throw new PortfolioSelectionInputError(`${candidate.id} has costs beyond the last budget year`);
    }
    for (const cost of candidate.costs) {
      if (!Number.isSafeInteger(cost) || cost < 0) throw new PortfolioSelectionInputError(`costs of ${candidate.id} are whole, non-negative kronor`);
    }
  }
  for (const id of [...(input.mustInclude ?? []), ...(input.mustExclude ?? [])]) {
    if (!ids.has(id)) throw new PortfolioSelectionInputError(`pinned id ${id} is not a candidate`);
  }
  const timeLimitMs = input.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  if (!Number.isFinite(timeLimitMs) || timeLimitMs <= 0) throw new PortfolioSelectionInputError("timeLimitMs must be positive");
  return timeLimitMs;
}

const costOf = (candidate: PortfolioCandidate, year: number) => candidate.costs[year] ?? 0;

/** Exact sums per budget year of the chosen candidates (kronor are whole numbers). */
function costsByYear(chosen: readonly PortfolioCandidate[], years: number): number[] {
  return Array.from({ length: years }, (_, year) => chosen.reduce((sum, candidate) => sum + costOf(candidate, year), 0));
}

/**
 * Years whose budget keeps out some candidate that was left out although it was not pinned out and
 * has a positive value: adding it would break this year's budget.
 */
function bindingYearsOf(input: PortfolioSelectionInput, selected: ReadonlySet<string>, costByYear: number[]): number[] {
  const excluded = new Set(input.mustExclude ?? []);
  const binding = new Set<number>();
  for (const candidate of input.candidates) {
    if (selected.has(candidate.id) || excluded.has(candidate.id) || candidate.value <= 0) continue;
    input.budgets.forEach((budget, year) => {
      if (costByYear[year]! + costOf(candidate, year) > budget) binding.add(year);
    });
  }
  return [...binding].sort((a, b) => a - b);
}

function resultOf(
  input: PortfolioSelectionInput, selectedIds: ReadonlySet<string>,
  status: { feasible: boolean; optimal: boolean; relativeGap: number },
): PortfolioSelectionResult {
  const chosen = input.candidates.filter((candidate) => selectedIds.has(candidate.id));
  const costByYear = costsByYear(chosen, input.budgets.length);
  return {
    ...status,
    selected: chosen.map((candidate) => candidate.id),
    totalValue: chosen.reduce((sum, candidate) => sum + candidate.value, 0),
    costByYear,
    bindingYears: status.feasible ? bindingYearsOf(input, selectedIds, costByYear) : [],
  };
}

const INFEASIBLE = { feasible: false, optimal: false, relativeGap: Number.POSITIVE_INFINITY };

export async function selectPortfolio(input: PortfolioSelectionInput): Promise<PortfolioSelectionResult> {
  const timeLimitMs = validate(input);
  const include = new Set(input.mustInclude ?? []);
  const exclude = new Set(input.mustExclude ?? []);
  const pinnedBothWays = [...include].some((id) => exclude.has(id));
  const pinnedIn = input.candidates.filter((candidate) => include.has(candidate.id));
  const pinnedCosts = costsByYear(pinnedIn, input.budgets.length);
  // The must-includes alone break a budget (or one idea is pinned both in and out): no selection exists.
  if (pinnedBothWays || pinnedCosts.some((cost, year) => cost > input.budgets[year]!)) {
    return resultOf(input, new Set(include), INFEASIBLE);
  }
  if (input.candidates.length === 0) return resultOf(input, new Set(), { feasible: true, optimal: true, relativeGap: 0 });

  const highs = await solver();
  const { candidates, budgets } = input;
  // Column j = candidate j; its entries are its positive costs per budget year (CSC).
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const candidate of candidates) {
    budgets.forEach((_, year) => {
      const cost = costOf(candidate, year);
      if (cost > 0) {
        indices.push(year);
        values.push(cost);
      }
    });
    starts.push(indices.length);
  }
  const solution = highs.withModel(
    {
      numCols: candidates.length,
      numRows: budgets.length,
      sense: highs.constants.objectiveSense.maximize,
      colCost: candidates.map((candidate) => candidate.value),
      colLower: candidates.map((candidate) => (include.has(candidate.id) ? 1 : 0)),
      colUpper: candidates.map((candidate) => (exclude.has(candidate.id) ? 0 : 1)),
      rowLower: budgets.map(() => -highs.infinity),
      rowUpper: budgets,
      matrix: { format: "csc", numRows: budgets.length, numCols: candidates.length, starts, indices, values },
      integrality: candidates.map(() => highs.constants.variableType.integer),
    },
    (model) => {
      model.options.set({
        output_flag: false,
        time_limit: timeLimitMs / 1000,
        // Proven optimal means optimal: no relative gap tolerated, only rounding noise in absolute terms.
        mip_rel_gap: 0,
        mip_abs_gap: 1e-9,
        mip_feasibility_tolerance: 1e-9,
      });
      model.run();
      const status = model.getModelStatus();
      const columns = model.getSolution().colValue;
      const gap = Number(model.info.get("mip_gap"));
      const primalStatus = Number(model.info.get("primal_solution_status"));
      return { status, columns: Array.from(columns), gap, hasSolution: primalStatus === 2 };
    },
  );

  const { modelStatus } = highs.constants;
  if (solution.status === modelStatus.infeasible) return resultOf(input, new Set(include), INFEASIBLE);
  const optimal = solution.status === modelStatus.optimal;
  // Without a solution from the solver the must-includes alone are a feasible (if poor) selection.
  const chosenIds = new Set<string>(
    solution.hasSolution ? candidates.filter((_, j) => solution.columns[j]! > 0.5).map((c) => c.id) : include,
  );
  // Stopped early (time limit): take any left-out candidate with a positive value that still fits, best
  // first, so that nothing is left out "for no reason". The gap reported stays the solver's (an upper bound).
  if (!optimal) fillGreedily(input, chosenIds, exclude);
  // The solver works in floating point: a selection may exceed a budget by its tolerance. The budgets
  // are checked again in whole kronor and, if need be, the selection is repaired (then not proven optimal).
  const repaired = repairOverBudget(input, chosenIds, include);
  return resultOf(input, chosenIds, {
    feasible: true,
    optimal: optimal && !repaired,
    relativeGap: optimal && !repaired ? 0
      : Number.isFinite(solution.gap) && solution.gap >= 0 && solution.hasSolution ? solution.gap : Number.POSITIVE_INFINITY,
  });
}

/**
 * Drops unpinned candidates, the least value per krona of the years over budget first, until every
 * budget holds in whole kronor. Returns whether anything was dropped. (The must-includes alone fit:
 * that was checked before solving.)
 */
export function repairOverBudget(input: PortfolioSelectionInput, chosen: Set<string>, include: ReadonlySet<string>): boolean {
  const chosenCandidates = () => input.candidates.filter((candidate) => chosen.has(candidate.id));
  let repaired = false;
  for (;;) {
    const used = costsByYear(chosenCandidates(), input.budgets.length);
    const over = input.budgets.flatMap((budget, year) => (used[year]! > budget ? [year] : []));
    if (over.length === 0) return repaired;
    const overCost = (candidate: PortfolioCandidate) => over.reduce((sum, year) => sum + costOf(candidate, year), 0);
    const droppable = chosenCandidates().filter((candidate) => !include.has(candidate.id) && overCost(candidate) > 0)
      .sort((a, b) => a.value / overCost(a) - b.value / overCost(b));
    const drop = droppable[0];
    if (!drop) return repaired;
    chosen.delete(drop.id);
    repaired = true;
  }
}

function fillGreedily(input: PortfolioSelectionInput, chosen: Set<string>, exclude: ReadonlySet<string>) {
  const used = costsByYear(input.candidates.filter((candidate) => chosen.has(candidate.id)), input.budgets.length);
  const rest = input.candidates
    .filter((candidate) => !chosen.has(candidate.id) && !exclude.has(candidate.id) && candidate.value > 0)
    .sort((a, b) => b.value - a.value);
  for (const candidate of rest) {
    if (input.budgets.every((budget, year) => used[year]! + costOf(candidate, year) <= budget)) {
      chosen.add(candidate.id);
      input.budgets.forEach((_, year) => { used[year]! += costOf(candidate, year); });
    }
  }
}

export type ExclusionReason = "pinned_out" | "over_budget" | "no_value";

/**
 * Why a candidate was left out of a selection: pinned out; taking it would not add value (value ≤ 0,
 * left out whatever the budget); or it would break these budget years (an optimal or greedily filled
 * selection takes every positive-value candidate that fits).
 */
export function explainExclusion(
  candidate: PortfolioCandidate, input: Pick<PortfolioSelectionInput, "budgets" | "mustExclude">, costByYear: number[],
): { reason: ExclusionReason; blockingYears: number[] } {
  if ((input.mustExclude ?? []).includes(candidate.id)) return { reason: "pinned_out", blockingYears: [] };
  // An idea that would lower the total is left out whatever the budget.
  if (candidate.value <= 0) return { reason: "no_value", blockingYears: [] };
  const blockingYears = input.budgets.flatMap((budget, year) => (costByYear[year]! + costOf(candidate, year) > budget ? [year] : []));
  if (blockingYears.length > 0) return { reason: "over_budget", blockingYears };
  return { reason: "no_value", blockingYears: [] };
}
