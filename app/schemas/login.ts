import { z } from "zod";

/** Sign-in with a local account. Used by the form (client) and the action (server). */
export const loginSchema = z.object({
  email: z.string().trim().min(1, "Ange din e-postadress.").max(320, "E-postadressen är för lång.")
    .email("Ange en giltig e-postadress, till exempel fornamn.efternamn@stockholm.se."),
  password: z.string().min(1, "Ange ditt lösenord.").max(1024, "Lösenordet är för långt."),
  redirectTo: z.string().max(2000).optional(),
});

export type LoginInput = z.infer<typeof loginSchema>;
