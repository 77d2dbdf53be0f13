import { describe, expect, it } from "vitest";
import type { BusinessCaseInput } from "./business-case";
import { type BenefitActual, realiseBenefits } from "./benefits-realisation";

// Hand-computed cases. Hourly cost 450 kr: 1 000 hours = 450 000 kr.
const plan: BusinessCaseInput = {
  horizonYears: 3, discountRate: 0.03, hourlyCost: 450,
  lines: [
    { kind: "one_off_cost", unitId: "u1", amounts: [500_000, 0, 0] },
    { kind: "running_cost", unitId: "u1", amounts: [0, 100_000, 100_000] },
    { kind: "saving", unitId: "u2", amounts: [0, 600_000, 600_000] },
    { kind: "saving", unitId: "u3", amounts: [0, 400_000, 400_000] },
    { kind: "time_saving", unitId: "u2", amounts: [0, 1_000, 1_000] },
  ],
};

const kind = (result: ReturnType<typeof realiseBenefits>, t: number, k: string) => result.years[t]!.kinds.find((x) => x.kind === k)!;

describe("realiseBenefits", () => {
  const actuals: BenefitActual[] = [
    { yearIndex: 0, kind: "one_off_cost", amount: 600_000 },
    // Year 1: 800 000 + 800 h × 450 = 1 160 000 of 1 450 000 planned: exactly 20.0 % behind – not flagged.
    { yearIndex: 1, kind: "saving", amount: 800_000 },
    { yearIndex: 1, kind: "time_saving", amount: 800 },
    // Year 2: 800 000 + 797 h × 450 = 1 158 650 of 1 450 000: 291 350 / 1 450 000 = 20.09 % behind – flagged.
    { yearIndex: 2, kind: "saving", amount: 800_000 },
    { yearIndex: 2, kind: "time_saving", amount: 797 },
  ];
  const result = realiseBenefits(plan, actuals);

  it("compares each kind with its plan in kronor and per cent", () => {
    expect(kind(result, 0, "one_off_cost")).toEqual({
      kind: "one_off_cost", planned: 500_000, actual: 600_000, plannedKronor: 500_000, actualKronor: 600_000,
      varianceKronor: 100_000, variancePercent: 20,
    });
    // Not entered: null actual and variance, even in a year with other actuals.
    expect(kind(result, 0, "running_cost")).toMatchObject({ planned: 0, actual: null, varianceKronor: null, variancePercent: null });
    // Time savings: hours as entered, valued at the hourly cost for the variance.
    expect(kind(result, 1, "time_saving")).toEqual({
      kind: "time_saving", planned: 1_000, actual: 800, plannedKronor: 450_000, actualKronor: 360_000,
      varianceKronor: -90_000, variancePercent: -20,
    });
    expect(kind(result, 1, "saving")).toMatchObject({ planned: 1_000_000, actual: 800_000, varianceKronor: -200_000, variancePercent: -20 });
  });

  it("flags a year more than 20 % behind, not one exactly 20 % behind", () => {
    expect(result.years[1]!.savings).toEqual({ planned: 1_450_000, actual: 1_160_000, variance: -290_000, variancePercent: -20 });
    expect(result.years[1]!.behindPlan).toBe(false);
    expect(result.years[2]!.savings).toEqual({ planned: 1_450_000, actual: 1_158_650, variance: -291_350, variancePercent: -20.1 });
    expect(result.years[2]!.behindPlan).toBe(true);
    expect(result.anyYearBehindPlan).toBe(true);
  });

  it("a year with planned savings 0 has no per cent and is never flagged", () => {
    // Year 0 has actuals (a cost) but no savings planned or entered.
    expect(result.years[0]!.savings).toEqual({ planned: 0, actual: 0, variance: 0, variancePercent: null });
    expect(result.years[0]!.behindPlan).toBe(false);
    const extra = realiseBenefits(plan, [{ yearIndex: 0, kind: "saving", amount: 50_000 }]);
    expect(kind(extra, 0, "saving")).toMatchObject({ planned: 0, actual: 50_000, varianceKronor: 50_000, variancePercent: null });
  });

  it("totals the years with actuals; kinds not entered there count as 0", () => {
    // Costs: 600 000 + 0 + 0 of 500 000 + 100 000 + 100 000 = 700 000 → −100 000, −14.29 % → −14.3.
    expect(result.toDate.years).toBe(3);
    expect(result.toDate.costs).toEqual({ planned: 700_000, actual: 600_000, variance: -100_000, variancePercent: -14.3 });
    // Savings: 1 160 000 + 1 158 650 = 2 318 650 of 2 900 000 → −581 350, −20.05 % → −20.0 but flagged (> 20 %).
    expect(result.toDate.savings).toEqual({ planned: 2_900_000, actual: 2_318_650, variance: -581_350, variancePercent: -20 });
    expect(result.toDate.behindPlan).toBe(true);
  });

  it("years without actuals have null actuals and are left out of the totals", () => {
    const partial = realiseBenefits(plan, [{ yearIndex: 1, kind: "saving", amount: 1_200_000 }]);
    expect(partial.years[0]!.hasActuals).toBe(false);
    expect(partial.years[0]!.savings).toEqual({ planned: 0, actual: null, variance: null, variancePercent: null });
    expect(partial.years[2]!.costs.actual).toBeNull();
    expect(partial.years[2]!.behindPlan).toBe(false);
    // Year 1: 1 200 000 (time saving not entered = 0) of 1 450 000 → −250 000, −17.2 %: not flagged.
    expect(partial.years[1]!.savings).toEqual({ planned: 1_450_000, actual: 1_200_000, variance: -250_000, variancePercent: -17.2 });
    expect(partial.toDate).toEqual({
      years: 1,
      costs: { planned: 100_000, actual: 0, variance: -100_000, variancePercent: -100 },
      savings: { planned: 1_450_000, actual: 1_200_000, variance: -250_000, variancePercent: -17.2 },
      behindPlan: false,
    });
    expect(partial.anyYearBehindPlan).toBe(false);
  });

  it("with nothing entered there are no totals and no flags", () => {
    const none = realiseBenefits(plan, []);
    expect(none.toDate).toEqual({
      years: 0, costs: { planned: 0, actual: null, variance: null, variancePercent: null },
      savings: { planned: 0, actual: null, variance: null, variancePercent: null }, behindPlan: false,
    });
    expect(none.anyYearBehindPlan).toBe(false);
  });

  it("ignores actuals outside the horizon, rounds per cent halves away from zero and values öre exactly", () => {
    const simple: BusinessCaseInput = { horizonYears: 1, discountRate: 0, hourlyCost: 450.5, lines: [
      { kind: "saving", unitId: "u", amounts: [2_000] }, { kind: "time_saving", unitId: "u", amounts: [3] },
    ] };
    // 3 h × 450,50 = 1 351,50 → 1 352 kr; 1 999 of 2 000 → −0.05 % → −0.1.
    const r = realiseBenefits(simple, [
      { yearIndex: 0, kind: "saving", amount: 1_999 }, { yearIndex: 0, kind: "time_saving", amount: 3 },
      { yearIndex: 1, kind: "saving", amount: 5 },
    ]);
    expect(r.years).toHaveLength(1);
    expect(kind(r, 0, "saving").variancePercent).toBe(-0.1);
    expect(kind(r, 0, "time_saving")).toMatchObject({ plannedKronor: 1_352, actualKronor: 1_352, varianceKronor: 0, variancePercent: 0 });
    // 1 999 + 1 351,50 = 3 350,50 of 3 351,50 → −1 kr.
    expect(r.years[0]!.savings).toEqual({ planned: 3_352, actual: 3_351, variance: -1, variancePercent: 0 });
  });

  it("20 % exactly at whole-kronor scale: 800 000 of 1 000 000 is not flagged, 799 000 is", () => {
    const one: BusinessCaseInput = { horizonYears: 1, discountRate: 0, hourlyCost: 450, lines: [{ kind: "saving", unitId: "u", amounts: [1_000_000] }] };
    const at = realiseBenefits(one, [{ yearIndex: 0, kind: "saving", amount: 800_000 }]);
    expect(at.years[0]!.savings.variancePercent).toBe(-20);
    expect(at.years[0]!.behindPlan).toBe(false);
    const past = realiseBenefits(one, [{ yearIndex: 0, kind: "saving", amount: 799_000 }]);
    expect(past.years[0]!.savings).toMatchObject({ variance: -201_000, variancePercent: -20.1 });
    expect(past.years[0]!.behindPlan).toBe(true);
    // Ahead of plan is never flagged.
    expect(realiseBenefits(one, [{ yearIndex: 0, kind: "saving", amount: 1_500_000 }]).years[0]!.savings.variancePercent).toBe(50);
  });
});

