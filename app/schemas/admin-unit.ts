import { z } from "zod";
import { TOP_LEVEL_UNIT_KINDS, UNIT_KINDS, type UnitKind } from "~/domain/vocabulary";

// Forms of the unit administration (/admin/units). Used by the forms (client) and the actions (server).

export const isTopLevelKind = (kind: UnitKind) => TOP_LEVEL_UNIT_KINDS.includes(kind);

const unitName = z.string({ error: "Ange ett namn." }).trim()
  .min(2, "Namnet måste vara minst 2 tecken.")
  .max(200, "Namnet får vara högst 200 tecken.");

/** "" (no parent chosen) → null; otherwise an id from the list. */
const parentId = z.string({ error: "Välj en överordnad enhet i listan." }).trim()
  .transform((value) => value || null)
  .pipe(z.guid("Välj en överordnad enhet i listan.").nullable());

export const unitCreateSchema = z
  .object({
    intent: z.literal("create"),
    name: unitName,
    kind: z.enum(UNIT_KINDS, { error: "Välj en typ av enhet i listan." }),
    parentId,
  })
  .superRefine((value, ctx) => {
    // The same rule as the database's units_top_level_has_no_parent, said in Swedish.
    if (isTopLevelKind(value.kind) && value.parentId !== null) {
      ctx.addIssue({
        code: "custom", path: ["parentId"],
        message: "Förvaltningar och bolag ligger högst upp. Välj ”Ingen – högsta nivån”.",
      });
    }
    if (!isTopLevelKind(value.kind) && value.parentId === null) {
      ctx.addIssue({
        code: "custom", path: ["parentId"],
        message: "En avdelning eller enhet måste ligga under en annan enhet. Välj överordnad enhet.",
      });
    }
  });
export type UnitCreateInput = z.input<typeof unitCreateSchema>;

export const unitRenameSchema = z.object({ intent: z.literal("rename"), name: unitName });
export type UnitRenameInput = z.input<typeof unitRenameSchema>;

export const unitMoveSchema = z.object({
  intent: z.literal("move"),
  parentId: z.string({ error: "Välj den enhet som enheten ska flyttas till." }).trim().min(1, "Välj den enhet som enheten ska flyttas till.")
    .pipe(z.guid("Välj en överordnad enhet i listan.")),
});
export type UnitMoveInput = z.input<typeof unitMoveSchema>;

export const unitActionSchema = z.discriminatedUnion("intent", [
  unitRenameSchema,
  unitMoveSchema,
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("delete") }),
], { error: "Okänd åtgärd. Ladda om sidan och försök igen." });
export type UnitAction = z.infer<typeof unitActionSchema>;

/** ?visa=alla shows deactivated units in the tree too. */
export const unitTreeFilterSchema = z.object({
  visa: z.enum(["aktiva", "alla"]).catch("aktiva").default("aktiva"),
});
