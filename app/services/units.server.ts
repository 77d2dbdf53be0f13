import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import type { UnitKind } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import {
  deleteUnitRow, descendantIds, findUnit, insertUnit, isSelfOrDescendant, isStillReferenced, isUnitNameConflict,
  lockUnit, lockUnits, nameTakenUnder, setUnitsActive, unitDependents, type UnitRow, updateUnitName, updateUnitParent,
} from "~/models/units.server";
import { isTopLevelKind } from "~/schemas/admin-unit";
import {
  type AdminActor, type AdminRefusal, type AdminResult, inTransaction, notFound, refuseField, refuseForm,
} from "./admin-change.server";

// Use-cases of the unit administration. Each runs in one transaction and writes its audit row there.

const errors = () => messagesFor("sv").admin.errors;
const audit = (actor: AdminActor, unitId: string) =>
  ({ actorId: actor.actorId, ipAddress: actor.ipAddress, entityType: "unit", entityId: unitId });

/** The unique index (units_name_unique_per_parent) fired after our own check: someone was quicker. */
const nameConflict = (field: "name" | "parentId") => (error: unknown): AdminRefusal | null =>
  isUnitNameConflict(error) ? refuseField(field, errors().unitNameTaken).refusal : null;

/**
 * Where a unit may sit. The database allows avdelning/enhet under any unit and top-level kinds under
 * none; we also keep an avdelning from being placed under an enhet, so the tree reads
 * förvaltning → avdelning → enhet.
 */
async function checkParent(trx: Transaction<Database>, kind: UnitKind, parentId: string): Promise<UnitRow> {
  if (isTopLevelKind(kind)) throw refuseField("parentId", errors().topLevelHasNoParent);
  const parent = await lockUnit(trx, parentId);
  if (!parent) throw refuseField("parentId", errors().unitGone);
  if (!parent.active) throw refuseField("parentId", errors().parentInactive);
  if (kind === "avdelning" && parent.kind === "enhet") throw refuseField("parentId", errors().departmentUnderUnit);
  return parent;
}

export async function createUnit(
  db: Kysely<Database>, actor: AdminActor, input: { name: string; kind: UnitKind; parentId: string | null },
): Promise<AdminResult<{ id: string }>> {
  return inTransaction(db, async (trx) => {
    let parent: UnitRow | null = null;
    if (input.parentId !== null) parent = await checkParent(trx, input.kind, input.parentId);
    else if (!isTopLevelKind(input.kind)) throw refuseField("parentId", errors().parentRequired);
    if (await nameTakenUnder(trx, input.parentId, input.name)) throw refuseField("name", errors().unitNameTaken);
    const id = await insertUnit(trx, input);
    await writeAudit(trx, {
      ...audit(actor, id), action: "unit.created",
      details: { name: input.name, kind: input.kind, parent: parent && { id: parent.id, name: parent.name } },
    });
    return { id };
  }, nameConflict("name"));
}

export async function renameUnit(
  db: Kysely<Database>, actor: AdminActor, unitId: string, name: string,
): Promise<AdminResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    const unit = await lockUnit(trx, unitId);
    if (!unit) throw notFound(errors().unitNotFound);
    if (unit.name === name) return { changed: false };
    if (await nameTakenUnder(trx, unit.parentId, name, unit.id)) throw refuseField("name", errors().unitNameTaken);
    await updateUnitName(trx, unit.id, name);
    await writeAudit(trx, { ...audit(actor, unit.id), action: "unit.renamed", details: { before: unit.name, after: name } });
    return { changed: true };
  }, nameConflict("name"));
}

