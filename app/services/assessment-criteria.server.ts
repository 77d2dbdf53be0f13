import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { messagesFor } from "~/i18n";
import {
  countActiveCriteria, type CriterionValues, findCriterion, freeCriterionCode, insertCriterion, lockCriteria,
  setCriterionActive, updateCriterionIfVersion,
} from "~/models/assessment-criteria.server";
import { writeAudit } from "~/models/audit-log.server";
import { type AdminActor, type AdminResult, inTransaction, notFound, Refused } from "./admin-change.server";

// The administrators' criteria: create, edit (optimistic concurrency on version), deactivate and
// reactivate. Each change writes one audit row with what it was before and after.

const t = () => messagesFor("sv").assessment.criteria.errors;

/** The edited fields, in a fixed order (compared as JSON to tell "nothing changed"). */
const auditValues = (v: CriterionValues) => ({
  name: v.name, nameEn: v.nameEn, description: v.description, weight: v.weight, guidance: [...v.guidance], position: v.position,
});

export async function createCriterion(
  db: Kysely<Database>, actor: AdminActor, values: CriterionValues,
): Promise<AdminResult<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    const code = await freeCriterionCode(trx, values.name);
    const id = await insertCriterion(trx, { ...values, code });
    await writeAudit(trx, {
      actorId: actor.actorId, action: "criterion.created", entityType: "assessment_criterion", entityId: id,
      details: { code, ...auditValues(values) }, ipAddress: actor.ipAddress,
    });
    return { id };
  });
}

export type CriterionUpdateResult = AdminResult<{ changed: boolean }> | { ok: false; status: 409; formError: string };

/** Saves the edit only if nobody changed the criterion since `expectedVersion` (else 409). */
export async function updateCriterion(
  db: Kysely<Database>, actor: AdminActor, input: { id: string; expectedVersion: number; values: CriterionValues },
): Promise<CriterionUpdateResult> {
  try {
    return await inTransaction(db, async (trx) => {
      const before = await findCriterion(trx, input.id);
      if (!before) throw notFound(t().notFound);
      if (before.version !== input.expectedVersion) throw new Conflict();
      const same = JSON.stringify(auditValues(before)) === JSON.stringify(auditValues(input.values));
      if (same) return { changed: false };
      if (!(await updateCriterionIfVersion(trx, input))) throw new Conflict();
      await writeAudit(trx, {
        actorId: actor.actorId, action: "criterion.updated", entityType: "assessment_criterion", entityId: input.id,
        details: { code: before.code, before: auditValues(before), after: auditValues(input.values) }, ipAddress: actor.ipAddress,
      });
      return { changed: true };
    });
  } catch (error) {
    if (error instanceof Conflict) return { ok: false, status: 409, formError: t().conflict };
    throw error;
  }
}

class Conflict extends Error {}

/** Deactivates or reactivates; the last active criterion cannot be deactivated. */
export async function setCriterionActivation(
  db: Kysely<Database>, actor: AdminActor, input: { id: string; active: boolean },
): Promise<AdminResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    await lockCriteria(trx);
    const before = await findCriterion(trx, input.id);
    if (!before) throw notFound(t().notFound);
    if (before.active === input.active) return { changed: false };
    if (!input.active && (await countActiveCriteria(trx)) <= 1) {
      throw new Refused({ ok: false, status: 400, formError: t().lastActive });
    }
    await setCriterionActive(trx, input.id, input.active);
    await writeAudit(trx, {
      actorId: actor.actorId, action: "criterion.updated", entityType: "assessment_criterion", entityId: input.id,
      details: { code: before.code, before: { active: before.active }, after: { active: input.active } }, ipAddress: actor.ipAddress,
    });
    return { changed: true };
  });
}
