import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, coversUnit } from "~/domain/permissions";
import { goodExamplesSv } from "~/i18n/good-examples.sv";
import { writeAudit } from "~/models/audit-log.server";
import {
  findBusinessCase, insertBusinessCase, insertBusinessCaseVersion, replaceBusinessCaseLines,
} from "~/models/business-cases.server";
import { findAdoption, findGoodExampleIdea, isImplemented, lockGoodExample } from "~/models/good-examples.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { followIdea } from "~/models/idea-followers.server";
import { markSubmitted, nextReferenceNumber } from "~/models/ideas.server";
import { unitPathOf } from "~/models/unit-path.server";
import { decideGateWithin } from "./gate-decision.server";
import { stockholmYear } from "~/domain/stockholm-year";

export type AdoptResult =
  | { ok: true; ideaId: string; reference: string }
  | { ok: false; reason: "not_found" | "not_good_example" | "unit_not_allowed" }
  | { ok: false; reason: "already_adopted"; existingId: string; existingReference: string | null }
  | { ok: false; reason: "gate_refused"; detail: string };

/** Raised inside the transaction to roll it back when the gate decision is refused. */
class GateRefused extends Error {
  constructor(readonly detail: string) { super(`Gate decision refused: ${detail}`); }
}

/**
 * A kontaktperson (or administrator) takes a good example into one of their units, in ONE transaction:
 * a new submitted idea (reference number, submitter and owner = the adopter, the original's description,
 * `adopted_from_idea_id`), a copy of the original's current business case (version 1, every line for
 * the new unit, starting this year), the gate decision inskickad → bedömning through decideGate, the
 * timeline and the audit rows. The same example is adopted at most once per unit, and never into the
 * original's own unit.
 */
export async function adoptGoodExample(db: Kysely<Database>, input: {
  actor: Actor & { name: string }; originalId: string; unitId: string; now: Date; ipAddress: string | null;
}): Promise<AdoptResult> {
  const { actor, now } = input;
  const t = goodExamplesSv.adopt;
  try {
    return await db.transaction().execute(async (trx): Promise<AdoptResult> => {
      // Locking the example row queues two adoptions of it, so the duplicate check below is reliable.
      const example = await lockGoodExample(trx, input.originalId);
      const original = await findGoodExampleIdea(trx, input.originalId);
      if (!original || original.submittedAt === null) return { ok: false, reason: "not_found" };
      if (!example || !isImplemented(original)) return { ok: false, reason: "not_good_example" };

      const unit = await trx.selectFrom("units").select(["id", "name", "active"]).where("id", "=", input.unitId).executeTakeFirst();
      // The example is already in use in its own unit: adopting it there would only duplicate it.
      if (!unit || !unit.active || unit.id === original.unitId) return { ok: false, reason: "unit_not_allowed" };
      const unitPath = await unitPathOf(trx, unit.id);
      if (!actor.roles.includes("administrator") && !coversUnit(actor, { unitPath })) return { ok: false, reason: "unit_not_allowed" };
      const existing = await findAdoption(trx, original.id, unit.id);
      if (existing) return { ok: false, reason: "already_adopted", existingId: existing.id, existingReference: existing.reference };

      const source = await trx.selectFrom("ideas").selectAll().where("id", "=", original.id).executeTakeFirstOrThrow();
      const { id: ideaId } = await trx.insertInto("ideas").values({
        title: t.adoptedTitle(source.title),
        problem: source.problem,
        proposed_solution: source.proposed_solution,
        kind: source.kind,
        target_groups: source.target_groups,
        focus_areas: source.focus_areas,
        approaches: source.approaches,
        expected_benefits: source.expected_benefits,
        estimated_hours_saved_per_month: source.estimated_hours_saved_per_month,
        estimated_savings_per_year: source.estimated_savings_per_year,
        estimated_cost: source.estimated_cost,
        handles_personal_data: source.handles_personal_data,
        handles_sensitive_personal_data: source.handles_sensitive_personal_data,
        information_owner: source.information_owner,
        // As the submit form's default (hideName unchecked): the adopter's name is shown.
        name_visibility: "public",
        submitter_id: actor.id,
        unit_id: unit.id,
        adopted_from_idea_id: original.id,
      }).returning("id").executeTakeFirstOrThrow();
      const year = stockholmYear(now);
      const { reference, version } = await markSubmitted(trx, ideaId, {
        year, number: await nextReferenceNumber(trx, year), ownerId: actor.id, now,
      });
      await recordIdeaEvent(trx, { ideaId, kind: "submitted", actorId: actor.id, at: now, payload: { reference, adoptedFrom: original.id } });
      await recordIdeaEvent(trx, { ideaId, kind: "owner_changed", actorId: actor.id, at: now, payload: { from: null, to: actor.id, via: "adoption" } });
      await followIdea(trx, ideaId, actor.id);
      await writeAudit(trx, {
        actorId: actor.id, action: "idea.submitted", entityType: "idea", entityId: ideaId, ipAddress: input.ipAddress,
        details: { reference, ownerId: actor.id, routedBy: "adoption", adoptedFrom: original.id },
      });

      // The original's current case as a starting point: same amounts, every line for the new unit, from this year.
      const sourceCase = await findBusinessCase(trx, original.id);
      let caseLines = 0;
      if (sourceCase) {
        const { version: _v, ...content } = sourceCase;
        const snapshot = { ...content, startYear: year, lines: content.lines.map((line) => ({ ...line, unitId: unit.id })) };
        await insertBusinessCase(trx, ideaId, snapshot, actor.id);
        await replaceBusinessCaseLines(trx, ideaId, snapshot.lines);
        await insertBusinessCaseVersion(trx, { ideaId, version: 1, snapshot, savedBy: actor.id, savedAt: now });
        await recordIdeaEvent(trx, { ideaId, kind: "business_case_saved", actorId: actor.id, at: now, payload: { version: 1, copiedFrom: original.id } });
        caseLines = snapshot.lines.length;
      }

      const decision = await decideGateWithin(trx, {
        actor, ideaId, transitionId: "start_assessment", motivation: t.autoMotivation(original.reference ?? ""),
        meetingReference: null, expectedVersion: version, now, ipAddress: input.ipAddress,
      });
      if (!decision.ok) throw new GateRefused(decision.reason);

      await recordIdeaEvent(trx, {
        ideaId: original.id, kind: "adopted_as_good_example", actorId: actor.id, at: now,
        payload: { adoptedIdeaId: ideaId, reference, unitId: unit.id },
      });
      await writeAudit(trx, {
        actorId: actor.id, action: "good_example.adopted", entityType: "idea", entityId: original.id, ipAddress: input.ipAddress,
        details: {
          originalReference: original.reference, adoptedIdeaId: ideaId, adoptedReference: reference, unitId: unit.id,
          unitName: unit.name, businessCaseLines: caseLines, gateDecisionId: decision.decisionId,
        },
      });
      return { ok: true, ideaId, reference };
    });
  } catch (error) {
    if (error instanceof GateRefused) return { ok: false, reason: "gate_refused", detail: error.detail };
    throw error;
  }
}
