import type { Stage } from "./vocabulary";

// Pilot rules (issue 6, item 6): what makes a pilot plan complete, how an indicator is read (which way
// is better), whether an outcome reaches its target, how far it got, and what an evaluation adds up to.
// Indicator values are measurements (days, percent, count) with at most two decimals – never money.

/** numeric(14,2): twelve digits before the decimal separator. */
export const MEASUREMENT_MAX = 999_999_999_999.99;

export const PILOT_LIMITS = {
  goal: 5000,
  indicatorName: 200,
  measureUnit: 40,
  indicators: 20,
  units: 50,
  summary: 5000,
  lessonsLearned: 10000,
  outcomeComment: 1000,
} as const;

/** The plan may be made and changed while the idea is assessed, prioritised or piloted. */
export const PILOT_PLAN_STAGES: readonly Stage[] = ["bedomning", "prioritering", "pilot"];

export type MeasurementProblem = "empty" | "not_a_number" | "too_many_decimals" | "out_of_range";

/**
 * A measurement as people type it: "4,5" (Swedish decimal comma), "4.5", "1 250" (space as thousands
 * separator), "-3" or "−3". Built from whole hundredths, so the result is the number the text names
 * (0.29 for "0,29"), never float noise from scaling.
 */
export function parseMeasurement(raw: string): { ok: true; value: number } | { ok: false; problem: MeasurementProblem } {
  const trimmed = raw.trim().replace(/^\u2212/, "-");
  if (trimmed === "") return { ok: false, problem: "empty" };
  // Spaces only as thousands separators: "1 250" yes, "12 5" no.
  const text = /^-?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d*)?$/.test(trimmed) ? trimmed.replace(/[ \u00a0\u202f]/g, "") : trimmed;
  const match = /^(-?)(\d*)(?:[.,](\d*))?$/.exec(text);
  if (!match || (match[2] === "" && !match[3])) return { ok: false, problem: "not_a_number" };
  const [, sign, whole = "", fraction = ""] = match;
  if (fraction.length > 2) return { ok: false, problem: "too_many_decimals" };
  if (whole.replace(/^0+/, "").length > 12) return { ok: false, problem: "out_of_range" };
  const hundredths = Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
  const value = (sign === "-" ? -hundredths : hundredths) / 100;
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}

/** A measurement as the form shows it again: "4,5" with a Swedish comma, "4.5" otherwise. */
export function measurementText(value: number, decimalSeparator: "," | "." = ","): string {
  const fixed = Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100);
  return decimalSeparator === "," ? fixed.replace(".", ",") : fixed;
}

/** 'YYYY-MM-DD' naming a real calendar day. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The period may be a single day, never end before it starts (ISO dates compare as text). */
export function isPeriodInOrder(startsOn: string, endsOn: string): boolean {
  return endsOn >= startsOn;
}

export interface IndicatorDraft {
  name: string;
  baseline: number | null;
  target: number | null;
}

export interface PlanDraft {
  goal: string;
  startsOn: string | null;
  endsOn: string | null;
  ownerId: string | null;
  unitIds: readonly string[];
  indicators: readonly IndicatorDraft[];
}

export type IndicatorGap = "name" | "baseline" | "target" | "no_change";
export type PlanGap = "goal" | "starts_on" | "ends_on" | "period_order" | "owner" | "units" | "indicators" | "indicator_incomplete";

/** What an indicator lacks: a name, a baseline, a target, and a target that differs from the baseline. */
export function indicatorGaps(indicator: IndicatorDraft): IndicatorGap[] {
  const gaps: IndicatorGap[] = [];
  if (!indicator.name.trim()) gaps.push("name");
  if (indicator.baseline === null) gaps.push("baseline");
  if (indicator.target === null) gaps.push("target");
  if (indicator.baseline !== null && indicator.target !== null && indicator.baseline === indicator.target) gaps.push("no_change");
  return gaps;
}

/**
 * What keeps a plan from being complete: a goal, a period (end on or after start), an owner, at least
 * one unit involved and at least one indicator – every indicator with a name, a baseline and a target
 * that differs from it. An empty list means complete.
 */
