import { z } from "zod";
import { ROLES } from "~/domain/vocabulary";
import { adminSv } from "~/i18n/admin.sv";
import { securitySv } from "~/i18n/security.sv";
import { sv } from "~/i18n/sv";

const msg = adminSv.validation;

// Forms and filters of the user administration (/admin/users). Used by the forms (client) and the
// loaders/actions (server) alike.

/** Any 8-4-4-4-12 hex id, which is exactly what PostgreSQL's uuid type accepts from us. */
export const idSchema = z.guid();

export const USER_STATUS_FILTERS = ["aktiva", "inaktiverade", "alla"] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

/** The search form on /admin/users (GET, so everything arrives as text from the URL). */
export const userSearchSchema = z.object({
  q: z.string({ error: msg.searchTextRequired }).trim().max(200, sv.validation.searchTooLong).default(""),
  roll: z.enum(["", ...ROLES], { error: msg.roleFromList }).default(""),
  status: z.enum(USER_STATUS_FILTERS, { error: securitySv.errors.status }).default("aktiva"),
  // A hand-edited page number is not worth an error page: anything odd means the first page.
  sida: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type UserSearchInput = z.infer<typeof userSearchSchema>;

/** Roles and, for a kontaktperson, the units they answer for. */
export const userAccessSchema = z
  .object({
    intent: z.literal("access"),
    roles: z.array(z.enum(ROLES, { error: msg.rolesFromList }), { error: adminSv.userEdit.rolesHint })
      .min(1, msg.roleRequired),
    scopeUnitIds: z.array(z.guid(msg.unitsFromList), { error: msg.unitsFromList })
      .max(500, msg.tooManyUnits)
      .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  })
  .superRefine((value, ctx) => {
    const isContact = value.roles.includes("kontaktperson");
    if (isContact && value.scopeUnitIds.length === 0) {
      ctx.addIssue({
        code: "custom", path: ["scopeUnitIds"],
        message: msg.contactUnitRequired,
      });
    }
    if (!isContact && value.scopeUnitIds.length > 0) {
      ctx.addIssue({
        code: "custom", path: ["scopeUnitIds"],
        message: msg.scopeOnlyForContact,
      });
    }
  });
export type UserAccessInput = z.input<typeof userAccessSchema>;

export const userUnitSchema = z.object({
  intent: z.literal("unit"),
  unitId: z.string({ error: msg.unitRequired }).trim().min(1, msg.unitRequired).pipe(z.guid(sv.validation.unitFromList)),
});
export type UserUnitInput = z.input<typeof userUnitSchema>;

export const userActionSchema = z.discriminatedUnion("intent", [
  userAccessSchema,
  userUnitSchema,
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
], { error: sv.validation.unknownIntent });
export type UserAction = z.infer<typeof userActionSchema>;

/** FormData → the plain object the schema expects (checkbox groups become arrays). */
export function userActionInput(form: FormData): Record<string, unknown> {
  return {
    ...Object.fromEntries(form),
    roles: form.getAll("roles"),
    scopeUnitIds: form.getAll("scopeUnitIds"),
  };
}
