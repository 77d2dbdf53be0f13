import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { STAGES, type Stage } from "~/domain/vocabulary";
import { cachedCountRead } from "~/services/read-cache.server";

/**
 * Submitted ideas per stage (drafts are not counted); every stage is present, zero if empty.
 * A count over every idea, so it is read once per data generation (bumped whenever ideas change).
 */
export async function countSubmittedIdeasByStage(db: Kysely<Database>): Promise<Record<Stage, number>> {
  return cachedCountRead(db, "submitted-ideas-by-stage", async () => {
    const rows = await db
      .selectFrom("ideas")
      .select(["stage", (eb) => eb.fn.countAll<number>().as("count")])
      .where("submitted_at", "is not", null)
      .groupBy("stage")
      .execute();
    const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
    for (const row of rows) counts[row.stage] = Number(row.count);
    return counts;
  });
}
