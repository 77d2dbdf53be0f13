import { z } from "zod";

/** The first-sign-in unit choice. Used by the form (client) and the action (server). */
export const chooseUnitSchema = z.object({
  unitId: z.string().trim().min(1, "Välj din enhet.")
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Välj en enhet i listan."),
  redirectTo: z.string().max(2000).optional(),
});

export type ChooseUnitInput = z.infer<typeof chooseUnitSchema>;
