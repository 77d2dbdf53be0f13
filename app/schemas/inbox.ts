import { z } from "zod";
import { INBOX_AGES, INBOX_OWNER_FILTERS, INBOX_SORTS } from "~/domain/inbox";
import { FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";
import { assessmentSv } from "~/i18n/assessment.sv";
import { goodExamplesSv } from "~/i18n/good-examples.sv";
import { ideasSv } from "~/i18n/ideas.sv";
import { inboxSv } from "~/i18n/inbox.sv";
import { sv } from "~/i18n/sv";

const msg = inboxSv.validation;

// The inbox's URL filters and the forms of /ideas/<id>/hantera and /admin/installningar.
// Used by the forms (client) and the loaders/actions (server).

/** An empty select ("any") is the same as leaving the parameter out. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: message }).optional());

export const inboxFilterSchema = z.object({
  steg: optionalChoice(STAGES, ideasSv.validation.stageFromList),
  typ: optionalChoice(IDEA_KINDS, msg.ideaKindFromList),
  fokus: optionalChoice(FOCUS_AREAS, ideasSv.validation.focusAreaFromList),
  alder: optionalChoice(INBOX_AGES, msg.ageFromList),
  agare: optionalChoice(INBOX_OWNER_FILTERS, msg.ownerFromList).transform((v) => v ?? "alla"),
  sortering: optionalChoice(INBOX_SORTS, ideasSv.validation.sortFromList).transform((v) => v ?? "aldst"),
  enhet: z.preprocess((v) => (v === "" ? undefined : v), z.guid(sv.validation.unitFromList).optional()),
  sida: z.preprocess((v) => (v === "" || v === undefined ? "1" : v),
    z.coerce.number({ error: msg.pageInteger }).int(msg.pageInteger)
      .min(1, msg.pageMin).max(100_000, msg.pageTooLarge)),
});
export type InboxFilter = z.output<typeof inboxFilterSchema>;

const version = z.string({ error: sv.validation.reload }).regex(/^\d{1,9}$/, sv.validation.reload);

export const takeOwnershipSchema = z.object({
  intent: z.literal("take"),
  version,
  redirectTo: z.string().max(2000).optional(),
});

export const reassignSchema = z.object({
  intent: z.literal("reassign"),
  version,
  ownerId: z.string({ error: msg.newOwnerRequired }).trim().min(1, msg.newOwnerRequired)
    .pipe(z.guid(assessmentSv.validation.personFromList)),
  message: z.string({ error: msg.handoverMessageRequired }).trim()
    .min(1, msg.handoverMessageRequired)
    .max(2000, msg.handoverMessageTooLong),
});
export type ReassignInput = z.input<typeof reassignSchema>;

export const mergeSchema = z.object({
  intent: z.literal("merge"),
  version,
  targetReference: z.string({ error: msg.mergeTargetRequired }).trim()
    .min(1, msg.mergeTargetRequired)
    .regex(/^IDE[-\s]?\d{4}[-\s]?\d{1,6}$/i, msg.mergeTargetFormat),
  motivation: z.string({ error: msg.mergeMotivationRequired }).trim()
    .min(1, msg.mergeMotivationRequired)
    .max(2000, goodExamplesSv.mark.errors.motivationTooLong),
});
export type MergeInput = z.input<typeof mergeSchema>;

export const overdueSettingSchema = z.object({
  overdueDays: z.string({ error: msg.daysRequired }).trim()
    .min(1, msg.daysRequired)
    .regex(/^\d+$/, msg.daysInteger)
    .refine((v) => Number(v) >= 1, msg.daysMin)
    .refine((v) => Number(v) <= 365, msg.daysMax),
});
export type OverdueSettingInput = z.input<typeof overdueSettingSchema>;
