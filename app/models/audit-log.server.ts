import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";

export interface AuditEntry {
  actorId: string | null;
  /** dotted, lower-case: "auth.sign_in", "user.roles_changed", "gate_decision.recorded" … */
  action: string;
  entityType: string;
  entityId: string | null;
  details?: Record<string, unknown>;
  ipAddress?: string | null;
}

/** The one writer of the audit log. Rows are append-only (a trigger refuses updates and deletes). */
export async function writeAudit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
      ip_address: entry.ipAddress ?? null,
    })
    .execute();
}
