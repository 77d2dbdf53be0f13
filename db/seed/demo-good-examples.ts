import type { Kysely } from "kysely";
import type { Database } from "../schema";

// Demo good examples (issue 8): the styrgrupp has marked two of the införda demo ideas. Separate from
// the main demo seed so it can be called (or left out) on its own; run it after the demo ideas exist.

const EXAMPLES: { title: string; motivation: string; daysAgo: number }[] = [
  {
    title: "Dokumentation i mobilen direkt vid besöket i hemtjänsten",
    motivation: "Dokumentationen görs vid besöket i stället för i efterhand: mer tid hos brukaren, färre fel och nyttan är bekräftad i uppföljningen. Passar alla hemtjänstgrupper i staden.",
    daysAgo: 250,
  },
];

/** Marks the demo's good examples (idempotent; ideas missing from the data are skipped). */
export async function seedDemoGoodExamples(db: Kysely<Database>, options: { now: Date }): Promise<number> {
  const steering = await db.selectFrom("users").select("id").where("email", "=", "styrgrupp@idesluss.test").executeTakeFirst();
  if (!steering) return 0;
  let marked = 0;
  for (const example of EXAMPLES) {
    const idea = await db.selectFrom("ideas").select("id").where("title", "=", example.title)
      .where("stage", "=", "avslutad").where("outcome", "=", "inford").executeTakeFirst();
    if (!idea) continue;
    const result = await db.insertInto("good_examples").values({
      idea_id: idea.id, motivation: example.motivation, marked_by: steering.id,
      marked_at: new Date(options.now.getTime() - example.daysAgo * 86_400_000),
    }).onConflict((oc) => oc.column("idea_id").doNothing()).executeTakeFirst();
    marked += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return marked;
}
