import { z } from "zod";
import { FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";

// The idea pages: the id in the URL, the search on /ideas, and the actions on /ideas/<id>.
// Used by the forms (client) and the loaders/actions (server) alike.

/** An idea id from the URL: anything but a uuid is a 404 before the database is asked. */
export const ideaIdSchema = z.guid();

export const COMMENT_MAX = 4000;

const commentBody = z.string({ error: "Skriv en kommentar." }).trim()
  .min(1, "Skriv en kommentar.")
  .max(COMMENT_MAX, `Kommentaren får vara högst ${COMMENT_MAX} tecken.`);

export const commentSchema = z.object({ intent: z.literal("comment"), body: commentBody });
export type CommentInput = z.infer<typeof commentSchema>;

export const editCommentSchema = z.object({
  intent: z.literal("edit_comment"),
  commentId: z.guid("Kommentaren finns inte."),
  body: commentBody,
});

export const ideaPageActionSchema = z.discriminatedUnion("intent", [
  commentSchema,
  editCommentSchema,
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
], { error: "Okänd åtgärd. Ladda om sidan och försök igen." });
export type IdeaPageAction = z.infer<typeof ideaPageActionSchema>;

export const IDEA_SORTS = ["nyast", "mest_stod", "senast_aktiv"] as const;

/** The search on /ideas (GET): every value lives in the URL so a search can be shared. */
export const ideaSearchSchema = z.object({
  q: z.string().trim().max(200, "Sökningen får vara högst 200 tecken.").default(""),
  steg: z.enum(["", ...STAGES], { error: "Välj ett steg i listan." }).default(""),
  typ: z.enum(["", ...IDEA_KINDS], { error: "Välj en typ i listan." }).default(""),
  enhet: z.union([z.literal(""), z.guid("Välj en enhet i listan.")]).default(""),
  fokus: z.enum(["", ...FOCUS_AREAS], { error: "Välj ett fokusområde i listan." }).default(""),
  sortering: z.enum(IDEA_SORTS, { error: "Välj en sortering i listan." }).default("nyast"),
  sida: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type IdeaSearchInput = z.infer<typeof ideaSearchSchema>;

export const notificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mark_read"), id: z.coerce.number().int().positive("Notisen finns inte.") }),
  z.object({ intent: z.literal("mark_all_read") }),
], { error: "Okänd åtgärd. Ladda om sidan och försök igen." });

export const notificationSettingsSchema = z.object({
  notificationMode: z.enum(["immediate", "daily_digest"], { error: "Välj hur du vill få e-post." }),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
