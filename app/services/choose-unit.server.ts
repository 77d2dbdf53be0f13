import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { writeAudit } from "~/models/audit-log.server";
import { setUnitIfMissing } from "~/models/oidc-user.server";
import { findSelectableUnit } from "~/models/selectable-unit.server";

export type ChooseUnitResult = { ok: true } | { ok: false; reason: "unknown_unit" | "already_chosen" };

/** A person without a unit (first sign-in with the city's account) picks theirs, once. */
export function chooseOwnUnit(
  db: Kysely<Database>,
  input: { userId: string; unitId: string; ipAddress: string | null },
): Promise<ChooseUnitResult> {
  return db.transaction().execute(async (trx): Promise<ChooseUnitResult> => {
    const unit = await findSelectableUnit(trx, input.unitId);
    if (!unit) return { ok: false, reason: "unknown_unit" };
    if (!(await setUnitIfMissing(trx, input.userId, unit.id))) return { ok: false, reason: "already_chosen" };
    await writeAudit(trx, {
      actorId: input.userId, action: "user.unit_chosen", entityType: "user", entityId: input.userId,
      details: { unitId: unit.id, source: "user" }, ipAddress: input.ipAddress,
    });
    return { ok: true };
  });
}
