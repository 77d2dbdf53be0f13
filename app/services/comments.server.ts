import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { messagesFor } from "~/i18n";
import { findOwnCommentForUpdate, insertComment, reviseComment } from "~/models/comments.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followIdea, followerIds } from "~/models/idea-followers.server";
import { notifyUsers } from "./notify.server";

/**
 * A comment on a submitted idea: the comment, a timeline event, a notification to everyone who follows
 * the idea (but the author), and the author starts following — all in one transaction.
 */
export async function addComment(
  db: Kysely<Database>,
  input: { idea: { id: string; title: string }; author: { id: string; name: string }; body: string; now: Date },
): Promise<string> {
  const t = messagesFor("sv").ideas.email;
  return db.transaction().execute(async (trx) => {
    const commentId = await insertComment(trx, { ideaId: input.idea.id, authorId: input.author.id, body: input.body, now: input.now });
    await recordIdeaEvent(trx, { ideaId: input.idea.id, kind: "commented", actorId: input.author.id, payload: { commentId }, at: input.now });
    await notifyUsers(trx, {
      userIds: await followerIds(trx, input.idea.id),
      exceptUserId: input.author.id,
      ideaId: input.idea.id,
      kind: "comment",
      title: t.commentTitle(input.idea.title),
      body: t.commentBody(input.author.name, input.body),
      now: input.now,
    });
    await followIdea(trx, input.idea.id, input.author.id);
    return commentId;
  });
}

/** Changes the wording of one's own comment; the earlier wording is kept. False when not theirs. */
export async function editComment(
  db: Kysely<Database>,
  input: { ideaId: string; commentId: string; authorId: string; body: string; now: Date },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const comment = await findOwnCommentForUpdate(trx, input);
    if (!comment) return false;
    if (comment.body === input.body) return true;
    await reviseComment(trx, { commentId: comment.id, oldBody: comment.body, newBody: input.body, now: input.now });
    await recordIdeaEvent(trx, {
      ideaId: input.ideaId, kind: "comment_edited", actorId: input.authorId, payload: { commentId: comment.id }, at: input.now,
    });
    return true;
  });
}