export function planGaps(plan: PlanDraft): PlanGap[] {
  const gaps: PlanGap[] = [];
  if (!plan.goal.trim()) gaps.push("goal");
  const starts = plan.startsOn && isIsoDate(plan.startsOn) ? plan.startsOn : null;
  const ends = plan.endsOn && isIsoDate(plan.endsOn) ? plan.endsOn : null;
  if (!starts) gaps.push("starts_on");
  if (!ends) gaps.push("ends_on");
  if (starts && ends && !isPeriodInOrder(starts, ends)) gaps.push("period_order");
  if (!plan.ownerId) gaps.push("owner");
  if (plan.unitIds.length === 0) gaps.push("units");
  if (plan.indicators.length === 0) gaps.push("indicators");
  if (plan.indicators.some((indicator) => indicatorGaps(indicator).length > 0)) gaps.push("indicator_incomplete");
  return gaps;
}

export const isPlanComplete = (plan: PlanDraft): boolean => planGaps(plan).length === 0;

export type IndicatorDirection = "higher_is_better" | "lower_is_better";

/** A target above the baseline means higher is better; otherwise lower is better. */
export function indicatorDirection(indicator: { baseline: number; target: number }): IndicatorDirection {
  return indicator.target > indicator.baseline ? "higher_is_better" : "lower_is_better";
}

/** Whether a measured outcome reaches the target (meeting it exactly counts). */
export function reachesTarget(indicator: { baseline: number; target: number }, outcome: number): boolean {
  return indicatorDirection(indicator) === "higher_is_better" ? outcome >= indicator.target : outcome <= indicator.target;
}

/**
 * How far the outcome got from the baseline toward the target: (outcome − baseline) / (target − baseline).
 * `raw` may be below 0 (it got worse) or above 1 (beyond the target); `clamped` is 0–1 for display.
 * Null when nothing was measured or baseline and target are the same.
 */
export function progressTowardTarget(
  indicator: { baseline: number; target: number }, outcome: number | null,
): { raw: number; clamped: number } | null {
  if (outcome === null || indicator.target === indicator.baseline) return null;
  const raw = (outcome - indicator.baseline) / (indicator.target - indicator.baseline);
  return { raw, clamped: Math.min(1, Math.max(0, raw)) };
}

export interface MeasuredIndicator {
  baseline: number;
  target: number;
  outcome: number | null;
}

export interface EvaluationSummary {
  indicators: number;
  measured: number;
  reached: number;
  notReached: number;
  notMeasured: number;
  /** Every indicator measured and every one at its target. */
  allReached: boolean;
}

/** How many of an evaluation's indicators were measured and how many reached their target. */
export function summariseEvaluation(outcomes: readonly MeasuredIndicator[]): EvaluationSummary {
  const measured = outcomes.filter((o): o is MeasuredIndicator & { outcome: number } => o.outcome !== null);
  const reached = measured.filter((o) => reachesTarget(o, o.outcome)).length;
  return {
    indicators: outcomes.length,
    measured: measured.length,
    reached,
    notReached: measured.length - reached,
    notMeasured: outcomes.length - measured.length,
    allReached: outcomes.length > 0 && reached === outcomes.length,
  };
}

export type PilotRefusal = "merged" | "stage" | "no_plan";

/** Why the plan may not be made or changed now, or null when it may. */
export function planEditRefusal(idea: { stage: Stage; merged: boolean }): Exclude<PilotRefusal, "no_plan"> | null {
  if (idea.merged) return "merged";
  return PILOT_PLAN_STAGES.includes(idea.stage) ? null : "stage";
}

/** Why the pilot may not be evaluated now, or null when it may: only during the pilot, with a plan. */
export function evaluationRefusal(idea: { stage: Stage; merged: boolean; hasPlan: boolean }): PilotRefusal | null {
  if (idea.merged) return "merged";
  if (idea.stage !== "pilot") return "stage";
  return idea.hasPlan ? null : "no_plan";
}

export interface PlanContent {
  goal: string;
  startsOn: string;
  endsOn: string;
  ownerId: string;
  unitIds: readonly string[];
  indicators: readonly { name: string; measureUnit: string; baseline: number; target: number }[];
}

/** Whether saving `next` over `current` changes anything (unit order does not matter; indicator order does). */
export function planChanged(current: PlanContent | null, next: PlanContent): boolean {
  if (!current) return true;
  const units = (ids: readonly string[]) => [...new Set(ids)].sort().join(",");
  const indicators = (list: PlanContent["indicators"]) =>
    JSON.stringify(list.map((i) => [i.name.trim(), i.measureUnit.trim(), i.baseline, i.target]));
  return current.goal.trim() !== next.goal.trim() || current.startsOn !== next.startsOn || current.endsOn !== next.endsOn
    || current.ownerId !== next.ownerId || units(current.unitIds) !== units(next.unitIds)
    || indicators(current.indicators) !== indicators(next.indicators);
}
