import { z } from "zod";
import { accessibilityFeedbackSv } from "~/i18n/accessibility-feedback.sv";

// The report form on /tillganglighet and the administrators' forms on /admin/tillganglighet. Lengths
// match the table's checks (migration 0008), so the database never refuses what the form accepted.

const e = accessibilityFeedbackSv.errors;

export const FEEDBACK_LIMITS = { description: 5000, pageUrl: 500, name: 200, email: 320, note: 2000 } as const;

const text = z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string());

export const accessibilityFeedbackSchema = z
  .object({
    description: text.pipe(z.string().min(1, e.descriptionRequired).max(FEEDBACK_LIMITS.description, e.descriptionTooLong)),
    pageUrl: text.pipe(z.string().max(FEEDBACK_LIMITS.pageUrl, e.pageUrlTooLong)),
    name: text.pipe(z.string().max(FEEDBACK_LIMITS.name, e.nameTooLong)),
    email: text.pipe(
      z.string().max(FEEDBACK_LIMITS.email, e.emailTooLong).refine((v) => v === "" || z.email().safeParse(v).success, e.emailInvalid),
    ),
    // A lone checkbox posts "ja" when ticked; react-hook-form gives `false` when it is not.
    wantsReply: z.preprocess((v) => v === "ja" || v === true, z.boolean()),
  })
  .superRefine((value, ctx) => {
    if (value.wantsReply && value.email === "") {
      ctx.addIssue({ code: "custom", path: ["email"], message: e.emailRequiredForReply });
    }
  });

export type AccessibilityFeedbackInput = z.output<typeof accessibilityFeedbackSchema>;
/** What the form holds while it is being filled in. */
export interface AccessibilityFeedbackFields {
  description: string;
  pageUrl: string;
  name: string;
  email: string;
  wantsReply: string | boolean;
}

export const FEEDBACK_STATUS_FILTERS = ["ny", "hanterad", "alla"] as const;
export type FeedbackStatusFilter = (typeof FEEDBACK_STATUS_FILTERS)[number];

/** The administrators' list: ?status=ny|hanterad|alla&sida=N (a broken page number shows page 1). */
export const feedbackListSchema = z.object({
  status: z.preprocess((v) => (v === undefined || v === "" ? "ny" : v), z.enum(FEEDBACK_STATUS_FILTERS, { error: e.unknownStatus })),
  sida: z.preprocess((v) => v ?? "1", z.string()).transform((v) => (/^\d{1,6}$/.test(v) && Number(v) >= 1 ? Number(v) : 1)),
});

/** Marking one report handled. */
export const markHandledSchema = z.object({
  id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, e.unknownReport),
  note: text.pipe(z.string().max(FEEDBACK_LIMITS.note, e.noteTooLong)),
});
