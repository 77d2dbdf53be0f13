import { z } from "zod";
import {
  isIsoDate, isPeriodInOrder, type MeasurementProblem, parseMeasurement, PILOT_LIMITS,
} from "~/domain/pilot";
import { PILOT_VERDICTS, type PilotVerdict } from "~/domain/vocabulary";
import { pilotSv } from "~/i18n/pilot.sv";
import { sv } from "~/i18n/sv";

// The forms of /ideas/<id>/pilot (plan and evaluation) and the search of /lardomar. Used by the forms
// (client, react-hook-form resolver) and the actions/loaders (server) alike. Every field is a string
// as the browser sends it; measurements are read with parseMeasurement ("4,5" → 4.5).

const e = pilotSv.errors;

/** An unanswered field posts nothing (native) or null/undefined (react-hook-form): both mean "". */
const blank = (v: unknown) => (v === undefined || v === null ? "" : v);
const str = z.preprocess(blank, z.string());
const version = z.string({ error: e.version }).regex(/^\d{1,9}$/, e.version);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A checkbox group: nothing, one value (or react-hook-form's `false`), or a list. */
const list = (v: unknown) =>
  (v === undefined || v === null || v === false ? [] : Array.isArray(v) ? v : [v]).filter((item) => item !== "");

/** Room for blank rows and the rows added in the browser; only filled rows count toward the limit. */
export const MAX_INDICATOR_ROWS = 50;
/** Blank rows the form offers beyond the saved indicators, so a plan can be made without JavaScript. */
export const BLANK_INDICATOR_ROWS = 2;

const indicatorRow = z.object({
  /** The saved indicator this row edits ("" for a new one); an evaluation refers to it. */
  indicatorId: z.preprocess(blank, z.string()).transform((v) => (UUID.test(v) ? v.toLowerCase() : "")),
  name: str,
  measureUnit: str,
  baseline: str,
  target: str,
});

const isBlankRow = (row: { name: string; measureUnit: string; baseline: string; target: string }) =>
  !row.name.trim() && !row.measureUnit.trim() && !row.baseline.trim() && !row.target.trim();

function measurementIssue(raw: string, what: string): string | null {
  const parsed = parseMeasurement(raw);
  return parsed.ok || parsed.problem === "empty" ? null : e.measurement[parsed.problem as Exclude<MeasurementProblem, "empty">](what);
}

export const planFormSchema = z.object({
  intent: z.literal("save_plan", { error: e.unknownIntent }),
  /** 0 = no plan saved yet. */
  version,
  goal: str.pipe(z.string().trim().min(1, e.goalRequired).max(PILOT_LIMITS.goal, e.goalTooLong)),
  startsOn: str.pipe(z.string().trim()),
  endsOn: str.pipe(z.string().trim()),
  ownerId: str.pipe(z.string().trim().min(1, e.ownerRequired).regex(UUID, e.ownerInvalid)),
  unitIds: z.preprocess(list, z.array(z.string(), { error: e.unitInvalid })),
  extraUnitId: str.pipe(z.string().trim().refine((v) => v === "" || UUID.test(v), e.unitInvalid)),
  indicators: z.preprocess(list, z.array(indicatorRow).max(MAX_INDICATOR_ROWS, e.tooManyIndicators)),
}).superRefine((value, ctx) => {
  for (const [field, required] of [["startsOn", e.startsOnRequired], ["endsOn", e.endsOnRequired]] as const) {
    if (!value[field]) ctx.addIssue({ code: "custom", path: [field], message: required });
    else if (!isIsoDate(value[field])) ctx.addIssue({ code: "custom", path: [field], message: e.dateInvalid });
  }
  if (isIsoDate(value.startsOn) && isIsoDate(value.endsOn) && !isPeriodInOrder(value.startsOn, value.endsOn)) {
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: e.periodOrder });
  }
  // Errors of the group go to the group (its fieldset), not to one checkbox.
  if (value.unitIds.some((id) => !UUID.test(id))) ctx.addIssue({ code: "custom", path: ["unitIds"], message: e.unitInvalid });
  const units = new Set([...value.unitIds, ...(value.extraUnitId ? [value.extraUnitId] : [])]);
  if (units.size === 0) ctx.addIssue({ code: "custom", path: ["unitIds"], message: e.unitsRequired });
  if (units.size > PILOT_LIMITS.units) ctx.addIssue({ code: "custom", path: ["unitIds"], message: e.tooManyUnits });

  let filled = 0;
  value.indicators.forEach((row, index) => {
    if (isBlankRow(row)) return;
    filled += 1;
    const n = index + 1;
    const at = (field: string, message: string) => ctx.addIssue({ code: "custom", path: ["indicators", index, field], message });
    if (!row.name.trim()) at("name", e.indicatorName(n));
    else if (row.name.trim().length > PILOT_LIMITS.indicatorName) at("name", e.indicatorNameTooLong(n));
    if (row.measureUnit.trim().length > PILOT_LIMITS.measureUnit) at("measureUnit", e.measureUnitTooLong(n));
    const baselineIssue = row.baseline.trim() ? measurementIssue(row.baseline, e.baselineOf(n)) : e.baselineRequired(n);
    const targetIssue = row.target.trim() ? measurementIssue(row.target, e.targetOf(n)) : e.targetRequired(n);
    if (baselineIssue) at("baseline", baselineIssue);
    if (targetIssue) at("target", targetIssue);
    const baseline = parseMeasurement(row.baseline);
    const target = parseMeasurement(row.target);
    if (baseline.ok && target.ok && baseline.value === target.value) at("target", e.sameAsBaseline(n));
  });
  if (filled === 0) ctx.addIssue({ code: "custom", path: ["indicators"], message: e.indicatorsRequired });
  if (filled > PILOT_LIMITS.indicators) ctx.addIssue({ code: "custom", path: ["indicators"], message: e.tooManyIndicators });
});
export type PlanFormValues = z.output<typeof planFormSchema>;
/** What the plan form holds: strings, a list of unit ids and the indicator rows. */
export type PlanFormFields = PlanFormValues;

