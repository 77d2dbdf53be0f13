import { z } from "zod";
import { submitSv } from "~/i18n/submit.sv";
import { sv } from "~/i18n/sv";

const msg = submitSv.validation;

/** The first-sign-in unit choice. Used by the form (client) and the action (server). */
export const chooseUnitSchema = z.object({
  unitId: z.string().trim().min(1, msg.chooseYourUnit)
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, sv.validation.unitFromList),
  redirectTo: z.string().max(2000).optional(),
});

export type ChooseUnitInput = z.infer<typeof chooseUnitSchema>;
