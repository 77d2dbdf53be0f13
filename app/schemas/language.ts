import { z } from "zod";
import { sv } from "~/i18n/sv";

// The language switch in the page header (POST /sprak): the language and the page to come back to.
export const languageChoiceSchema = z.object({
  sprak: z.enum(["sv", "en"], { error: sv.shell.language.invalid }),
  // The page to go back to; one too long (a very long filter address) goes to the start page instead.
  tillbaka: z.string().max(2000).optional().catch("/").default("/"),
});
export type LanguageChoice = z.infer<typeof languageChoiceSchema>;

/** The language setting in Inställningar (saved together with the e-mail setting); absent = unchanged. */
export const languageSettingSchema = z.object({ sprak: languageChoiceSchema.shape.sprak.optional() });
