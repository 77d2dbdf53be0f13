import { type Kysely, sql } from "kysely";
import type { Database } from "../../db/schema";

// Bearer tokens for /api/v1. Only the SHA-256 (hex) of a token and a short display prefix are
// stored; the token itself exists only in the answer to whoever created it.

type Db = Kysely<Database>;

export interface ApiTokenListRow {
  id: string;
  label: string;
  prefix: string;
  userId: string;
  userName: string;
  userEmail: string;
  createdByName: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export async function insertApiToken(
  db: Db, token: { userId: string; label: string; hash: string; prefix: string; createdBy: string | null },
): Promise<string> {
  const row = await db.insertInto("api_tokens")
    .values({ user_id: token.userId, label: token.label, token_hash: token.hash, token_prefix: token.prefix, created_by: token.createdBy })
    .returning("id").executeTakeFirstOrThrow();
  return row.id;
}

/** Newest first, one page, with the number of tokens. */
export async function listApiTokens(db: Db, page: { limit: number; offset: number }): Promise<{ rows: ApiTokenListRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.selectFrom("api_tokens as t")
      .innerJoin("users as u", "u.id", "t.user_id")
      .leftJoin("users as c", "c.id", "t.created_by")
      .select([
        "t.id", "t.label", "t.token_prefix", "t.user_id", "u.name as userName", "u.email as userEmail", "c.name as createdByName",
        "t.created_at", "t.last_used_at", "t.revoked_at",
      ])
      .orderBy("t.created_at", "desc").orderBy("t.id", "desc")
      .limit(page.limit).offset(page.offset).execute(),
    db.selectFrom("api_tokens").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return {
    total: Number(count.n),
    rows: rows.map((r) => ({
      id: r.id, label: r.label, prefix: r.token_prefix, userId: r.user_id, userName: r.userName, userEmail: r.userEmail,
      createdByName: r.createdByName, createdAt: r.created_at, lastUsedAt: r.last_used_at, revokedAt: r.revoked_at,
    })),
  };
}

/** The token with this hash and its user's state, or undefined. */
export async function findApiTokenByHash(db: Db, hash: string) {
  return db.selectFrom("api_tokens as t")
    .innerJoin("users as u", "u.id", "t.user_id")
    .select(["t.id", "t.user_id", "t.revoked_at", "t.last_used_at", "u.email", "u.name", "u.unit_id", "u.locale", "u.active"])
    .where("t.token_hash", "=", hash)
    .executeTakeFirst();
}

/** Marks an unrevoked token revoked; returns its label and prefix, or undefined when there was none to revoke. */
export async function revokeApiTokenRow(db: Db, tokenId: string, revokedBy: string | null, now: Date) {
  return db.updateTable("api_tokens").set({ revoked_at: now, revoked_by: revokedBy })
    .where("id", "=", tokenId).where("revoked_at", "is", null)
    .returning(["id", "label", "token_prefix", "user_id"]).executeTakeFirst();
}

/** Records use, at most once a minute per token. */
export async function touchApiToken(db: Db, tokenId: string, now: Date): Promise<void> {
  await db.updateTable("api_tokens").set({ last_used_at: now })
    .where("id", "=", tokenId)
    .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", sql<Date>`${now}::timestamptz - interval '1 minute'`)]))
    .execute();
}
