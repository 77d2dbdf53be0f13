// The self-financing business case (nyttokalkyl): costs against savings over the years, discounted.
//
// Exact arithmetic: every amount is carried as a BigInt count of micro-kronor (10⁻⁶ kr), the discount
// rate as a fraction with denominator 10⁶ and scenario multipliers with denominator 10⁴, so sums and
// discounting are exact rationals. Rounding happens once, at the end, to whole kronor (NPV), one decimal
// (payback months) or a float (benefit-cost ratio).

export type LineKind = "one_off_cost" | "running_cost" | "saving" | "time_saving";

export interface BusinessCaseInput {
  horizonYears: number;   // H, 1..15; year index t = 0..H-1, t = 0 is the start year
  discountRate: number;   // e.g. 0.03
  hourlyCost: number;     // kronor per hour, values time_saving lines
  lines: { kind: LineKind; unitId: string; amounts: number[] }[]; // amounts[t]: kronor, or hours for time_saving
}

export interface BusinessCaseYear {
  /** Year index, 0 = the start year. */
  t: number;
  /** One-off and running costs, kronor. */
  costs: number;
  /** Savings and valued time savings, kronor. */
  savings: number;
  /** Of `savings`, the budget-affecting part (saving lines only), kronor. */
  financialSavings: number;
  /** savings − costs, kronor. */
  net: number;
  /** net summed from year 0 to this year, kronor. */
  cumulative: number;
  /** net / (1 + r)^t, rounded to whole kronor (for display; the NPV sums the exact values). */
  discountedNet: number;
}

export interface BusinessCaseResult {
  years: BusinessCaseYear[];
  /** Σ net_t / (1 + r)^t, whole kronor. */
  npv: number;
  /** The same with only budget-affecting savings (saving lines), whole kronor. */
  financialNpv: number;
  /** Months from the start until the cumulative net turns non-negative for good; null if it never does. */
  paybackMonths: number | null;
  /** Σ discounted savings / Σ discounted costs; null when there are no costs. */
  benefitCostRatio: number | null;
  /** financialNpv ≥ 0: the project pays for itself in real money within the horizon. */
  selfFinancing: boolean;
  /** Undiscounted totals per unit over the horizon, time savings valued at the hourly cost. */
  byUnit: Record<string, { costs: number; savings: number; net: number }>;
  /** Undiscounted totals over the horizon, kronor. */
  totals: { costs: number; savings: number; financialSavings: number; timeSavingHours: number; net: number };
}

export const MAX_HORIZON_YEARS = 15;
/** A sane upper bound for one amount (kronor or hours per year): 10¹¹ kr, ten times the city's budget. */
export const MAX_AMOUNT = 100_000_000_000;

const MICRO = 1_000_000n;
const RATE_SCALE = 1_000_000n;
const MULTIPLIER_SCALE = 10_000n;

export class BusinessCaseInputError extends RangeError {
  override name = "BusinessCaseInputError";
}

const isCost = (kind: LineKind) => kind === "one_off_cost" || kind === "running_cost";

/** A non-negative number with at most `decimals` decimals as an integer count of 10^-decimals. */
function scaled(value: number, scale: bigint, what: string): bigint {
  const n = Number(scale);
  const raw = value * n;
  const rounded = Math.round(raw);
  if (!Number.isFinite(value) || value < 0 || Math.abs(raw - rounded) > 1e-6 * Math.max(1, Math.abs(raw))) {
    throw new BusinessCaseInputError(`${what} must be a non-negative number with at most ${String(n).length - 1} decimals`);
  }
  return BigInt(rounded);
}

/** Floor division for BigInt (BigInt `/` truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** a/b rounded to the nearest integer, halves upwards (as Math.round does). */
function roundDiv(a: bigint, b: bigint): bigint {
  return floorDiv(2n * a + b, 2n * b);
}

/** Micro-kronor as kronor: the whole part converted exactly, then the fraction (zero unless scaled). */
function kronor(micro: bigint): number {
  const whole = micro / MICRO;
  const fraction = micro % MICRO;
  return Number(whole) + Number(fraction) / 1_000_000;
}

export interface ScenarioMultipliers {
  savings: number;
  costs: number;
}

