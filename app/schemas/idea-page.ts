import { z } from "zod";
import { COMMENT_MAX } from "./limits";
import { FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";
import { ideasSv } from "~/i18n/ideas.sv";
import { sv } from "~/i18n/sv";

const msg = ideasSv.validation;

// The idea pages: the id in the URL, the search on /ideas, and the actions on /ideas/<id>.
// Used by the forms (client) and the loaders/actions (server) alike.

/** An idea id from the URL: anything but a uuid is a 404 before the database is asked. */
export const ideaIdSchema = z.guid();

export { COMMENT_MAX } from "./limits";

const commentBody = z.string({ error: msg.commentRequired }).trim()
  .min(1, msg.commentRequired)
  .max(COMMENT_MAX, msg.commentTooLong);

export const commentSchema = z.object({ intent: z.literal("comment"), body: commentBody });
export type CommentInput = z.infer<typeof commentSchema>;

export const editCommentSchema = z.object({
  intent: z.literal("edit_comment"),
  commentId: z.guid(msg.commentNotFound),
  body: commentBody,
});

export const ideaPageActionSchema = z.discriminatedUnion("intent", [
  commentSchema,
  editCommentSchema,
  z.object({ intent: z.literal("follow") }),
  z.object({ intent: z.literal("unfollow") }),
], { error: sv.validation.unknownIntent });
export type IdeaPageAction = z.infer<typeof ideaPageActionSchema>;

export const IDEA_SORTS = ["nyast", "mest_stod", "senast_aktiv"] as const;

/** The search on /ideas (GET): every value lives in the URL so a search can be shared. */
export const ideaSearchSchema = z.object({
  q: z.string().trim().max(200, sv.validation.searchTooLong).default(""),
  steg: z.enum(["", ...STAGES], { error: msg.stageFromList }).default(""),
  typ: z.enum(["", ...IDEA_KINDS], { error: msg.kindFromList }).default(""),
  enhet: z.union([z.literal(""), z.guid(sv.validation.unitFromList)]).default(""),
  fokus: z.enum(["", ...FOCUS_AREAS], { error: msg.focusAreaFromList }).default(""),
  sortering: z.enum(IDEA_SORTS, { error: msg.sortFromList }).default("nyast"),
  sida: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type IdeaSearchInput = z.infer<typeof ideaSearchSchema>;

export const notificationActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("mark_read"), id: z.coerce.number().int().positive(msg.notificationNotFound) }),
  z.object({ intent: z.literal("mark_all_read") }),
], { error: sv.validation.unknownIntent });

export const notificationSettingsSchema = z.object({
  notificationMode: z.enum(["immediate", "daily_digest"], { error: ideasSv.settings.invalidMode }),
});
export type NotificationSettingsInput = z.infer<typeof notificationSettingsSchema>;
