import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { STAGES, type Stage } from "~/domain/vocabulary";

/** Submitted ideas per stage (drafts are not counted); every stage is present, zero if empty. */
export async function countSubmittedIdeasByStage(db: Kysely<Database>): Promise<Record<Stage, number>> {
  const rows = await db
    .selectFrom("ideas")
    .select(["stage", (eb) => eb.fn.countAll<number>().as("count")])
    .where("submitted_at", "is not", null)
    .groupBy("stage")
    .execute();
  const counts = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const row of rows) counts[row.stage] = Number(row.count);
  return counts;
}
