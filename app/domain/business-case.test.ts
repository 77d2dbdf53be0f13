import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BusinessCaseInput, BusinessCaseInputError, evaluateBusinessCase, evaluateBusinessCaseScenario,
  evaluateScenarios, type LineKind, MAX_AMOUNT, resizeAmounts,
} from "./business-case";

const line = (kind: LineKind, amounts: number[], unitId = "ostermalm") => ({ kind, unitId, amounts });
const input = (lines: BusinessCaseInput["lines"], discountRate = 0.03, horizonYears = 5, hourlyCost = 450): BusinessCaseInput =>
  ({ horizonYears, discountRate, hourlyCost, lines });

describe("evaluateBusinessCase – hand-computed cases", () => {
  it("a cost in year 0 with savings from year 1", () => {
    // N = [−1 000 000, 400 000 ×4]; C = [−1 000 000, −600 000, −200 000, 200 000, 600 000].
    // NPV = −1 000 000 + 400 000·(1/1.03 + 1/1.03² + 1/1.03³ + 1/1.03⁴) = 486 839.36 → 486 839.
    // Payback: s = 2, t = 3 → 12·3 + 12·(200 000 / 400 000) = 42.0 months.
    // BCR = 500 000·3.717098 / (1 000 000 + 100 000·3.717098) = 1.354914…
    const r = evaluateBusinessCase(input([
      line("one_off_cost", [1_000_000, 0, 0, 0, 0]),
      line("running_cost", [0, 100_000, 100_000, 100_000, 100_000]),
      line("saving", [0, 500_000, 500_000, 500_000, 500_000], "bromma"),
    ]));
    expect(r.years.map((y) => y.net)).toEqual([-1_000_000, 400_000, 400_000, 400_000, 400_000]);
    expect(r.years.map((y) => y.cumulative)).toEqual([-1_000_000, -600_000, -200_000, 200_000, 600_000]);
    expect(r.years.map((y) => y.discountedNet)).toEqual([-1_000_000, 388_350, 377_038, 366_057, 355_395]);
    expect(r.npv).toBe(486_839);
    expect(r.financialNpv).toBe(486_839);
    expect(r.selfFinancing).toBe(true);
    expect(r.paybackMonths).toBe(42);
    expect(r.benefitCostRatio).toBeCloseTo(1.354914244, 8);
    expect(r.byUnit).toEqual({
      ostermalm: { costs: 1_400_000, savings: 0, net: -1_400_000 },
      bromma: { costs: 0, savings: 2_000_000, net: 2_000_000 },
    });
  });

  it("a case that never pays back", () => {
    // N = [−900 000, 100 000 ×4]; C_4 = −500 000 < 0. NPV = −900 000 + 100 000·3.717098 = −528 290.
    const r = evaluateBusinessCase(input([line("one_off_cost", [1_000_000, 0, 0, 0, 0]), line("saving", [100_000, 100_000, 100_000, 100_000, 100_000])]));
    expect(r.paybackMonths).toBeNull();
    expect(r.npv).toBe(-528_290);
    expect(r.selfFinancing).toBe(false);
    expect(r.benefitCostRatio).toBeLessThan(1);
  });

  it("r = 0: the NPV is the plain sum", () => {
    const r = evaluateBusinessCase(input([line("one_off_cost", [300, 0, 0]), line("saving", [0, 100, 250])], 0, 3));
    expect(r.npv).toBe(50);
    expect(r.years.map((y) => y.discountedNet)).toEqual([-300, 100, 250]);
    // C = [−300, −200, 50]: s = 1, t = 2 → 24 + 12·(200/250) = 33.6 months.
    expect(r.paybackMonths).toBe(33.6);
  });

  it("a reinvestment in year 2 makes the cumulative net dip again: payback counts from the last dip", () => {
    // N = [−1 000 000, 600 000, −200 000, 600 000, 600 000]; C = [−1 000 000, −400 000, −600 000, 0, 600 000].
    // s = 2 (C_3 = 0 is not negative), t = 3 → 36 + 12·(600 000 / 600 000) = 48.0. NPV at 4 % = 438 292.
    const r = evaluateBusinessCase(input([
      line("one_off_cost", [1_000_000, 0, 800_000, 0, 0]),
      line("saving", [0, 600_000, 600_000, 600_000, 600_000]),
    ], 0.04));
    expect(r.years.map((y) => y.cumulative)).toEqual([-1_000_000, -400_000, -600_000, 0, 600_000]);
    expect(r.paybackMonths).toBe(48);
    expect(r.npv).toBe(438_292);
  });

  it("only time savings: valuable, but never self-financing", () => {
    // 1 000 h × 450 kr = 450 000 kr a year; cost 200 000 in year 0. NPV = 1 922 694, financial NPV = −200 000.
    const r = evaluateBusinessCase(input([line("one_off_cost", [200_000, 0, 0, 0, 0]), line("time_saving", [1000, 1000, 1000, 1000, 1000])]));
    expect(r.npv).toBe(1_922_694);
    expect(r.financialNpv).toBe(-200_000);
    expect(r.selfFinancing).toBe(false);
    expect(r.paybackMonths).toBe(0);
    expect(r.totals).toEqual({ costs: 200_000, savings: 2_250_000, financialSavings: 0, timeSavingHours: 5000, net: 2_050_000 });
  });

  it("no costs: no benefit-cost ratio, payback 0", () => {
    const r = evaluateBusinessCase(input([line("saving", [10, 10])], 0.03, 2));
    expect(r.benefitCostRatio).toBeNull();
    expect(r.paybackMonths).toBe(0);
  });

  it("stays exact at the largest amounts it accepts", () => {
    const many = Array.from({ length: 200 }, () => line("saving", Array(15).fill(MAX_AMOUNT)));
    const r = evaluateBusinessCase(input(many, 0, 15));
    expect(r.totals.savings).toBe(200 * 15 * MAX_AMOUNT);
    expect(r.npv).toBe(200 * 15 * MAX_AMOUNT);
    // 1/3 of a krona per year, discounted at 20 % over 15 years, still sums to the exact rational's rounding.
    const third = evaluateBusinessCaseScenario(input([line("saving", Array(15).fill(1))], 0.2, 15), { savings: 0.3333, costs: 1 });
    expect(third.npv).toBe(2); // 0.3333 · Σ 1/1.2^t (t = 0..14) = 0.3333 · 5.6106 = 1.870 → 2
  });

  it("refuses input outside its bounds", () => {
    expect(() => evaluateBusinessCase(input([], 0.03, 0))).toThrow(BusinessCaseInputError);
    expect(() => evaluateBusinessCase(input([], 0.03, 16))).toThrow(BusinessCaseInputError);
    expect(() => evaluateBusinessCase(input([line("saving", [1, 2])], 0.03, 3))).toThrow(/exactly 3 amounts/);
    expect(() => evaluateBusinessCase(input([line("saving", [-1, 2, 3])], 0.03, 3))).toThrow(BusinessCaseInputError);
    expect(() => evaluateBusinessCase(input([line("saving", [1.5, 2, 3])], 0.03, 3))).toThrow(BusinessCaseInputError);
  });
});

