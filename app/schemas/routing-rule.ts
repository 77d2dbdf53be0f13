import { z } from "zod";
import { IDEA_KINDS } from "~/domain/vocabulary";

// The forms of /admin/routning. The server re-validates; the owner's roles are checked there too.
const optionalId = (message: string) => z.string().trim().transform((v) => v || null).pipe(z.guid(message).nullable());

export const routingRuleCreateSchema = z.object({
  intent: z.literal("create"),
  unitId: optionalId("Välj en enhet i listan."),
  kind: z.union([z.enum(IDEA_KINDS), z.literal("")], { error: "Välj en sort i listan." }).transform((v) => v || null),
  ownerId: z.string().trim().min(1, "Välj vem som ska ta emot idéerna.").pipe(z.guid("Välj en mottagare i listan.")),
  priority: z.string().trim().regex(/^\d{1,4}$/, "Ange ett heltal mellan 0 och 1000.").transform(Number)
    .pipe(z.number().max(1000, "Ange ett heltal mellan 0 och 1000.")),
  description: z.string().trim().max(500, "Beskrivningen får vara högst 500 tecken."),
}).superRefine((value, ctx) => {
  if (value.unitId === null && value.kind === null) {
    ctx.addIssue({ code: "custom", path: ["unitId"], message: "Välj en enhet, en sort eller båda – en regel utan villkor skulle ta alla idéer." });
  }
});

export const routingRuleChangeSchema = z.object({
  intent: z.enum(["activate", "deactivate", "delete"]),
  ruleId: z.guid("Regeln finns inte."),
});
