import { recordIdeaEvent } from "~/models/idea-events.server";
import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, can } from "~/domain/permissions";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import { writeAudit } from "~/models/audit-log.server";
import { cachedIdeaRead, type IdeaReadScope } from "~/services/read-cache.server";
import {
  deleteGoodExample, findGoodExampleIdea, goodExampleFactsOf, isImplemented, upsertGoodExample,
} from "~/models/good-examples.server";

export type MarkGoodExampleResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not_found" | "not_allowed" | "not_implemented" };

/**
 * Marks an införd idea as a good example (or updates the motivation), or removes the mark: the row,
 * a timeline event on the idea and the audit row in one transaction. Only the styrgrupp and
 * administrators ("good_example.mark"); only ideas carried out (avslutad, införd).
 */
export async function changeGoodExampleMark(db: Kysely<Database>, input: {
  actor: Actor; ideaId: string; intent: "mark" | "unmark"; motivation: string; now: Date; ipAddress: string | null;
}): Promise<MarkGoodExampleResult> {
  if (!can(input.actor, "good_example.mark")) return { ok: false, reason: "not_allowed" };
  return db.transaction().execute(async (trx): Promise<MarkGoodExampleResult> => {
    // Lock the idea so a mark and an unmark of the same idea queue.
    const locked = await trx.selectFrom("ideas").select("id").where("id", "=", input.ideaId).forUpdate().executeTakeFirst();
    const idea = locked ? await findGoodExampleIdea(trx, input.ideaId) : undefined;
    if (!idea || idea.submittedAt === null) return { ok: false, reason: "not_found" };
    if (!isImplemented(idea)) return { ok: false, reason: "not_implemented" };
    const base = { actorId: input.actor.id, entityType: "idea", entityId: idea.id, ipAddress: input.ipAddress };
    if (input.intent === "mark") {
      const motivation = input.motivation.trim();
      if (idea.mark?.motivation === motivation) return { ok: true, changed: false };
      await upsertGoodExample(trx, { ideaId: idea.id, motivation, markedBy: input.actor.id, now: input.now });
      await recordIdeaEvent(trx, {
        ideaId: idea.id, kind: "good_example_marked", actorId: input.actor.id, at: input.now, payload: { motivation },
      });
      await writeAudit(trx, {
        ...base, action: "good_example.marked",
        details: { reference: idea.reference, motivation, previousMotivation: idea.mark?.motivation ?? null },
      });
      return { ok: true, changed: true };
    }
    if (!(await deleteGoodExample(trx, idea.id))) return { ok: true, changed: false };
    await recordIdeaEvent(trx, { ideaId: idea.id, kind: "good_example_unmarked", actorId: input.actor.id, at: input.now, payload: {} });
    await writeAudit(trx, {
      ...base, action: "good_example.unmarked", details: { reference: idea.reference, motivation: idea.mark?.motivation ?? null },
    });
    return { ok: true, changed: true };
  });
}

/**
 * What the idea page's GoodExampleLink needs, for an idea already read: whether it is marked, how many
 * units adopted it and the example it was adopted from, in one query.
 */
export async function goodExampleFactsFor(db: Kysely<Database>, actor: Actor, idea: {
  id: string; stage: Stage; outcome: ClosingOutcome | null; submitted_at: Date | null; merged_into_id: string | null;
  adopted_from_idea_id: string | null;
}, reads?: IdeaReadScope) {
  const { marked, adoptedUnits, adoptedFrom } = await cachedIdeaRead(
    db, reads, "goodExample", () => goodExampleFactsOf(db, idea.id, idea.adopted_from_idea_id), { readsOtherIdeas: true },
  );
  const implemented = isImplemented({
    stage: idea.stage, outcome: idea.outcome, submittedAt: idea.submitted_at, mergedIntoId: idea.merged_into_id,
  });
  return {
    ideaId: idea.id,
    marked,
    mayMark: implemented && can(actor, "good_example.mark"),
    adoptedUnits,
    adoptedFrom,
  };
}
