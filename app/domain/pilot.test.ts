import { describe, expect, it } from "vitest";
import {
  evaluationRefusal, indicatorDirection, indicatorGaps, isIsoDate, isPlanComplete, measurementText, parseMeasurement,
  planChanged, type PlanContent, type PlanDraft, planEditRefusal, planGaps, progressTowardTarget, reachesTarget,
  summariseEvaluation,
} from "./pilot";

const completePlan: PlanDraft = {
  goal: "Halvera handläggningstiden",
  startsOn: "2026-01-01",
  endsOn: "2026-06-30",
  ownerId: "owner",
  unitIds: ["unit"],
  indicators: [{ name: "Handläggningstid", baseline: 20, target: 10 }],
};

describe("parseMeasurement", () => {
  it.each([
    ["4,5", 4.5], ["4.5", 4.5], ["  12 ", 12], ["1 250,75", 1250.75], ["1\u00a0250", 1250], ["-3", -3], ["\u22123,25", -3.25],
    [",5", 0.5], ["4,", 4], ["0", 0], ["-0", 0], ["0,1", 0.1], ["999999999999,99", 999_999_999_999.99], ["007", 7],
  ])("reads %j as %d", (raw, value) => {
    expect(parseMeasurement(raw)).toEqual({ ok: true, value });
  });

  it("gives the number the decimal text names, not float noise", () => {
    expect(parseMeasurement("0,29")).toEqual({ ok: true, value: 0.29 });
    expect(parseMeasurement("1,10")).toEqual({ ok: true, value: 1.1 });
    expect(parseMeasurement("123456,07")).toEqual({ ok: true, value: 123456.07 });
  });

  it.each([
    ["", "empty"], ["   ", "empty"], ["abc", "not_a_number"], ["4,5,6", "not_a_number"], ["12 5", "not_a_number"],
    ["1.234,5", "not_a_number"], [",", "not_a_number"], ["-", "not_a_number"], ["4e3", "not_a_number"],
    ["4,555", "too_many_decimals"], ["1000000000000", "out_of_range"],
  ])("refuses %j (%s)", (raw, problem) => {
    expect(parseMeasurement(raw)).toEqual({ ok: false, problem });
  });

  it("shows a value again with a Swedish comma, or a point", () => {
    expect(measurementText(4.5)).toBe("4,5");
    expect(measurementText(12)).toBe("12");
    expect(measurementText(-0.25, ".")).toBe("-0.25");
  });
});

describe("dates and plan completeness", () => {
  it("knows real calendar days", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("26-01-01")).toBe(false);
  });

  it("finds a complete plan complete, a one-day period included", () => {
    expect(planGaps(completePlan)).toEqual([]);
    expect(isPlanComplete({ ...completePlan, endsOn: completePlan.startsOn })).toBe(true);
  });

  it("names every gap", () => {
    expect(planGaps({ goal: " ", startsOn: null, endsOn: "2026-02-30", ownerId: null, unitIds: [], indicators: [] }))
      .toEqual(["goal", "starts_on", "ends_on", "owner", "units", "indicators"]);
    expect(planGaps({ ...completePlan, startsOn: "2026-07-01" })).toEqual(["period_order"]);
    expect(planGaps({ ...completePlan, indicators: [{ name: "X", baseline: 5, target: 5 }] })).toEqual(["indicator_incomplete"]);
  });

  it("asks of each indicator a name, a baseline and a target different from it", () => {
    expect(indicatorGaps({ name: "", baseline: null, target: null })).toEqual(["name", "baseline", "target"]);
    expect(indicatorGaps({ name: "Tid", baseline: 3, target: 3 })).toEqual(["no_change"]);
    expect(indicatorGaps({ name: "Tid", baseline: 3, target: 0 })).toEqual([]);
  });
});