function validate(input: BusinessCaseInput): void {
  const H = input.horizonYears;
  if (!Number.isInteger(H) || H < 1 || H > MAX_HORIZON_YEARS) {
    throw new BusinessCaseInputError(`horizonYears must be a whole number from 1 to ${MAX_HORIZON_YEARS}`);
  }
  if (!Number.isFinite(input.discountRate) || input.discountRate < 0 || input.discountRate > 1) {
    throw new BusinessCaseInputError("discountRate must be between 0 and 1");
  }
  if (!Number.isFinite(input.hourlyCost) || input.hourlyCost < 0) throw new BusinessCaseInputError("hourlyCost must be ≥ 0");
  for (const line of input.lines) {
    if (line.amounts.length !== H) throw new BusinessCaseInputError(`every line needs exactly ${H} amounts`);
    for (const amount of line.amounts) {
      if (!Number.isInteger(amount) || amount < 0 || amount > MAX_AMOUNT) {
        throw new BusinessCaseInputError(`amounts must be whole numbers from 0 to ${MAX_AMOUNT}`);
      }
    }
  }
}

/**
 * Evaluates a business case with scenario multipliers on savings and costs (1 and 1 = the case as
 * entered). Multipliers may have up to four decimals.
 */
export function evaluateBusinessCaseScenario(input: BusinessCaseInput, multipliers: ScenarioMultipliers): BusinessCaseResult {
  validate(input);
  const H = input.horizonYears;
  const savingsFactor = scaled(multipliers.savings, MULTIPLIER_SCALE, "savings multiplier");
  const costsFactor = scaled(multipliers.costs, MULTIPLIER_SCALE, "costs multiplier");
  const hourlyMicro = scaled(input.hourlyCost, 100n, "hourlyCost") * (MICRO / 100n);
  const rate = scaled(input.discountRate, RATE_SCALE, "discountRate");

  const costs = Array.from({ length: H }, () => 0n);
  const financial = Array.from({ length: H }, () => 0n);
  const valuedTime = Array.from({ length: H }, () => 0n);
  let hours = 0n;
  const units = new Map<string, { costs: bigint; savings: bigint }>();
  for (const line of input.lines) {
    const unit = units.get(line.unitId) ?? { costs: 0n, savings: 0n };
    units.set(line.unitId, unit);
    line.amounts.forEach((amount, t) => {
      const a = BigInt(amount);
      if (isCost(line.kind)) {
        const micro = (a * MICRO * costsFactor) / MULTIPLIER_SCALE;
        costs[t]! += micro;
        unit.costs += micro;
      } else if (line.kind === "saving") {
        const micro = (a * MICRO * savingsFactor) / MULTIPLIER_SCALE;
        financial[t]! += micro;
        unit.savings += micro;
      } else {
        // Hours × hourly cost; the multiplier scales the hours saved. Exact: 10⁴ divides MICRO·factor·hourly/100.
        const micro = (a * hourlyMicro * savingsFactor) / MULTIPLIER_SCALE;
        hours += a;
        valuedTime[t]! += micro;
        unit.savings += micro;
      }
    });
  }

  // Discounting over a common denominator D = (S + k)^(H-1): the weight of year t is S^t (S + k)^(H-1-t).
  const base = RATE_SCALE + rate;
  const weights = Array.from({ length: H }, (_, t) => RATE_SCALE ** BigInt(t) * base ** BigInt(H - 1 - t));
  const denominator = base ** BigInt(H - 1);
  let discountedNet = 0n;
  let discountedFinancialNet = 0n;
  let discountedSavings = 0n;
  let discountedCosts = 0n;
  let cumulative = 0n;
  const cumulativeByYear: bigint[] = [];
  const years: BusinessCaseYear[] = [];
  for (let t = 0; t < H; t++) {
    const savings = financial[t]! + valuedTime[t]!;
    const net = savings - costs[t]!;
    cumulative += net;
    cumulativeByYear.push(cumulative);
    const w = weights[t]!;
    discountedNet += net * w;
    discountedFinancialNet += (financial[t]! - costs[t]!) * w;
    discountedSavings += savings * w;
    discountedCosts += costs[t]! * w;
    years.push({
      t,
      costs: kronor(costs[t]!),
      savings: kronor(savings),
      financialSavings: kronor(financial[t]!),
      net: kronor(net),
      cumulative: kronor(cumulative),
      discountedNet: Number(roundDiv(net * w, denominator * MICRO)),
    });
  }

  const npv = Number(roundDiv(discountedNet, denominator * MICRO));
  const financialNpv = Number(roundDiv(discountedFinancialNet, denominator * MICRO));
  // Floor division keeps the ratio on the right side of 1: ≥ 1 exactly when discounted savings ≥ costs.
  const RATIO_SCALE = 1_000_000_000_000n;
  const benefitCostRatio = discountedCosts === 0n ? null
    : Number((discountedSavings * RATIO_SCALE) / discountedCosts) / Number(RATIO_SCALE);

  const byUnit: BusinessCaseResult["byUnit"] = {};
  for (const [unitId, totals] of units) {
    byUnit[unitId] = { costs: kronor(totals.costs), savings: kronor(totals.savings), net: kronor(totals.savings - totals.costs) };
  }
  const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);
  const totalCosts = sum(costs);
  const totalFinancial = sum(financial);
  const totalSavings = totalFinancial + sum(valuedTime);
  return {
    years,
    npv,
    financialNpv,
    paybackMonths: paybackMonths(cumulativeByYear, years.map((_, t) => cumulativeByYear[t]! - (cumulativeByYear[t - 1] ?? 0n))),
    benefitCostRatio,
    selfFinancing: financialNpv >= 0,
    byUnit,
    totals: {
      costs: kronor(totalCosts), savings: kronor(totalSavings), financialSavings: kronor(totalFinancial),
      timeSavingHours: Number(hours), net: kronor(totalSavings - totalCosts),
    },
  };
}

