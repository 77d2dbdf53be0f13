import { z } from "zod";
import { exportsSv } from "~/i18n/exports.sv";

const msg = exportsSv.validation;

// The form on /admin/api-nycklar (issue a token, revoke one) and the CLI's arguments.

export const apiTokenCreateSchema = z.object({
  intent: z.literal("create"),
  email: z.string({ error: msg.emailRequired }).trim().toLowerCase()
    .min(1, msg.emailRequired).max(254, msg.emailTooLong)
    .pipe(z.email(msg.emailInvalid)),
  label: z.string({ error: msg.labelRequired }).trim()
    .min(1, msg.labelRequired).max(100, msg.labelTooLong),
});
export type ApiTokenCreateInput = z.infer<typeof apiTokenCreateSchema>;

export const apiTokenRevokeSchema = z.object({
  intent: z.literal("revoke"),
  tokenId: z.guid(msg.tokenNotFound),
});
