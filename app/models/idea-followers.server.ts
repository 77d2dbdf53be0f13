import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export async function followIdea(db: Kysely<Database>, ideaId: string, userId: string): Promise<void> {
  await db.insertInto("idea_followers").values({ idea_id: ideaId, user_id: userId })
    .onConflict((oc) => oc.columns(["idea_id", "user_id"]).doNothing()).execute();
}

export async function unfollowIdea(db: Kysely<Database>, ideaId: string, userId: string): Promise<void> {
  await db.deleteFrom("idea_followers").where("idea_id", "=", ideaId).where("user_id", "=", userId).execute();
}

export async function followerIds(db: Kysely<Database>, ideaId: string): Promise<string[]> {
  const rows = await db.selectFrom("idea_followers").select("user_id").where("idea_id", "=", ideaId).execute();
  return rows.map((r) => r.user_id);
}
