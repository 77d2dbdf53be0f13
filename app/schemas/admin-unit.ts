import { z } from "zod";
import { TOP_LEVEL_UNIT_KINDS, UNIT_KINDS, type UnitKind } from "~/domain/vocabulary";
import { adminSv } from "~/i18n/admin.sv";
import { sv } from "~/i18n/sv";

const msg = adminSv.validation;

// Forms of the unit administration (/admin/units). Used by the forms (client) and the actions (server).

export const isTopLevelKind = (kind: UnitKind) => TOP_LEVEL_UNIT_KINDS.includes(kind);

const unitName = z.string({ error: msg.nameRequired }).trim()
  .min(2, msg.nameTooShort)
  .max(200, sv.validation.nameTooLong);

/** "" (no parent chosen) → null; otherwise an id from the list. */
const parentId = z.string({ error: msg.parentFromList }).trim()
  .transform((value) => value || null)
  .pipe(z.guid(msg.parentFromList).nullable());

export const unitCreateSchema = z
  .object({
    intent: z.literal("create"),
    name: unitName,
    kind: z.enum(UNIT_KINDS, { error: msg.unitKindFromList }),
    parentId,
  })
  .superRefine((value, ctx) => {
    // The same rule as the database's units_top_level_has_no_parent, said in Swedish.
    if (isTopLevelKind(value.kind) && value.parentId !== null) {
      ctx.addIssue({
        code: "custom", path: ["parentId"],
        message: msg.topLevelHasNoParent,
      });
    }
    if (!isTopLevelKind(value.kind) && value.parentId === null) {
      ctx.addIssue({
        code: "custom", path: ["parentId"],
        message: adminSv.errors.parentRequired,
      });
    }
  });
export type UnitCreateInput = z.input<typeof unitCreateSchema>;

export const unitRenameSchema = z.object({ intent: z.literal("rename"), name: unitName });
export type UnitRenameInput = z.input<typeof unitRenameSchema>;

export const unitMoveSchema = z.object({
  intent: z.literal("move"),
  parentId: z.string({ error: msg.moveTarget }).trim().min(1, msg.moveTarget)
    .pipe(z.guid(msg.parentFromList)),
});
export type UnitMoveInput = z.input<typeof unitMoveSchema>;

export const unitActionSchema = z.discriminatedUnion("intent", [
  unitRenameSchema,
  unitMoveSchema,
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("delete") }),
], { error: sv.validation.unknownIntent });
export type UnitAction = z.infer<typeof unitActionSchema>;

/** ?visa=alla shows deactivated units in the tree too. */
export const unitTreeFilterSchema = z.object({
  visa: z.enum(["aktiva", "alla"]).catch("aktiva").default("aktiva"),
});
