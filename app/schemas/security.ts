import { z } from "zod";
import {
  DEVIATION_DECISIONS, type DeviationDecision, missingScreeningFields, type ScreeningAnswers, screeningInconsistencies,
  validUntilProblem,
} from "~/domain/security-screening";
import type { DeviationStatus, SecurityLevel } from "~/domain/vocabulary";
import { securitySv } from "~/i18n/security.sv";

// The forms of /ideas/<id>/sakerhet and /ideas/<id>/avsteg and the filter of /avsteg. Used by the
// forms (client, react-hook-form resolver) and the actions/loaders (server) alike.

const e = securitySv.errors;

/** An unanswered radio group posts nothing (native) or null (react-hook-form): both mean "". */
const blank = (v: unknown) => (v === undefined || v === null ? "" : v);
const level = z.preprocess(blank, z.enum(["", "1", "2", "3", "4"], { error: e.level }));
const yesNo = z.preprocess(blank, z.enum(["", "ja", "nej"], { error: e.yesNo }));
const version = z.string({ error: e.version }).regex(/^\d{1,9}$/, e.version);

export const SCREENING_LIMITS = { informationOwner: 200, notes: 5000 } as const;

export const screeningFormSchema = z.object({
  intent: z.enum(["draft", "complete"], { error: e.unknownIntent }),
  /** 0 = no screening saved yet. */
  version,
  confidentiality: level,
  integrity: level,
  availability: level,
  handlesPersonalData: yesNo,
  handlesSensitivePersonalData: yesNo,
  dpiaNeeded: yesNo,
  informationOwner: z.preprocess(blank, z.string().trim().max(SCREENING_LIMITS.informationOwner, e.informationOwnerTooLong)),
  notes: z.preprocess(blank, z.string().max(SCREENING_LIMITS.notes, e.notesTooLong)),
}).superRefine((value, ctx) => {
  const answers = screeningAnswersOf(value);
  for (const problem of screeningInconsistencies(answers)) {
    if (problem === "sensitive_without_personal") {
      ctx.addIssue({ code: "custom", path: ["handlesSensitivePersonalData"], message: e.sensitiveWithoutPersonal });
    } else {
      ctx.addIssue({ code: "custom", path: ["dpiaNeeded"], message: e.sensitiveWithoutDpia });
    }
  }
  if (value.intent !== "complete") return;
  for (const field of missingScreeningFields(answers)) {
    ctx.addIssue({ code: "custom", path: [field], message: e.missing[field] });
  }
});
export type ScreeningFormInput = z.input<typeof screeningFormSchema>;
export type ScreeningFormValues = z.output<typeof screeningFormSchema>;
/** What the form holds: every field a string. */
export type ScreeningFormFields = { [K in keyof ScreeningFormValues]: string };

type AnswerFields = Pick<ScreeningFormFields,
  "confidentiality" | "integrity" | "availability" | "handlesPersonalData" | "handlesSensitivePersonalData" | "dpiaNeeded" | "informationOwner">;

// Unchecked radios read as null while the form is being filled in (react-hook-form's watch).
const levelOf = (v: string | null | undefined) => (v ? (Number(v) as SecurityLevel) : null);
const boolOf = (v: string | null | undefined) => (v ? v === "ja" : null);

/** The form's strings as the domain's answers. */
export function screeningAnswersOf(value: AnswerFields): ScreeningAnswers {
  return {
    confidentiality: levelOf(value.confidentiality),
    integrity: levelOf(value.integrity),
    availability: levelOf(value.availability),
    handlesPersonalData: boolOf(value.handlesPersonalData),
    handlesSensitivePersonalData: boolOf(value.handlesSensitivePersonalData),
    dpiaNeeded: boolOf(value.dpiaNeeded),
    informationOwner: value.informationOwner?.trim() ? value.informationOwner.trim() : null,
  };
}

