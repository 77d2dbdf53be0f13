// The portfolio optimiser (HiGHS) on a city-sized problem: 500 candidates over 5 budget years.
import { selectPortfolio, type PortfolioCandidate } from "../../app/domain/portfolio-selection";

export interface OptimiserResult {
  n: number;
  years: number;
  /** Median of the runs. */
  ms: number;
  optimal: boolean;
  selected: number;
}

/** A small deterministic generator (mulberry32), so every run solves the same problem. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** City-like ideas: an investment in year 1, running costs after, savings that grow; a score as value. */
export function cityCandidates(n: number, years: number): PortfolioCandidate[] {
  const next = random(20_240_601);
  return Array.from({ length: n }, (_, j) => {
    const investment = Math.round(100_000 + next() * 2_900_000);
    const running = Math.round(investment * (0.05 + next() * 0.2));
    const startYear = Math.floor(next() * 2); // some start a year later
    const costs = Array.from({ length: years }, (_, y) =>
      y < startYear ? 0 : y === startYear ? investment : running);
    const value = Math.round((1 + next() * 4) * 100) / 100 * (investment / 100_000) * (0.6 + next() * 0.8);
    return { id: `kandidat-${j + 1}`, value, costs };
  });
}

export async function measureOptimiser(options: { n?: number; years?: number; runs?: number } = {}): Promise<OptimiserResult> {
  const n = options.n ?? 500;
  const years = options.years ?? 5;
  const candidates = cityCandidates(n, years);
  // A quarter of what everything would cost each year: the budgets bind.
  const budgets = Array.from({ length: years }, (_, y) => Math.round(candidates.reduce((sum, c) => sum + (c.costs[y] ?? 0), 0) * 0.25));
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof selectPortfolio>> | undefined;
  for (let run = 0; run < (options.runs ?? 3); run++) {
    const started = performance.now();
    last = await selectPortfolio({ candidates, budgets });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { n, years, ms: Math.round(times[Math.floor(times.length / 2)]!), optimal: last!.optimal, selected: last!.selected.length };
}