/** What the service saves: the validated form as values (blank indicator rows dropped). */
export interface PlanInput {
  goal: string;
  startsOn: string;
  endsOn: string;
  ownerId: string;
  unitIds: string[];
  indicators: { id: string | null; name: string; measureUnit: string; baseline: number; target: number }[];
}

export function planInputOf(values: PlanFormValues): PlanInput {
  const value = (raw: string) => {
    const parsed = parseMeasurement(raw);
    if (!parsed.ok) throw new Error("planInputOf: the schema lets only valid measurements through");
    return parsed.value;
  };
  return {
    goal: values.goal,
    startsOn: values.startsOn,
    endsOn: values.endsOn,
    ownerId: values.ownerId.toLowerCase(),
    unitIds: [...new Set([...values.unitIds, ...(values.extraUnitId ? [values.extraUnitId] : [])].map((id) => id.toLowerCase()))],
    indicators: values.indicators.filter((row) => !isBlankRow(row)).map((row) => ({
      id: row.indicatorId || null, name: row.name.trim(), measureUnit: row.measureUnit.trim(),
      baseline: value(row.baseline), target: value(row.target),
    })),
  };
}

const outcomeRow = z.object({
  indicatorId: str.pipe(z.string().regex(UUID, e.version)),
  /** The indicator's name, carried for the messages only (the server reads names from the plan). */
  name: str,
  value: str,
  comment: str,
});