/** The domain's answers as the form's strings (for default values). */
export function screeningFieldsOf(answers: ScreeningAnswers, notes: string, version: number, intent: "draft" | "complete" = "draft"): ScreeningFormFields {
  const yn = (v: boolean | null) => (v === null ? "" : v ? "ja" : "nej");
  return {
    intent,
    version: String(version),
    confidentiality: answers.confidentiality === null ? "" : String(answers.confidentiality),
    integrity: answers.integrity === null ? "" : String(answers.integrity),
    availability: answers.availability === null ? "" : String(answers.availability),
    handlesPersonalData: yn(answers.handlesPersonalData),
    handlesSensitivePersonalData: yn(answers.handlesSensitivePersonalData),
    dpiaNeeded: yn(answers.dpiaNeeded),
    informationOwner: answers.informationOwner ?? "",
    notes,
  };
}

// ---------------------------------------------------------------------------------------------
// Deviation requests
// ---------------------------------------------------------------------------------------------

export const DEVIATION_LIMITS = { standard: 200, text: 5000 } as const;

const requiredText = (empty: string, tooLong: string, max: number) =>
  z.preprocess(blank, z.string().trim().min(1, empty).max(max, tooLong));

/** A new request. `today` (YYYY-MM-DD, Europe/Stockholm) decides what "in the past" means. */
export function deviationRequestSchema(today: string) {
  return z.object({
    intent: z.literal("request", { error: e.unknownIntent }),
    standard: z.preprocess(blank, z.string().trim().min(2, e.standard).max(DEVIATION_LIMITS.standard, e.standard)),
    description: requiredText(e.description, e.descriptionTooLong, DEVIATION_LIMITS.text),
    justification: requiredText(e.justification, e.justificationTooLong, DEVIATION_LIMITS.text),
    validUntil: z.preprocess(blank, z.string().trim()).superRefine((value, ctx) => {
      const problem = validUntilProblem(value, today);
      if (problem) {
        ctx.addIssue({
          code: "custom",
          message: problem === "past" ? e.validUntilPast : problem === "too_late" ? e.validUntilTooLate : e.validUntilInvalid,
        });
      }
    }),
  });
}
export type DeviationRequestInput = z.input<ReturnType<typeof deviationRequestSchema>>;
export type DeviationRequestFields = { intent: "request"; standard: string; description: string; justification: string; validUntil: string };

export const deviationDecisionSchema = z.object({
  intent: z.literal("decide", { error: e.unknownIntent }),
  deviationId: z.guid(e.deviationNotFound),
  decision: z.preprocess(blank, z.enum(DEVIATION_DECISIONS as [DeviationDecision, ...DeviationDecision[]], { error: e.decision })),
  motivation: requiredText(e.motivation, e.motivationTooLong, DEVIATION_LIMITS.text),
});
export type DeviationDecisionFields = { intent: "decide"; deviationId: string; decision: string; motivation: string };

export const deviationWithdrawSchema = z.object({
  intent: z.literal("withdraw", { error: e.unknownIntent }),
  deviationId: z.guid(e.deviationNotFound),
});

/** Status in the URL of /avsteg, in Swedish. */
export const DEVIATION_STATUS_SLUGS: Record<string, DeviationStatus> = {
  vantar: "requested", godkant: "approved", avslaget: "rejected", aterkallat: "withdrawn",
};
export const slugOfDeviationStatus = (status: DeviationStatus) =>
  Object.entries(DEVIATION_STATUS_SLUGS).find(([, s]) => s === status)![0];

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const DEVIATION_LIST_MAX_PAGE = 1000;

export const deviationListSchema = z.object({
  status: optional(z.enum(Object.keys(DEVIATION_STATUS_SLUGS) as [string, ...string[]], { error: e.status }))
    .transform((slug) => (slug ? DEVIATION_STATUS_SLUGS[slug]! : null)),
  enhet: optional(z.guid(e.unit)).transform((v) => v ?? null),
  sida: z.preprocess((v) => (v === "" || v === undefined ? "1" : v),
    z.coerce.number({ error: e.page }).int(e.page).min(1, e.page).max(DEVIATION_LIST_MAX_PAGE, e.page)),
});
export type DeviationListFilter = z.output<typeof deviationListSchema>;