describe("scenarios", () => {
  it("scales savings and costs by the default multipliers", () => {
    const base = input([line("one_off_cost", [1000, 0]), line("saving", [0, 1000])], 0, 2);
    const s = evaluateScenarios(base);
    expect(s.expected.npv).toBe(0);
    expect(s.low.npv).toBe(700 - 1200);
    expect(s.high.npv).toBe(1200 - 900);
    expect(evaluateBusinessCaseScenario(base, { savings: 0.5, costs: 1 }).npv).toBe(-500);
  });
});

describe("resizeAmounts", () => {
  it("pads with zeros and warns when it drops a non-zero amount", () => {
    expect(resizeAmounts([1, 2], 4)).toEqual({ amounts: [1, 2, 0, 0], trimmed: false });
    expect(resizeAmounts([1, 2, 0], 2)).toEqual({ amounts: [1, 2], trimmed: false });
    expect(resizeAmounts([1, 2, 3], 2)).toEqual({ amounts: [1, 2], trimmed: true });
  });
});

describe("evaluateBusinessCase – properties", () => {
  const kinds: LineKind[] = ["one_off_cost", "running_cost", "saving", "time_saving"];
  const caseArb = fc.integer({ min: 1, max: 15 }).chain((H) => fc.record({
    horizonYears: fc.constant(H),
    discountRate: fc.integer({ min: 0, max: 2000 }).map((bp) => bp / 10_000),
    hourlyCost: fc.integer({ min: 1, max: 5000 }),
    lines: fc.array(fc.record({
      kind: fc.constantFrom(...kinds),
      unitId: fc.constantFrom("a", "b", "c"),
      amounts: fc.array(fc.integer({ min: 0, max: 50_000_000 }), { minLength: H, maxLength: H }),
    }), { maxLength: 8 }),
  }));

  it("financialNpv ≤ npv when time savings are non-negative", () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluateBusinessCase(c);
      expect(r.financialNpv).toBeLessThanOrEqual(r.npv);
    }), { numRuns: 300 });
  });

  it("with costs present, benefitCostRatio ≥ 1 exactly when the NPV is ≥ 0", () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluateBusinessCase(c);
      if (r.benefitCostRatio === null) return;
      // The NPV is rounded to whole kronor; when the exact value lies in (−0.5, 0) it reads 0 while the
      // ratio (exact) is just below 1. Outside that half-krona band the two always agree.
      if (r.npv === 0) return;
      expect(r.benefitCostRatio >= 1).toBe(r.npv >= 0);
    }), { numRuns: 300 });
  });

  // The issue asks: "raising r never raises the npv of a case whose costs all come before its savings".
  // Taken literally that is false – a cost in year 1 and no savings has NPV −c/(1+r), which rises with r
  // (fast-check finds it at once). What holds, and is tested: (a) with all costs in the start year, the
  // NPV never rises with r; (b) with all costs before all savings, a case that does not pay at a rate
  // never pays at a higher one (NPV·(1+r)^s falls with r and has the NPV's sign).
  const rates = fc.tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2000 }))
    .map(([a, b]) => [Math.min(a, b) / 10_000, Math.max(a, b) / 10_000] as const);
  const flows = fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 15, maxLength: 15 });
  const npvAt = (H: number, r: number, costs: number[], savings: number[]) => evaluateBusinessCase({
    horizonYears: H, discountRate: r, hourlyCost: 450, lines: [line("one_off_cost", costs), line("saving", savings)],
  }).npv;

  it("raising r never raises the NPV of a case whose costs are all in the start year", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 15 }), rates, flows, flows, (H, [low, high], cost, saving) => {
      const costs = cost.slice(0, H).map((a, t) => (t === 0 ? a : 0));
      const savings = saving.slice(0, H).map((a, t) => (t === 0 ? 0 : a));
      expect(npvAt(H, high, costs, savings)).toBeLessThanOrEqual(npvAt(H, low, costs, savings));
    }), { numRuns: 300 });
  });

  it("with all costs before all savings, a case that does not pay at a rate never pays at a higher rate", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 14 }), fc.integer({ min: 0, max: 5 }), rates, flows, flows,
      (split, extra, [low, high], cost, saving) => {
        const H = Math.min(15, split + 1 + extra);
        const costs = cost.slice(0, H).map((a, t) => (t < split ? a : 0));
        const savings = saving.slice(0, H).map((a, t) => (t >= split ? a : 0));
        if (npvAt(H, low, costs, savings) < 0) expect(npvAt(H, high, costs, savings)).toBeLessThanOrEqual(0);
      }), { numRuns: 300 });
  });

  it("years add up: cumulative is the running sum of net, and byUnit sums to the totals", () => {
    fc.assert(fc.property(caseArb, (c) => {
      const r = evaluateBusinessCase(c);
      let running = 0;
      for (const y of r.years) {
        running += y.net;
        expect(y.cumulative).toBe(running);
        expect(y.net).toBe(y.savings - y.costs);
      }
      const units = Object.values(r.byUnit);
      expect(units.reduce((a, u) => a + u.costs, 0)).toBe(r.totals.costs);
      expect(units.reduce((a, u) => a + u.savings, 0)).toBe(r.totals.savings);
    }), { numRuns: 200 });
  });
});