export const evaluationFormSchema = z.object({
  intent: z.literal("evaluate", { error: e.unknownIntent }),
  /** The version of the plan the outcomes were measured against. */
  planVersion: version,
  outcomes: z.preprocess(list, z.array(outcomeRow).max(MAX_INDICATOR_ROWS, e.tooManyIndicators)),
  verdict: z.preprocess(blank, z.enum(["", ...PILOT_VERDICTS], { error: e.verdictRequired })),
  summary: str.pipe(z.string().trim().min(1, e.summaryRequired).max(PILOT_LIMITS.summary, e.summaryTooLong)),
  lessonsLearned: str.pipe(z.string().trim().min(1, e.lessonsRequired).max(PILOT_LIMITS.lessonsLearned, e.lessonsTooLong)),
}).superRefine((value, ctx) => {
  if (value.verdict === "") ctx.addIssue({ code: "custom", path: ["verdict"], message: e.verdictRequired });
  value.outcomes.forEach((row, index) => {
    const name = row.name.trim() || String(index + 1);
    const issue = row.value.trim() ? measurementIssue(row.value, e.outcomeOf(name)) : null;
    if (issue) ctx.addIssue({ code: "custom", path: ["outcomes", index, "value"], message: issue });
    if (row.comment.trim().length > PILOT_LIMITS.outcomeComment) {
      ctx.addIssue({ code: "custom", path: ["outcomes", index, "comment"], message: e.commentTooLong(name) });
    }
  });
});
export type EvaluationFormValues = z.output<typeof evaluationFormSchema>;
export type EvaluationFormFields = EvaluationFormValues;

export interface EvaluationInput {
  verdict: PilotVerdict;
  summary: string;
  lessonsLearned: string;
  outcomes: { indicatorId: string; value: number | null; comment: string }[];
}

export function evaluationInputOf(values: EvaluationFormValues): EvaluationInput {
  return {
    verdict: values.verdict as PilotVerdict,
    summary: values.summary,
    lessonsLearned: values.lessonsLearned,
    outcomes: values.outcomes.map((row) => {
      const parsed = parseMeasurement(row.value);
      return { indicatorId: row.indicatorId.toLowerCase(), value: parsed.ok ? parsed.value : null, comment: row.comment.trim() };
    }),
  };
}

const ROW_KEY = /^(indicators|outcomes)\.(\d{1,2})\.([A-Za-z]+)$/;

/**
 * A posted form as the shape the schemas read: plain fields as strings, `unitIds` as a list, and the
 * rows ("indicators.0.name", "outcomes.2.value") as arrays in their index order. Also what a refused
 * form is shown again with, so nothing typed is lost.
 */
export function formFieldsOf(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const rows: Record<string, Map<number, Record<string, string>>> = { indicators: new Map(), outcomes: new Map() };
  for (const [key, raw] of form.entries()) {
    if (typeof raw !== "string") continue;
    const row = ROW_KEY.exec(key);
    if (row) {
      const index = Number(row[2]);
      if (index >= MAX_INDICATOR_ROWS) continue;
      const byIndex = rows[row[1]!]!;
      byIndex.set(index, { ...(byIndex.get(index) ?? {}), [row[3]!]: raw });
    } else if (key === "unitIds") {
      fields.unitIds = [...((fields.unitIds as string[] | undefined) ?? []), raw];
    } else if (!(key in fields)) {
      fields[key] = raw;
    }
  }
  for (const [name, byIndex] of Object.entries(rows)) {
    if (byIndex.size) fields[name] = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  }
  return fields;
}

/** The search on /lardomar (GET): every value lives in the URL so a search can be shared. */
export const lessonSearchSchema = z.object({
  q: z.string().trim().max(200, sv.validation.searchTooLong).default(""),
  slutsats: z.enum(["", ...PILOT_VERDICTS], { error: pilotSv.lessons.errors.verdict }).default(""),
  forvaltning: z.union([z.literal(""), z.guid(pilotSv.lessons.errors.unit)]).default(""),
  sida: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});
export type LessonSearchInput = z.infer<typeof lessonSearchSchema>;
