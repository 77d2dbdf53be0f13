import { z } from "zod";
import { ROLES } from "~/domain/vocabulary";

// Forms and filters of the user administration (/admin/users). Used by the forms (client) and the
// loaders/actions (server) alike.

/** Any 8-4-4-4-12 hex id, which is exactly what PostgreSQL's uuid type accepts from us. */
export const idSchema = z.guid();

export const USER_STATUS_FILTERS = ["aktiva", "inaktiverade", "alla"] as const;
export type UserStatusFilter = (typeof USER_STATUS_FILTERS)[number];

/** The search form on /admin/users (GET, so everything arrives as text from the URL). */
export const userSearchSchema = z.object({
  q: z.string({ error: "Ange en söktext." }).trim().max(200, "Sökningen får vara högst 200 tecken.").default(""),
  roll: z.enum(["", ...ROLES], { error: "Välj en roll i listan." }).default(""),
  status: z.enum(USER_STATUS_FILTERS, { error: "Välj en status i listan." }).default("aktiva"),
  // A hand-edited page number is not worth an error page: anything odd means the first page.
  sida: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type UserSearchInput = z.infer<typeof userSearchSchema>;

/** Roles and, for a kontaktperson, the units they answer for. */
export const userAccessSchema = z
  .object({
    intent: z.literal("access"),
    roles: z.array(z.enum(ROLES, { error: "Välj roller i listan." }), { error: "Välj minst en roll." })
      .min(1, "Välj minst en roll. Alla som kan logga in behöver en roll."),
    scopeUnitIds: z.array(z.guid("Välj enheterna i listan."), { error: "Välj enheterna i listan." })
      .max(500, "Välj högst 500 enheter.")
      .transform((ids) => [...new Set(ids.map((id) => id.toLowerCase()))]),
  })
  .superRefine((value, ctx) => {
    const isContact = value.roles.includes("kontaktperson");
    if (isContact && value.scopeUnitIds.length === 0) {
      ctx.addIssue({
        code: "custom", path: ["scopeUnitIds"],
        message: "Välj minst en enhet som kontaktpersonen ansvarar för.",
      });
    }
    if (!isContact && value.scopeUnitIds.length > 0) {
      ctx.addIssue({
        code: "custom", path: ["scopeUnitIds"],
        message: "Ansvarsområden gäller bara rollen kontaktperson. Välj rollen kontaktperson eller avmarkera enheterna.",
      });
    }
  });
export type UserAccessInput = z.input<typeof userAccessSchema>;

export const userUnitSchema = z.object({
  intent: z.literal("unit"),
  unitId: z.string({ error: "Välj en enhet." }).trim().min(1, "Välj en enhet.").pipe(z.guid("Välj en enhet i listan.")),
});
export type UserUnitInput = z.input<typeof userUnitSchema>;

export const userActionSchema = z.discriminatedUnion("intent", [
  userAccessSchema,
  userUnitSchema,
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
], { error: "Okänd åtgärd. Ladda om sidan och försök igen." });
export type UserAction = z.infer<typeof userActionSchema>;

/** FormData → the plain object the schema expects (checkbox groups become arrays). */
export function userActionInput(form: FormData): Record<string, unknown> {
  return {
    ...Object.fromEntries(form),
    roles: form.getAll("roles"),
    scopeUnitIds: form.getAll("scopeUnitIds"),
  };
}