describe("indicators", () => {
  const fewerDays = { baseline: 20, target: 10 };
  const moreVisits = { baseline: 2400, target: 3000 };

  it("reads the direction from baseline and target", () => {
    expect(indicatorDirection(fewerDays)).toBe("lower_is_better");
    expect(indicatorDirection(moreVisits)).toBe("higher_is_better");
  });

  it("knows when an outcome reaches the target, exactly meeting it included", () => {
    expect(reachesTarget(fewerDays, 10)).toBe(true);
    expect(reachesTarget(fewerDays, 8)).toBe(true);
    expect(reachesTarget(fewerDays, 11)).toBe(false);
    expect(reachesTarget(moreVisits, 3000)).toBe(true);
    expect(reachesTarget(moreVisits, 2999)).toBe(false);
  });

  it("measures progress as a fraction of the way, clamped for display", () => {
    expect(progressTowardTarget(fewerDays, 15)).toEqual({ raw: 0.5, clamped: 0.5 });
    expect(progressTowardTarget(moreVisits, 2700)).toEqual({ raw: 0.5, clamped: 0.5 });
    expect(progressTowardTarget(fewerDays, 25)).toEqual({ raw: -0.5, clamped: 0 });
    expect(progressTowardTarget(moreVisits, 3600)).toEqual({ raw: 2, clamped: 1 });
    expect(progressTowardTarget(fewerDays, null)).toBeNull();
    expect(progressTowardTarget({ baseline: 4, target: 4 }, 4)).toBeNull();
  });

  it("sums up an evaluation", () => {
    expect(summariseEvaluation([
      { ...fewerDays, outcome: 9 }, { ...moreVisits, outcome: 2500 }, { ...moreVisits, outcome: null },
    ])).toEqual({ indicators: 3, measured: 2, reached: 1, notReached: 1, notMeasured: 1, allReached: false });
    expect(summariseEvaluation([{ ...fewerDays, outcome: 10 }]).allReached).toBe(true);
    expect(summariseEvaluation([]).allReached).toBe(false);
  });
});

describe("when a pilot may be planned and evaluated", () => {
  it("plans from bedömning through pilot, never for a merged idea", () => {
    expect(planEditRefusal({ stage: "bedomning", merged: false })).toBeNull();
    expect(planEditRefusal({ stage: "pilot", merged: false })).toBeNull();
    expect(planEditRefusal({ stage: "inskickad", merged: false })).toBe("stage");
    expect(planEditRefusal({ stage: "avslutad", merged: false })).toBe("stage");
    expect(planEditRefusal({ stage: "pilot", merged: true })).toBe("merged");
  });

  it("evaluates only during the pilot and with a plan", () => {
    expect(evaluationRefusal({ stage: "pilot", merged: false, hasPlan: true })).toBeNull();
    expect(evaluationRefusal({ stage: "prioritering", merged: false, hasPlan: true })).toBe("stage");
    expect(evaluationRefusal({ stage: "pilot", merged: false, hasPlan: false })).toBe("no_plan");
  });
});

describe("planChanged", () => {
  const plan: PlanContent = {
    goal: "Mål", startsOn: "2026-01-01", endsOn: "2026-02-01", ownerId: "a", unitIds: ["u1", "u2"],
    indicators: [{ name: "Tid", measureUnit: "dagar", baseline: 20, target: 10 }],
  };
  it("sees no change in unit order or surrounding spaces", () => {
    expect(planChanged(plan, { ...plan, goal: " Mål ", unitIds: ["u2", "u1"] })).toBe(false);
  });
  it("sees every real change", () => {
    expect(planChanged(null, plan)).toBe(true);
    expect(planChanged(plan, { ...plan, endsOn: "2026-03-01" })).toBe(true);
    expect(planChanged(plan, { ...plan, unitIds: ["u1"] })).toBe(true);
    expect(planChanged(plan, { ...plan, indicators: [{ ...plan.indicators[0]!, target: 9.5 }] })).toBe(true);
  });
});
