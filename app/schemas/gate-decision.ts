import { z } from "zod";

// The gate decision form on /ideas/<id>/beslut. Used by the form (client) and the action (server);
// which moves exist and who may take them is the stage machine's business, checked by the service.

export const gateDecisionSchema = z.object({
  version: z.string({ error: "Ladda om sidan och försök igen." }).regex(/^\d{1,9}$/, "Ladda om sidan och försök igen."),
  transitionId: z.string({ error: "Välj ett beslut." }).trim().min(1, "Välj ett beslut.")
    .regex(/^[a-z_]{2,60}$/, "Välj ett beslut i listan."),
  motivation: z.string({ error: "Skriv en motivering till beslutet." }).trim()
    .min(1, "Skriv en motivering till beslutet.")
    .max(10_000, "Motiveringen får vara högst 10 000 tecken."),
  meetingReference: z.string().trim().max(200, "Mötesreferensen får vara högst 200 tecken.").optional()
    .transform((v) => (v ? v : null)),
});
export type GateDecisionInput = z.input<typeof gateDecisionSchema>;
