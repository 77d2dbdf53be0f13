import { z } from "zod";
import { MAX_HORIZON_YEARS } from "~/domain/business-case";
import { BUSINESS_CASE_LINE_KINDS, type BusinessCaseLineKind } from "~/domain/vocabulary";
import { businessCaseSv } from "~/i18n/business-case.sv";

// The business case editor (/ideas/<id>/nyttokalkyl) and the administrators' defaults. Every field is a
// string as the browser sends it: amounts may carry spaces ("1 200 000"), the rate is in per cent with a
// decimal comma ("3,5") and multipliers too ("0,7").

const e = businessCaseSv.errors;

export const CERTAINTIES = ["hog", "medel", "lag"] as const;
export type Certainty = (typeof CERTAINTIES)[number];
/** Room for the rows of a case; blank rows are dropped. */
export const MAX_LINE_ROWS = 60;
/** Blank rows the form offers beyond the saved lines, so rows can be added without JavaScript. */
export const BLANK_LINE_ROWS = 2;
/** Amounts are below 10¹¹ kr (or hours) per year. */
export const AMOUNT_LIMIT = 100_000_000_000;
export const LIMITS = { description: 300, category: 100, nonMonetary: 10_000 } as const;

const blank = (v: unknown) => (v === undefined || v === null ? "" : v);
const str = z.preprocess(blank, z.string());
const SPACES = /[\s\u00a0\u202f\u2009]/g;

/** "1 200 000" → 1200000; "" → 0; anything else (decimals, signs, letters) → null. */
export function parseAmount(raw: string): number | null {
  const compact = raw.replace(SPACES, "");
  if (compact === "") return 0;
  if (!/^\d{1,15}$/.test(compact)) return null;
  return Number(compact);
}

/** "3,5" or "3.5" → 3.5, at most `decimals` decimals; null if not such a number. */
export function parseDecimal(raw: string, decimals: number): number | null {
  const compact = raw.replace(SPACES, "").replace(",", ".");
  if (!new RegExp(`^\\d{1,6}(\\.\\d{1,${decimals}})?$`).test(compact)) return null;
  return Number(compact);
}

/** A rate in per cent (e.g. 3.5) as a fraction with four decimals (0.035), without float drift. */
export const percentToRate = (percent: number) => Math.round(percent * 100) / 10_000;
/** A fraction (0.035) as per cent (3.5) for the form. */
export const rateToPercent = (rate: number) => Math.round(rate * 10_000) / 100;
/** A number in Swedish form: decimal comma. */
export const decimalText = (n: number) => String(n).replace(".", ",");

const lineRow = z.object({
  kind: z.preprocess(blank, z.string()),
  description: str,
  category: str,
  certainty: z.preprocess(blank, z.string()),
  unitId: str,
  amounts: z.preprocess((v) => (Array.isArray(v) ? v.map((a) => (a === undefined || a === null ? "" : String(a))) : []), z.array(z.string())),
});
export type LineRowFields = z.output<typeof lineRow>;

export const isBlankLine = (row: LineRowFields) =>
  !row.description.trim() && !row.category.trim() && row.amounts.every((a) => a.replace(SPACES, "") === "");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function checkMultiplier(raw: string, path: string, ctx: z.RefinementCtx) {
  const value = parseDecimal(raw, 4);
  if (value === null || value > 5) ctx.addIssue({ code: "custom", path: [path], message: e.multiplier });
}

/** The editor. `intent` "save" saves; "resize" only shows the grid again with the new horizon. */
export const businessCaseFormSchema = z.object({
  intent: z.enum(["save", "resize"], { error: e.unknownIntent }),
  /** 0 = no case saved yet. */
  version: str.pipe(z.string().regex(/^\d{1,9}$/, e.version)),
  horizonYears: str,
  startYear: str,
  discountRate: str,
  hourlyCost: str,
  nonMonetaryBenefits: str.pipe(z.string().max(LIMITS.nonMonetary, e.nonMonetaryTooLong)),
  lowSavings: str,
  lowCosts: str,
  highSavings: str,
  highCosts: str,
  lines: z.preprocess((v) => (Array.isArray(v) ? v : []), z.array(lineRow).max(MAX_LINE_ROWS, e.tooManyLines)),
}).superRefine((value, ctx) => {
  const at = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const horizon = /^\d{1,2}$/.test(value.horizonYears.trim()) ? Number(value.horizonYears.trim()) : NaN;
  if (!(horizon >= 1 && horizon <= MAX_HORIZON_YEARS)) at(["horizonYears"], e.horizon);
  const year = /^\d{4}$/.test(value.startYear.trim()) ? Number(value.startYear.trim()) : NaN;
  if (!(year >= 2000 && year <= 2200)) at(["startYear"], e.startYear);
  const rate = parseDecimal(value.discountRate, 2);
  if (rate === null || rate > 20) at(["discountRate"], e.rate);
  const hourly = parseAmount(value.hourlyCost);
  if (value.hourlyCost.trim() === "" || hourly === null || hourly < 1 || hourly > 5000) at(["hourlyCost"], e.hourlyCost);
  checkMultiplier(value.lowSavings, "lowSavings", ctx);
  checkMultiplier(value.lowCosts, "lowCosts", ctx);
  checkMultiplier(value.highSavings, "highSavings", ctx);
  checkMultiplier(value.highCosts, "highCosts", ctx);
  if (value.intent === "resize") return;

  let filled = 0;
  value.lines.forEach((row, index) => {
    if (isBlankLine(row)) return;
    filled += 1;
    const n = index + 1;
    if (!(BUSINESS_CASE_LINE_KINDS as readonly string[]).includes(row.kind)) at(["lines", index, "kind"], e.kind(n));
    if (!row.description.trim()) at(["lines", index, "description"], e.description(n));
    else if (row.description.trim().length > LIMITS.description) at(["lines", index, "description"], e.descriptionTooLong(n));
    if (row.category.trim().length > LIMITS.category) at(["lines", index, "category"], e.categoryTooLong(n));
    if (!(CERTAINTIES as readonly string[]).includes(row.certainty)) at(["lines", index, "certainty"], e.certainty(n));
    if (!UUID.test(row.unitId.trim())) at(["lines", index, "unitId"], e.unit(n));
    if (Number.isInteger(horizon) && row.amounts.length !== horizon) at(["lines", index, "amounts"], e.amountCount(n, horizon));
    row.amounts.forEach((raw, t) => {
      const amount = parseAmount(raw);
      if (amount === null || amount >= AMOUNT_LIMIT) at(["lines", index, "amounts", t], e.amount(n, t + 1));
    });
  });
  if (filled === 0) at(["lines"], e.linesRequired);
});
export type BusinessCaseFormFields = z.output<typeof businessCaseFormSchema>;
export type BusinessCaseFormValues = z.output<typeof businessCaseFormSchema>;

