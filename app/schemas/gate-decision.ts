import { z } from "zod";
import { gatesSv } from "~/i18n/gates.sv";

// The gate decision form on /ideas/<id>/beslut. Used by the form (client) and the action (server);
// which moves exist and who may take them is the stage machine's business, checked by the service.

const e = gatesSv.errors;

export const gateDecisionSchema = z.object({
  version: z.string({ error: e.reload }).regex(/^\d{1,9}$/, e.reload),
  transitionId: z.string({ error: e.chooseMove }).trim().min(1, e.chooseMove).regex(/^[a-z_]{2,60}$/, e.chooseMove),
  motivation: z.string({ error: e.motivationRequired }).trim().min(1, e.motivationRequired).max(10_000, e.motivationTooLong),
  meetingReference: z.string().trim().max(200, e.meetingTooLong).optional().transform((v) => (v ? v : null)),
});
export type GateDecisionInput = z.input<typeof gateDecisionSchema>;
