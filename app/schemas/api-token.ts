import { z } from "zod";

// The form on /admin/api-nycklar (issue a token, revoke one) and the CLI's arguments.

export const apiTokenCreateSchema = z.object({
  intent: z.literal("create"),
  email: z.string({ error: "Skriv personens e-postadress." }).trim().toLowerCase()
    .min(1, "Skriv personens e-postadress.").max(254, "E-postadressen är för lång.")
    .pipe(z.email("Skriv en giltig e-postadress, till exempel namn@stockholm.se.")),
  label: z.string({ error: "Skriv vad nyckeln ska användas till." }).trim()
    .min(1, "Skriv vad nyckeln ska användas till.").max(100, "Beskrivningen får vara högst 100 tecken."),
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateSchema>;

export const apiTokenRevokeSchema = z.object({
  intent: z.literal("revoke"),
  tokenId: z.guid("Nyckeln finns inte."),
});
