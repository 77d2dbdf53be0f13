import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { IdeaKind } from "~/domain/vocabulary";
import { writeAudit } from "~/models/audit-log.server";
import {
  deleteRoutingRule, findRoutingRule, insertRoutingRule, listPossibleOwners, setRoutingRuleActive,
} from "~/models/routing-rules.server";
import { findSelectableUnit } from "~/models/selectable-unit.server";
import { submitSv } from "~/i18n/submit.sv";

type Refusal = { ok: false; fieldErrors: Record<string, string> } | { ok: false; notFound: true };

export async function createRoutingRule(db: Kysely<Database>, input: {
  actorId: string; ipAddress: string | null;
  rule: { unitId: string | null; kind: IdeaKind | null; ownerId: string; priority: number; description: string };
}): Promise<{ ok: true; id: string } | Refusal> {
  if (input.rule.unitId && !(await findSelectableUnit(db, input.rule.unitId))) {
    return { ok: false, fieldErrors: { unitId: submitSv.validation.ruleUnitInactive } };
  }
  if (!(await listPossibleOwners(db)).some((owner) => owner.id === input.rule.ownerId)) {
    return { ok: false, fieldErrors: { ownerId: submitSv.validation.ruleRecipientInvalid } };
  }
  const id = await db.transaction().execute(async (trx) => {
    const id = await insertRoutingRule(trx, { ...input.rule, createdBy: input.actorId });
    await writeAudit(trx, {
      actorId: input.actorId, action: "routing_rule.created", entityType: "routing_rule", entityId: id,
      details: { ...input.rule }, ipAddress: input.ipAddress,
    });
    return id;
  });
  return { ok: true, id };
}

export async function changeRoutingRule(db: Kysely<Database>, input: {
  actorId: string; ipAddress: string | null; ruleId: string; change: "activate" | "deactivate" | "delete";
}): Promise<{ ok: true } | Refusal> {
  return db.transaction().execute(async (trx) => {
    const rule = await findRoutingRule(trx, input.ruleId);
    if (!rule) return { ok: false, notFound: true } as const;
    const before = { unitId: rule.unit_id, kind: rule.kind, ownerId: rule.owner_id, priority: rule.priority, active: rule.active };
    if (input.change === "delete") {
      await deleteRoutingRule(trx, rule.id);
    } else {
      await setRoutingRuleActive(trx, rule.id, input.change === "activate");
    }
    await writeAudit(trx, {
      actorId: input.actorId, action: input.change === "delete" ? "routing_rule.deleted" : "routing_rule.updated",
      entityType: "routing_rule", entityId: rule.id, ipAddress: input.ipAddress,
      details: input.change === "delete" ? { before } : { before: { active: rule.active }, after: { active: input.change === "activate" } },
    });
    return { ok: true } as const;
  });
}