/** A new parent for an avdelning or enhet; never itself or anything below it. */
export async function moveUnit(
  db: Kysely<Database>, actor: AdminActor, unitId: string, parentId: string,
): Promise<AdminResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    // Both rows locked (in id order) before the loop check, so two crossing moves cannot build a loop.
    await lockUnits(trx, [unitId, parentId]);
    const unit = await lockUnit(trx, unitId);
    if (!unit) throw notFound(errors().unitNotFound);
    if (isTopLevelKind(unit.kind)) throw refuseField("parentId", errors().topLevelCannotMove);
    if (unit.parentId === parentId) return { changed: false };
    if (await isSelfOrDescendant(trx, unit.id, parentId)) throw refuseField("parentId", errors().moveUnderItself);
    const parent = await checkParent(trx, unit.kind, parentId);
    if (await nameTakenUnder(trx, parentId, unit.name, unit.id)) throw refuseField("parentId", errors().nameTakenAtTarget);
    const previous = unit.parentId ? await findUnit(trx, unit.parentId) : undefined;
    await updateUnitParent(trx, unit.id, parentId);
    await writeAudit(trx, {
      ...audit(actor, unit.id), action: "unit.moved",
      details: {
        name: unit.name,
        before: previous ? { id: previous.id, name: previous.name } : null,
        after: { id: parent.id, name: parent.name },
      },
    });
    return { changed: true };
  }, nameConflict("parentId"));
}

/**
 * Deactivates the unit and every active unit below it (a deactivated förvaltning with active
 * avdelningar would be a half-closed branch). Each affected unit gets its own audit row.
 */
export async function deactivateUnit(
  db: Kysely<Database>, actor: AdminActor, unitId: string,
): Promise<AdminResult<{ changed: boolean; alsoDeactivated: number }>> {
  return inTransaction(db, async (trx) => {
    const unit = await lockUnit(trx, unitId);
    if (!unit) throw notFound(errors().unitNotFound);
    if (!unit.active) return { changed: false, alsoDeactivated: 0 };
    const below = await descendantIds(trx, unit.id);
    const changed = await setUnitsActive(trx, [unit.id, ...below], false);
    const cascaded = changed.filter((id) => id !== unit.id);
    await writeAudit(trx, {
      ...audit(actor, unit.id), action: "unit.deactivated", details: { name: unit.name, alsoDeactivated: cascaded.length },
    });
    for (const id of cascaded) {
      await writeAudit(trx, { ...audit(actor, id), action: "unit.deactivated", details: { via: { id: unit.id, name: unit.name } } });
    }
    return { changed: true, alsoDeactivated: cascaded.length };
  });
}

/** Reactivates the unit alone (its sub-units one by one, as needed); its parent must be active. */
export async function reactivateUnit(
  db: Kysely<Database>, actor: AdminActor, unitId: string,
): Promise<AdminResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    const unit = await lockUnit(trx, unitId);
    if (!unit) throw notFound(errors().unitNotFound);
    if (unit.active) return { changed: false };
    const parent = unit.parentId ? await lockUnit(trx, unit.parentId) : undefined;
    if (parent && !parent.active) throw refuseForm(errors().reactivateParentFirst(parent.name));
    await setUnitsActive(trx, [unit.id], true);
    await writeAudit(trx, { ...audit(actor, unit.id), action: "unit.reactivated", details: { name: unit.name } });
    return { changed: true };
  });
}

/**
 * Deletes a unit nothing refers to: no ideas, people, kontaktperson scopes, sub-units or
 * business-case lines. Anything else is kept; deactivation is the way to retire it.
 */
export async function deleteUnit(
  db: Kysely<Database>, actor: AdminActor, unitId: string,
): Promise<AdminResult<{ name: string }>> {
  return inTransaction(db, async (trx) => {
    const unit = await lockUnit(trx, unitId);
    if (!unit) throw notFound(errors().unitNotFound);
    const dependents = await unitDependents(trx, unit.id);
    if (Object.values(dependents).some((count) => count > 0)) throw refuseForm(errors().unitInUse(dependents));
    await deleteUnitRow(trx, unit.id);
    await writeAudit(trx, {
      ...audit(actor, unit.id), action: "unit.deleted",
      details: { name: unit.name, kind: unit.kind, parentId: unit.parentId },
    });
    return { name: unit.name };
  }, (error) => (isStillReferenced(error) ? refuseForm(errors().unitStillReferenced).refusal : null));
}