describe("parseWholeAmount and the stages", () => {
  it("reads whole amounts with thousands spaces and refuses the rest", async () => {
    const { parseWholeAmount } = await import("./benefits-realisation");
    expect(parseWholeAmount("1 200 000")).toEqual({ ok: true, value: 1_200_000 });
    expect(parseWholeAmount("1\u00a0200")).toEqual({ ok: true, value: 1_200 });
    expect(parseWholeAmount(" 0 ")).toEqual({ ok: true, value: 0 });
    expect(parseWholeAmount("")).toEqual({ ok: true, value: null });
    expect(parseWholeAmount("12,00")).toEqual({ ok: true, value: 12 });
    expect(parseWholeAmount("12,5")).toEqual({ ok: false, problem: "decimals" });
    expect(parseWholeAmount("-5")).toEqual({ ok: false, problem: "negative" });
    expect(parseWholeAmount("12 5")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseWholeAmount("tusen")).toEqual({ ok: false, problem: "not_a_number" });
    expect(parseWholeAmount("99 999 999 999")).toEqual({ ok: true, value: 99_999_999_999 });
    expect(parseWholeAmount("100000000000")).toEqual({ ok: false, problem: "too_large" });
  });

  it("opens from the pilot on, and after closing only as införd", async () => {
    const { benefitsRefusal } = await import("./benefits-realisation");
    expect(benefitsRefusal({ stage: "prioritering", outcome: null, merged: false })).toBe("stage");
    expect(benefitsRefusal({ stage: "pilot", outcome: null, merged: false })).toBeNull();
    expect(benefitsRefusal({ stage: "inforande", outcome: null, merged: false })).toBeNull();
    expect(benefitsRefusal({ stage: "avslutad", outcome: "inford", merged: false })).toBeNull();
    expect(benefitsRefusal({ stage: "avslutad", outcome: "parkerad", merged: false })).toBe("stage");
    expect(benefitsRefusal({ stage: "pilot", outcome: null, merged: true })).toBe("merged");
  });
});