/**
 * null if the cumulative net ends negative; 0 if it is never negative; otherwise, with s the last year
 * whose cumulative net is negative and t = s + 1: 12·t + 12·(−C_s / N_t), to one decimal.
 */
function paybackMonths(cumulative: bigint[], net: bigint[]): number | null {
  const H = cumulative.length;
  if (cumulative[H - 1]! < 0n) return null;
  let s = -1;
  for (let t = 0; t < H; t++) if (cumulative[t]! < 0n) s = t;
  if (s === -1) return 0;
  const t = s + 1;
  // Tenths of a month: 120·t + 120·(−C_s)/N_t, rounded half up. N_t > 0 because C_s < 0 ≤ C_t.
  const tenths = roundDiv(120n * BigInt(t) * net[t]! + 120n * -cumulative[s]!, net[t]!);
  return Number(tenths) / 10;
}

/** The case as entered. */
export function evaluateBusinessCase(input: BusinessCaseInput): BusinessCaseResult {
  return evaluateBusinessCaseScenario(input, { savings: 1, costs: 1 });
}

export type ScenarioName = "low" | "expected" | "high";

/** Default scenario multipliers (issue 7): pessimistic, as entered, optimistic. */
export const DEFAULT_SCENARIOS: Record<ScenarioName, ScenarioMultipliers> = {
  low: { savings: 0.7, costs: 1.2 },
  expected: { savings: 1, costs: 1 },
  high: { savings: 1.2, costs: 0.9 },
};

/** NPV, financial NPV and payback for the low, expected and high scenarios. */
export function evaluateScenarios(
  input: BusinessCaseInput,
  scenarios: Record<ScenarioName, ScenarioMultipliers> = DEFAULT_SCENARIOS,
): Record<ScenarioName, Pick<BusinessCaseResult, "npv" | "financialNpv" | "paybackMonths" | "selfFinancing" | "benefitCostRatio">> {
  const pick = (name: ScenarioName) => {
    const r = evaluateBusinessCaseScenario(input, scenarios[name]);
    return { npv: r.npv, financialNpv: r.financialNpv, paybackMonths: r.paybackMonths, selfFinancing: r.selfFinancing, benefitCostRatio: r.benefitCostRatio };
  };
  return { low: pick("low"), expected: pick("expected"), high: pick("high") };
}

/**
 * Changing the horizon: every line keeps its first amounts; added years are 0, removed years are
 * dropped. `trimmed` says whether any non-zero amount was dropped (the editor warns about it).
 */
export function resizeAmounts(amounts: readonly number[], horizonYears: number): { amounts: number[]; trimmed: boolean } {
  const next = amounts.slice(0, horizonYears);
  while (next.length < horizonYears) next.push(0);
  return { amounts: next, trimmed: amounts.slice(horizonYears).some((a) => a !== 0) };
}
