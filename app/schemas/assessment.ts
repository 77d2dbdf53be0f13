import { z } from "zod";
import { ASSESSMENT_TEXT_MAX, CRITERION_LIMITS, SCORE_COMMENT_MAX } from "./limits";
import { assessmentSv } from "~/i18n/assessment.sv";
import { sv } from "~/i18n/sv";

const msg = assessmentSv.validation;

// The assessment forms: the scorecard and the assessor assignment on /ideas/<id>/bedomning, and the
// administrators' criterion form on /admin/kriterier. Used by the forms (client) and the actions
// (server); the service checks completeness again against the criteria active at the time.

export { ASSESSMENT_TEXT_MAX } from "./limits";
export { SCORE_COMMENT_MAX } from "./limits";

const version = z.string({ error: sv.validation.reload }).regex(/^\d{1,9}$/, sv.validation.reload);

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
    intent: z.enum(["draft", "complete"], { error: msg.intent }),
    /** The assessment's version when the page was opened; 0 = there was none yet. */
    version: z.string({ error: sv.validation.reload }).regex(/^\d{1,9}$/, sv.validation.reload),
    scores: z.record(z.string(), z.enum(["", "1", "2", "3", "4", "5"], { error: msg.scoreRange })).default({}),
    comments: z.record(z.string(), z.string().trim()
      .max(SCORE_COMMENT_MAX, msg.commentTooLong)).default({}),
    summary: z.string().trim().max(ASSESSMENT_TEXT_MAX, msg.summaryTooLong).default(""),
    privateNote: z.string().trim()
      .max(ASSESSMENT_TEXT_MAX, msg.privateNoteTooLong).default(""),
  }).superRefine((value, ctx) => {
    if (value.intent !== "complete") return;
    for (const criterion of criteria) {
      if (!value.scores[criterion.id]) {
        ctx.addIssue({ code: "custom", path: ["scores", criterion.id], message: msg.scoreMissing(criterion.name) });
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
  assessorId: z.string({ error: msg.assessorRequired }).trim().min(1, msg.assessorRequired)
    .pipe(z.guid(msg.personFromList)),
});

export const unassignAssessorSchema = z.object({
  intent: z.literal("unassign"),
  assessorId: z.guid(msg.assessorUnknown),
});

// ---------------------------------------------------------------------------------------------------
// Criteria (administrators)

export { CRITERION_LIMITS } from "./limits";

const guidanceStep = (step: 1 | 2 | 3 | 4 | 5) => z.string({ error: msg.guidanceRequired[step - 1] }).trim()
  .min(1, msg.guidanceRequired[step - 1])
  .max(CRITERION_LIMITS.guidance, msg.guidanceTooLong[step - 1]);

export const criterionFormSchema = z.object({
  name: z.string().trim().max(CRITERION_LIMITS.name, msg.nameTooLong).min(2, msg.nameRequired),
  nameEn: z.string().trim().max(CRITERION_LIMITS.name, msg.englishNameTooLong)
    .refine((v) => v === "" || v.length >= 2, msg.englishNameTooShort),
  description: z.string().trim().max(CRITERION_LIMITS.description, msg.descriptionTooLong),
  weight: z.string().trim().regex(/^\d{1,3}$/, msg.weightRange).transform(Number)
    .pipe(z.number().min(1, msg.weightRange).max(100, msg.weightRange)),
  position: z.string().trim().regex(/^\d{1,3}$/, msg.orderRange).transform(Number),
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
