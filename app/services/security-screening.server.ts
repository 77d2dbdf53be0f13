import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  missingScreeningFields, protectionLevel, type ScreeningAnswers, type ScreeningField, screeningEditable,
  screeningInconsistencies, type ScreeningInconsistency,
} from "~/domain/security-screening";
import { writeAudit } from "~/models/audit-log.server";
import { recordIdeaEvent } from "~/models/idea-events.server";
import { insertScreening, lockScreening, updateScreening } from "~/models/security-screenings.server";

export type SaveScreeningResult =
  | { ok: true; outcome: "draft" | "completed" | "reopened" }
  | { ok: false; reason: "not_found" | "locked" | "conflict" }
  | { ok: false; reason: "incomplete"; missing: ScreeningField[] }
  | { ok: false; reason: "inconsistent"; problems: ScreeningInconsistency[] };

/**
 * Saves an idea's information-security screening as a draft or as completed, only over the version
 * the person opened (0 = none saved yet) and only while the idea is in inskickad, bedömning or
 * prioritering. Completing requires every answer; it writes the audit row and the timeline event.
 * Saving a completed screening as a draft reopens it (the pilot gate then waits for it again) and is
 * audited too. The idea row is share-locked, so a gate decision cannot slip in between.
 */
export async function saveScreening(
  db: Kysely<Database>,
  input: {
    actorId: string;
    ideaId: string;
    intent: "draft" | "complete";
    answers: ScreeningAnswers;
    notes: string;
    expectedVersion: number;
    now: Date;
    ipAddress: string | null;
  },
): Promise<SaveScreeningResult> {
  const problems = screeningInconsistencies(input.answers);
  if (problems.length) return { ok: false, reason: "inconsistent", problems };
  if (input.intent === "complete") {
    const missing = missingScreeningFields(input.answers);
    if (missing.length) return { ok: false, reason: "incomplete", missing };
  }
  return db.transaction().execute(async (trx): Promise<SaveScreeningResult> => {
    const idea = await trx.selectFrom("ideas").select(["id", "reference", "stage", "submitted_at", "merged_into_id"])
      .where("id", "=", input.ideaId).forShare().executeTakeFirst();
    if (!idea || idea.submitted_at === null) return { ok: false, reason: "not_found" };
    if (!screeningEditable({ stage: idea.stage, merged: idea.merged_into_id !== null })) return { ok: false, reason: "locked" };

    const completedAt = input.intent === "complete" ? input.now : null;
    const saved = { ideaId: idea.id, answers: input.answers, notes: input.notes, userId: input.actorId, completedAt };
    const current = await lockScreening(trx, idea.id);
    let wasCompleted = false;
    let version: number;
    if (input.expectedVersion === 0) {
      if (current || !(await insertScreening(trx, { ...saved, now: input.now }))) return { ok: false, reason: "conflict" };
      version = 1;
    } else {
      if (!current || current.version !== input.expectedVersion) return { ok: false, reason: "conflict" };
      wasCompleted = current.completed_at !== null;
      if (!(await updateScreening(trx, { ...saved, expectedVersion: input.expectedVersion }))) return { ok: false, reason: "conflict" };
      version = input.expectedVersion + 1;
    }

    const a = input.answers;
    const details = {
      reference: idea.reference, version, stage: idea.stage,
      confidentiality: a.confidentiality, integrity: a.integrity, availability: a.availability,
      protectionLevel: protectionLevel(a), handlesPersonalData: a.handlesPersonalData,
      handlesSensitivePersonalData: a.handlesSensitivePersonalData, dpiaNeeded: a.dpiaNeeded, informationOwner: a.informationOwner,
    };
    if (input.intent === "complete") {
      await writeAudit(trx, {
        actorId: input.actorId, action: "security_screening.completed", entityType: "idea", entityId: idea.id, details,
        ipAddress: input.ipAddress,
      });
      // The timeline is shown to everyone who may see the idea: no levels or answers in it.
      await recordIdeaEvent(trx, { ideaId: idea.id, kind: "security_screened", actorId: input.actorId, payload: { version }, at: input.now });
      return { ok: true, outcome: "completed" };
    }
    if (wasCompleted) {
      await writeAudit(trx, {
        actorId: input.actorId, action: "security_screening.reopened", entityType: "idea", entityId: idea.id, details,
        ipAddress: input.ipAddress,
      });
      return { ok: true, outcome: "reopened" };
    }
    return { ok: true, outcome: "draft" };
  });
}
