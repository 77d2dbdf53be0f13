import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { Role } from "~/domain/vocabulary";
import { messagesFor } from "~/i18n";
import {
  findUserAccess, lockUser, replaceRoles, replaceScopes, updateHomeUnit, updateUserActive,
} from "~/models/admin-users.server";
import { writeAudit } from "~/models/audit-log.server";
import { deleteSessionsOfUser } from "~/models/session.server";
import { findUnit, findUnitsByIds } from "~/models/units.server";
import { type AdminActor, type AdminResult, inTransaction, notFound, refuseField, refuseForm } from "./admin-change.server";

// Use-cases of the user administration. Each runs in one transaction and writes its audit row there.

const errors = () => messagesFor("sv").admin.errors;
const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const audit = (actor: AdminActor, userId: string) =>
  ({ actorId: actor.actorId, ipAddress: actor.ipAddress, entityType: "user", entityId: userId });

/** Roles and, for a kontaktperson, the units they answer for. The input is already zod-validated. */
export async function updateUserAccess(
  db: Kysely<Database>,
  actor: AdminActor,
  userId: string,
  input: { roles: Role[]; scopeUnitIds: string[] },
): Promise<AdminResult<{ changed: boolean }>> {
  if (userId === actor.actorId && !input.roles.includes("administrator")) {
    return refuseField("roles", errors().ownAdminRole).refusal;
  }
  return inTransaction(db, async (trx) => {
    if (!(await lockUser(trx, userId))) throw notFound(errors().userNotFound);
    const before = await findUserAccess(trx, userId);
    const units = await findUnitsByIds(trx, input.scopeUnitIds);
    if (units.length !== input.scopeUnitIds.length) throw refuseField("scopeUnitIds", errors().unitGone);
    const newlyInactive = units.filter((unit) => !unit.active && !before.scopeUnitIds.includes(unit.id));
    if (newlyInactive.length) {
      throw refuseField("scopeUnitIds", errors().scopeUnitInactive(newlyInactive.map((unit) => unit.name).join(", ")));
    }
    const roles = input.roles.filter((role, i) => input.roles.indexOf(role) === i);
    const rolesChanged = !sameSet(before.roles, roles);
    const scopesChanged = !sameSet(before.scopeUnitIds, input.scopeUnitIds);
    if (rolesChanged) {
      await replaceRoles(trx, userId, roles);
      const after = (await findUserAccess(trx, userId)).roles;
      await writeAudit(trx, { ...audit(actor, userId), action: "user.roles_changed", details: { before: before.roles, after } });
    }
    if (scopesChanged) {
      const named = await findUnitsByIds(trx, [...before.scopeUnitIds, ...input.scopeUnitIds]);
      const describe = (ids: string[]) => ids.map((id) => ({ id, name: named.find((unit) => unit.id === id)?.name ?? null }));
      await replaceScopes(trx, userId, input.scopeUnitIds);
      await writeAudit(trx, {
        ...audit(actor, userId), action: "user.scopes_changed",
        details: { before: describe(before.scopeUnitIds), after: describe(input.scopeUnitIds) },
      });
    }
    return { changed: rolesChanged || scopesChanged };
  });
}

/** The unit the person works in (their home unit). */
export async function changeHomeUnit(
  db: Kysely<Database>, actor: AdminActor, userId: string, unitId: string,
): Promise<AdminResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user) throw notFound(errors().userNotFound);
    if (user.unitId === unitId) return { changed: false };
    const unit = await findUnit(trx, unitId);
    if (!unit) throw refuseField("unitId", errors().unitGone);
    if (!unit.active) throw refuseField("unitId", errors().homeUnitInactive);
    const previous = user.unitId ? await findUnit(trx, user.unitId) : undefined;
    await updateHomeUnit(trx, userId, unitId);
    await writeAudit(trx, {
      ...audit(actor, userId), action: "user.unit_changed",
      details: {
        before: previous ? { id: previous.id, name: previous.name } : null,
        after: { id: unit.id, name: unit.name },
      },
    });
    return { changed: true };
  });
}

/**
 * Deactivates the account and ends all its sessions in the same transaction, so the person is
 * signed out at once (sign-in already refuses inactive accounts). An admin cannot deactivate themself.
 */
export async function deactivateUser(
  db: Kysely<Database>, actor: AdminActor, userId: string,
): Promise<AdminResult<{ changed: boolean }>> {
  if (userId === actor.actorId) return refuseForm(errors().ownDeactivation).refusal;
  return inTransaction(db, async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user) throw notFound(errors().userNotFound);
    if (!user.active) return { changed: false };
    await updateUserActive(trx, userId, false, actor.now);
    await deleteSessionsOfUser(trx, userId);
    await writeAudit(trx, { ...audit(actor, userId), action: "user.deactivated", details: { email: user.email } });
    return { changed: true };
  });
}

export async function reactivateUser(
  db: Kysely<Database>, actor: AdminActor, userId: string,
): Promise<AdminResult<{ changed: boolean }>> {
  return inTransaction(db, async (trx) => {
    const user = await lockUser(trx, userId);
    if (!user) throw notFound(errors().userNotFound);
    if (user.active) return { changed: false };
    await updateUserActive(trx, userId, true, actor.now);
    await writeAudit(trx, { ...audit(actor, userId), action: "user.reactivated", details: { email: user.email } });
    return { changed: true };
  });
}
