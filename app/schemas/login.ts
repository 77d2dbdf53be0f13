import { z } from "zod";
import { ssoSv } from "~/i18n/sso.sv";
import { sv } from "~/i18n/sv";

const msg = ssoSv.validation;

/** Sign-in with a local account. Used by the form (client) and the action (server). */
export const loginSchema = z.object({
  email: z.string().trim().min(1, msg.emailRequired).max(320, sv.validation.emailTooLong)
    .email(msg.emailInvalid),
  password: z.string().min(1, msg.passwordRequired).max(1024, msg.passwordTooLong),
  redirectTo: z.string().max(2000).optional(),
});

export type LoginInput = z.infer<typeof loginSchema>;
