import { z } from "zod";
import { IDEA_KINDS } from "~/domain/vocabulary";
import { submitSv } from "~/i18n/submit.sv";
import { sv } from "~/i18n/sv";

const msg = submitSv.validation;

// The forms of /admin/routning. The server re-validates; the owner's roles are checked there too.
const optionalId = (message: string) => z.string().trim().transform((v) => v || null).pipe(z.guid(message).nullable());

export const routingRuleCreateSchema = z.object({
  intent: z.literal("create"),
  unitId: optionalId(sv.validation.unitFromList),
  kind: z.union([z.enum(IDEA_KINDS), z.literal("")], { error: msg.sortFromList }).transform((v) => v || null),
  ownerId: z.string().trim().min(1, msg.recipientRequired).pipe(z.guid(msg.recipientFromList)),
  priority: z.string().trim().regex(/^\d{1,4}$/, msg.priorityRange).transform(Number)
    .pipe(z.number().max(1000, msg.priorityRange)),
  description: z.string().trim().max(500, msg.ruleDescriptionTooLong),
}).superRefine((value, ctx) => {
  if (value.unitId === null && value.kind === null) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: msg.ruleNeedsCondition });
  }
});

export const routingRuleChangeSchema = z.object({
  intent: z.enum(["activate", "deactivate", "delete"]),
  ruleId: z.guid(msg.ruleNotFound),
});
