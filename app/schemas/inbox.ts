import { z } from "zod";
import { INBOX_AGES, INBOX_OWNER_FILTERS, INBOX_SORTS } from "~/domain/inbox";
import { FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";

// The inbox's URL filters and the forms of /ideas/<id>/hantera and /admin/installningar.
// Used by the forms (client) and the loaders/actions (server).

/** An empty select ("any") is the same as leaving the parameter out. */
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: message }).optional());

export const inboxFilterSchema = z.object({
  steg: optionalChoice(STAGES, "Välj ett steg i listan."),
  typ: optionalChoice(IDEA_KINDS, "Välj en typ av idé i listan."),
  fokus: optionalChoice(FOCUS_AREAS, "Välj ett fokusområde i listan."),
  alder: optionalChoice(INBOX_AGES, "Välj en ålder i listan."),
  agare: optionalChoice(INBOX_OWNER_FILTERS, "Välj ansvarig i listan.").transform((v) => v ?? "alla"),
  sortering: optionalChoice(INBOX_SORTS, "Välj en sortering i listan.").transform((v) => v ?? "aldst"),
  enhet: z.preprocess((v) => (v === "" ? undefined : v), z.guid("Välj en enhet i listan.").optional()),
  sida: z.preprocess((v) => (v === "" || v === undefined ? "1" : v),
    z.coerce.number({ error: "Sidnumret måste vara ett heltal." }).int("Sidnumret måste vara ett heltal.")
      .min(1, "Sidnumret måste vara minst 1.").max(100_000, "Sidnumret är för stort.")),
});
export type InboxFilter = z.output<typeof inboxFilterSchema>;

const version = z.string({ error: "Ladda om sidan och försök igen." }).regex(/^\d{1,9}$/, "Ladda om sidan och försök igen.");

export const takeOwnershipSchema = z.object({
  intent: z.literal("take"),
  version,
  redirectTo: z.string().max(2000).optional(),
});

export const reassignSchema = z.object({
  intent: z.literal("reassign"),
  version,
  ownerId: z.string({ error: "Välj vem som ska ta över idén." }).trim().min(1, "Välj vem som ska ta över idén.")
    .pipe(z.guid("Välj en person i listan.")),
  message: z.string({ error: "Skriv ett meddelande till den nya ansvariga." }).trim()
    .min(1, "Skriv ett meddelande till den nya ansvariga.")
    .max(2000, "Meddelandet får vara högst 2000 tecken."),
});
export type ReassignInput = z.input<typeof reassignSchema>;

export const mergeSchema = z.object({
  intent: z.literal("merge"),
  version,
  targetReference: z.string({ error: "Skriv idénumret på den idé som den här ska slås ihop med." }).trim()
    .min(1, "Skriv idénumret på den idé som den här ska slås ihop med.")
    .regex(/^IDE[-\s]?\d{4}[-\s]?\d{1,6}$/i, "Skriv idénumret så här: IDE-2026-0042."),
  motivation: z.string({ error: "Motivera varför idéerna slås ihop." }).trim()
    .min(1, "Motivera varför idéerna slås ihop.")
    .max(2000, "Motiveringen får vara högst 2000 tecken."),
});
export type MergeInput = z.input<typeof mergeSchema>;

export const overdueSettingSchema = z.object({
  overdueDays: z.string({ error: "Ange antal dagar." }).trim()
    .min(1, "Ange antal dagar.")
    .regex(/^\d+$/, "Ange ett heltal, till exempel 14.")
    .refine((v) => Number(v) >= 1, "Ange minst 1 dag.")
    .refine((v) => Number(v) <= 365, "Ange högst 365 dagar."),
});
export type OverdueSettingInput = z.input<typeof overdueSettingSchema>;