/** What the service saves. */
export interface BusinessCaseContent {
  horizonYears: number;
  startYear: number;
  discountRate: number;
  hourlyCost: number;
  nonMonetaryBenefits: string;
  scenarios: { low: { savings: number; costs: number }; high: { savings: number; costs: number } };
  lines: {
    kind: BusinessCaseLineKind; description: string; category: string; certainty: Certainty; unitId: string; amounts: number[];
  }[];
}

/** The validated form as values (blank rows dropped). */
export function businessCaseContentOf(values: BusinessCaseFormValues): BusinessCaseContent {
  return {
    horizonYears: Number(values.horizonYears.trim()),
    startYear: Number(values.startYear.trim()),
    discountRate: percentToRate(parseDecimal(values.discountRate, 2)!),
    hourlyCost: parseAmount(values.hourlyCost)!,
    nonMonetaryBenefits: values.nonMonetaryBenefits.trim(),
    scenarios: {
      low: { savings: parseDecimal(values.lowSavings, 4)!, costs: parseDecimal(values.lowCosts, 4)! },
      high: { savings: parseDecimal(values.highSavings, 4)!, costs: parseDecimal(values.highCosts, 4)! },
    },
    lines: values.lines.filter((row) => !isBlankLine(row)).map((row) => ({
      kind: row.kind as BusinessCaseLineKind,
      description: row.description.trim(),
      category: row.category.trim(),
      certainty: row.certainty as Certainty,
      unitId: row.unitId.trim().toLowerCase(),
      amounts: row.amounts.map((raw) => parseAmount(raw)!),
    })),
  };
}

const ROW_KEY = /^lines\.(\d{1,2})\.([A-Za-z]+)(?:\.(\d{1,2}))?$/;

/** A posted form as the schema reads it: plain fields, and rows "lines.3.amounts.2" as nested arrays. */
export function businessCaseFieldsOf(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, unknown> & { amounts: string[] }>();
  for (const [key, raw] of form.entries()) {
    if (typeof raw !== "string") continue;
    const match = ROW_KEY.exec(key);
    if (match) {
      const index = Number(match[1]);
      if (index >= MAX_LINE_ROWS + 1) continue;
      const row = rows.get(index) ?? { amounts: [] };
      rows.set(index, row);
      if (match[2] === "amounts" && match[3] !== undefined) {
        const t = Number(match[3]);
        if (t < MAX_HORIZON_YEARS) row.amounts[t] = raw;
      } else if (match[2] !== "amounts") row[match[2]!] ??= raw;
    } else if (!(key in fields)) fields[key] = raw;
  }
  fields.lines = [...rows.entries()].sort((a, b) => a[0] - b[0])
    .map(([, row]) => ({ ...row, amounts: Array.from(row.amounts, (a) => a ?? "") }));
  return fields;
}

/** The administrators' defaults for new cases. */
export const businessCaseDefaultsSchema = z.object({
  intent: z.literal("business_case_defaults"),
  horizonYears: str,
  discountRate: str,
  hourlyCost: str,
}).superRefine((value, ctx) => {
  const horizon = /^\d{1,2}$/.test(value.horizonYears.trim()) ? Number(value.horizonYears.trim()) : NaN;
  if (!(horizon >= 1 && horizon <= MAX_HORIZON_YEARS)) ctx.addIssue({ code: "custom", path: ["horizonYears"], message: e.horizon });
  const rate = parseDecimal(value.discountRate, 2);
  if (rate === null || rate > 20) ctx.addIssue({ code: "custom", path: ["discountRate"], message: e.rate });
  const hourly = parseAmount(value.hourlyCost);
  if (value.hourlyCost.trim() === "" || hourly === null || hourly < 1 || hourly > 5000) {
    ctx.addIssue({ code: "custom", path: ["hourlyCost"], message: e.hourlyCost });
  }
});
export type BusinessCaseDefaultsFields = z.output<typeof businessCaseDefaultsSchema>;
