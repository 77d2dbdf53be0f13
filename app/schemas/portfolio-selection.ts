import { z } from "zod";
import { MAX_FORM_BUDGET_YEARS, SELECTION_LIMITS } from "./limits";
import { PORTFOLIO_OBJECTIVES, PORTFOLIO_PINS, type PortfolioObjectiveKind, type PortfolioPin } from "~/domain/portfolio";
import { parseAmount } from "~/schemas/business-case";
import { portfolioFilterSchema } from "~/schemas/portfolio";
import { portfolioSv } from "~/i18n/portfolio.sv";

const msg = portfolioSv.validation;

// The optimiser's form (/portfolio/optimera, POSTed with intent "berakna": a pin per candidate would make a
// GET URL too long) and the same inputs with a title and motivation when the result is saved as a
// prioritisation proposal (intent "spara"). Every field is a
// string as the browser sends it; budgets may carry spaces ("2 500 000"). Pins are "las.<idea id>".

export { MAX_FORM_BUDGET_YEARS } from "./limits";
export const BUDGET_FIELDS = ["budget1", "budget2", "budget3", "budget4", "budget5"] as const;
export { SELECTION_LIMITS } from "./limits";

const str = z.preprocess((v) => (v === undefined || v === null ? "" : v), z.string());

const selectionFields = {
  ar: str,
  antal: str,
  mal: z.enum(PORTFOLIO_OBJECTIVES, { error: msg.objectiveRequired }),
  budget1: str, budget2: str, budget3: str, budget4: str, budget5: str,
  enhet: portfolioFilterSchema.shape.enhet,
  fokus: portfolioFilterSchema.shape.fokus,
  steg: portfolioFilterSchema.shape.steg,
  las: z.preprocess((v) => v ?? {}, z.record(z.string(), z.enum(PORTFOLIO_PINS, { error: msg.pinFromList }))),
};

function checkSelection(value: { ar: string; antal: string } & Record<(typeof BUDGET_FIELDS)[number], string>, ctx: z.RefinementCtx) {
  const year = /^\d{4}$/.test(value.ar.trim()) ? Number(value.ar.trim()) : null;
  if (year === null || year < 2000 || year > 2200) {
    ctx.addIssue({ code: "custom", path: ["ar"], message: msg.firstYear });
  }
  const years = /^[1-5]$/.test(value.antal.trim()) ? Number(value.antal.trim()) : null;
  if (years === null) {
    ctx.addIssue({ code: "custom", path: ["antal"], message: msg.budgetYears });
    return;
  }
  BUDGET_FIELDS.slice(0, years).forEach((field, i) => {
    const raw = value[field].trim();
    const label = year === null ? msg.budgetYearLabel(i + 1) : String(year + i);
    if (raw === "") ctx.addIssue({ code: "custom", path: [field], message: msg.budgetRequired(label) });
    else if (parseAmount(raw) === null) {
      ctx.addIssue({ code: "custom", path: [field], message: msg.budgetWholeKronor(label) });
    }
  });
}

export const selectionFormSchema = z.object(selectionFields).superRefine(checkSelection);
export type SelectionFormValues = z.output<typeof selectionFormSchema>;

export const proposalFormSchema = z.object({
  ...selectionFields,
  titel: str.pipe(z.string().trim().min(1, msg.proposalTitleRequired)
    .max(SELECTION_LIMITS.title, msg.proposalTitleTooLong)),
  motivering: str.pipe(z.string().trim().min(1, msg.proposalMotivationRequired)
    .max(SELECTION_LIMITS.motivation, msg.proposalMotivationTooLong)),
}).superRefine(checkSelection);
export type ProposalFormValues = z.output<typeof proposalFormSchema>;

/** What the service runs: numbers, the objective, the filters and the chosen pins. */
export interface SelectionInput {
  firstYear: number;
  budgets: number[];
  objective: PortfolioObjectiveKind;
  filters: { enhet: string | null; fokus: string | null; steg: string | null };
  pins: Record<string, PortfolioPin>;
}

/** A checked form as the service's input. */
export function selectionInputOf(values: z.output<typeof selectionFormSchema>): SelectionInput {
  const years = Number(values.antal.trim());
  return {
    firstYear: Number(values.ar.trim()),
    budgets: BUDGET_FIELDS.slice(0, years).map((field) => parseAmount(values[field])!),
    objective: values.mal,
    filters: { enhet: values.enhet?.toLowerCase() ?? null, fokus: values.fokus ?? null, steg: values.steg ?? null },
    pins: values.las,
  };
}

/** The request's fields as the schema reads them: "las.<id>" become the `las` record. */
export function selectionFieldsOf(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const pins: Record<string, string> = {};
  for (const [key, raw] of entries) {
    if (typeof raw !== "string") continue;
    if (key.startsWith("las.")) pins[key.slice(4)] ??= raw;
    else if (!(key in fields)) fields[key] = raw;
  }
  return { ...fields, las: pins };
}

/** The inputs as URL/form fields again (for the save form's hidden fields and links). */
export function selectionFieldsFor(input: SelectionInput): [string, string][] {
  const fields: [string, string][] = [["ar", String(input.firstYear)], ["antal", String(input.budgets.length)], ["mal", input.objective]];
  input.budgets.forEach((budget, i) => fields.push([BUDGET_FIELDS[i]!, String(budget)]));
  for (const key of ["enhet", "fokus", "steg"] as const) if (input.filters[key]) fields.push([key, input.filters[key]!]);
  for (const [id, pin] of Object.entries(input.pins)) fields.push([`las.${id}`, pin]);
  return fields;
}

/** The filters of the request that validate (the others are null, with their messages). */
export function selectionFiltersOf(fields: Record<string, unknown>): { filters: SelectionInput["filters"]; errors: Record<string, string> } {
  const filters: SelectionInput["filters"] = { enhet: null, fokus: null, steg: null };
  const errors: Record<string, string> = {};
  for (const key of ["enhet", "fokus", "steg"] as const) {
    const parsed = selectionFields[key].safeParse(fields[key]);
    if (parsed.success) filters[key] = parsed.data ? (key === "enhet" ? String(parsed.data).toLowerCase() : String(parsed.data)) : null;
    else errors[key] = parsed.error.issues[0]?.message ?? "";
  }
  return { filters, errors };
}
