import { z } from "zod";

// The assessment forms: the scorecard and the assessor assignment on /ideas/<id>/bedomning, and the
// administrators' criterion form on /admin/kriterier. Used by the forms (client) and the actions
// (server); the service checks completeness again against the criteria active at the time.

export const ASSESSMENT_TEXT_MAX = 5000;
export const SCORE_COMMENT_MAX = 2000;

const version = z.string({ error: "Ladda om sidan och försök igen." }).regex(/^\d{1,9}$/, "Ladda om sidan och försök igen.");

/** Form field names: scores.<criterionId> and comments.<criterionId>. */
export const scoreField = (criterionId: string) => `scores.${criterionId}`;
export const commentField = (criterionId: string) => `comments.${criterionId}`;

export interface ScorecardCriterion {
  id: string;
  name: string;
}

/**
 * The scorecard of the criteria on the page. "Spara utkast" (intent=draft) takes any subset of scores;
 * "Markera som klar" (intent=complete) needs a score for every criterion.
 */
export function scorecardSchema(criteria: readonly ScorecardCriterion[]) {
  return z.object({
    intent: z.enum(["draft", "complete"], { error: "Välj om du vill spara utkast eller markera bedömningen som klar." }),
    /** The assessment's version when the page was opened; 0 = there was none yet. */
    version: z.string({ error: "Ladda om sidan och försök igen." }).regex(/^\d{1,9}$/, "Ladda om sidan och försök igen."),
    scores: z.record(z.string(), z.enum(["", "1", "2", "3", "4", "5"], { error: "Välj ett betyg mellan 1 och 5." })).default({}),
    comments: z.record(z.string(), z.string().trim()
      .max(SCORE_COMMENT_MAX, `En kommentar får vara högst ${SCORE_COMMENT_MAX} tecken.`)).default({}),
    summary: z.string().trim().max(ASSESSMENT_TEXT_MAX, `Sammanfattningen får vara högst ${ASSESSMENT_TEXT_MAX} tecken.`).default(""),
    privateNote: z.string().trim()
      .max(ASSESSMENT_TEXT_MAX, `Den privata anteckningen får vara högst ${ASSESSMENT_TEXT_MAX} tecken.`).default(""),
  }).superRefine((value, ctx) => {
    if (value.intent !== "complete") return;
    for (const criterion of criteria) {
      if (!value.scores[criterion.id]) {
        ctx.addIssue({ code: "custom", path: ["scores", criterion.id], message: `Ge ett betyg för ”${criterion.name}” innan du markerar bedömningen som klar.` });
      }
    }
  });
}
export type ScorecardValues = z.input<ReturnType<typeof scorecardSchema>>;
export type ScorecardInput = z.output<ReturnType<typeof scorecardSchema>>;

/** The posted form as the scorecard schema reads it: scores.<id> and comments.<id> become records. */
export function scorecardInput(form: FormData) {
  const scores: Record<string, string> = {};
  const comments: Record<string, string> = {};
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string") continue;
    if (name.startsWith("scores.")) scores[name.slice(7)] = value;
    else if (name.startsWith("comments.")) comments[name.slice(9)] = value;
  }
  return { intent: text("intent"), version: text("version"), summary: text("summary"), privateNote: text("privateNote"), scores, comments };
}

/** Scores as numbers, only the criteria that were given one. */
export function chosenScores(input: ScorecardInput): { criterionId: string; score: number; comment: string }[] {
  const ids = new Set([...Object.keys(input.scores), ...Object.keys(input.comments)]);
  return [...ids].flatMap((criterionId) => {
    const score = input.scores[criterionId];
    return score ? [{ criterionId, score: Number(score), comment: input.comments[criterionId] ?? "" }] : [];
  });
}

export const assignAssessorSchema = z.object({
  intent: z.literal("assign"),
  assessorId: z.string({ error: "Välj vem som ska bedöma idén." }).trim().min(1, "Välj vem som ska bedöma idén.")
    .pipe(z.guid("Välj en person i listan.")),
});

export const unassignAssessorSchema = z.object({
  intent: z.literal("unassign"),
  assessorId: z.guid("Personen finns inte bland bedömarna. Ladda om sidan."),
});

// ---------------------------------------------------------------------------------------------------
// Criteria (administrators)

export const CRITERION_LIMITS = { name: 120, description: 2000, guidance: 500 } as const;

const name = (label: string, required: boolean) => {
  const base = z.string().trim().max(CRITERION_LIMITS.name, `${label} får vara högst ${CRITERION_LIMITS.name} tecken.`);
  return required
    ? base.min(2, `Skriv ${label.toLowerCase()} (minst 2 tecken).`)
    : base.refine((v) => v === "" || v.length >= 2, `${label} ska vara minst 2 tecken, eller tom.`);
};
const guidanceStep = (step: number) => z.string({ error: `Skriv vägledningen för betyg ${step}.` }).trim()
  .min(1, `Skriv vägledningen för betyg ${step}.`)
  .max(CRITERION_LIMITS.guidance, `Vägledningen för betyg ${step} får vara högst ${CRITERION_LIMITS.guidance} tecken.`);

export const criterionFormSchema = z.object({
  name: name("Namnet", true),
  nameEn: name("Det engelska namnet", false),
  description: z.string().trim().max(CRITERION_LIMITS.description, `Beskrivningen får vara högst ${CRITERION_LIMITS.description} tecken.`),
  weight: z.string().trim().regex(/^\d{1,3}$/, "Ange vikten som ett heltal mellan 1 och 100.").transform(Number)
    .pipe(z.number().min(1, "Ange vikten som ett heltal mellan 1 och 100.").max(100, "Ange vikten som ett heltal mellan 1 och 100.")),
  position: z.string().trim().regex(/^\d{1,3}$/, "Ange ordningen som ett heltal mellan 0 och 999.").transform(Number),
  guidance1: guidanceStep(1),
  guidance2: guidanceStep(2),
  guidance3: guidanceStep(3),
  guidance4: guidanceStep(4),
  guidance5: guidanceStep(5),
});
export type CriterionFormValues = z.input<typeof criterionFormSchema>;
export type CriterionFormInput = z.output<typeof criterionFormSchema>;

export const criterionCreateSchema = criterionFormSchema.extend({ intent: z.literal("create") });
export const criterionUpdateSchema = criterionFormSchema.extend({ intent: z.literal("update"), version });
export const criterionActivationSchema = z.object({ intent: z.enum(["deactivate", "reactivate"]) });

export const CRITERION_FIELDS = [
  "name", "nameEn", "description", "weight", "position", "guidance1", "guidance2", "guidance3", "guidance4", "guidance5",
] as const;

/** The five guidance texts in step order. */
export const guidanceOf = (input: CriterionFormInput) =>
  [input.guidance1, input.guidance2, input.guidance3, input.guidance4, input.guidance5];
