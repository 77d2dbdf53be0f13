import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

type Db = Kysely<Database>;

export interface CommentView {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: Date;
  /** Earlier wordings, oldest first. */
  revisions: { body: string; replacedAt: Date }[];
}

export const COMMENT_LIMIT = 500;

/** The idea's comments, oldest first, each with its earlier wordings – one query. */
export async function listComments(db: Db, ideaId: string): Promise<CommentView[]> {
  const comments = await db
    .selectFrom("comments")
    .innerJoin("users", "users.id", "comments.author_id")
    .select((eb) => [
      "comments.id", "comments.author_id", "users.name", "comments.body", "comments.created_at",
      // Most comments were never edited: the subquery is an index probe that finds nothing.
      eb.selectFrom("comment_revisions as r")
        .select(sql<{ body: string; replaced_at: string }[]>`json_agg(json_build_object('body', r.body, 'replaced_at', r.replaced_at)
          order by r.replaced_at, r.id)`.as("list"))
        .whereRef("r.comment_id", "=", "comments.id")
        .as("revisions"),
    ])
    .where("comments.idea_id", "=", ideaId)
    .where("comments.deleted_at", "is", null)
    .orderBy("comments.created_at")
    .orderBy("comments.id")
    .limit(COMMENT_LIMIT)
    .execute();
  return comments.map((c) => ({
    id: c.id, authorId: c.author_id, authorName: c.name, body: c.body, createdAt: c.created_at,
    revisions: (c.revisions ?? []).map((r) => ({ body: r.body, replacedAt: new Date(r.replaced_at) })),
  }));
}

export async function countComments(db: Db, ideaId: string): Promise<number> {
  const row = await db.selectFrom("comments").select((eb) => eb.fn.countAll<string>().as("n"))
    .where("idea_id", "=", ideaId).where("deleted_at", "is", null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertComment(db: Db, input: { ideaId: string; authorId: string; body: string; now: Date }): Promise<string> {
  const row = await db.insertInto("comments")
    .values({ idea_id: input.ideaId, author_id: input.authorId, body: input.body, created_at: input.now, updated_at: input.now })
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** The author's own live comment on this idea, locked for the edit. */
export async function findOwnCommentForUpdate(db: Db, input: { commentId: string; ideaId: string; authorId: string }) {
  return db.selectFrom("comments").select(["id", "body"])
    .where("id", "=", input.commentId).where("idea_id", "=", input.ideaId).where("author_id", "=", input.authorId)
    .where("deleted_at", "is", null).forUpdate().executeTakeFirst();
}

/** Replaces the wording; the old one goes to comment_revisions. */
export async function reviseComment(db: Db, input: { commentId: string; oldBody: string; newBody: string; now: Date }) {
  await db.insertInto("comment_revisions").values({ comment_id: input.commentId, body: input.oldBody, replaced_at: input.now }).execute();
  await db.updateTable("comments").set({ body: input.newBody, updated_at: input.now }).where("id", "=", input.commentId).execute();
}
