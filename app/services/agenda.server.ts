import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { BusinessCaseResult } from "~/domain/business-case";
import { daysInStage } from "~/domain/portfolio";
import type { Actor } from "~/domain/permissions";
import { mayReadScreening } from "~/domain/security-screening";
import {
  type GateRequirement, type IdeaPosition, transitionsFrom, unmetRequirements,
} from "~/domain/stage-machine";
import { AGENDA_LIMIT, agendaIdeaRows, awaitingIdeaIds } from "~/models/agenda.server";
import { findBusinessCases } from "~/models/business-cases.server";
import { type IdeaDeviation, listDeviationsOfIdeas } from "~/models/deviations.server";
import { gatherGateEvidenceFor } from "~/models/gate-evidence.server";
import { type PortfolioRow, refreshPortfolioFiguresOf } from "~/models/portfolio.server";
import { type ScreeningSummary, screeningSummariesFor } from "~/models/security-screenings.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { figuresOf } from "~/services/business-case.server";

// The steering group's meeting agenda: every idea whose next gate the styrgrupp decides, longest
// waiting first, each with what the one-page summary shows (composed from several models).

type Db = Kysely<Database>;

export interface AgendaItem extends PortfolioRow {
  daysWaiting: number;
  problem: string;
  proposedSolution: string;
  /** The expected scenario's result, for the cumulative chart; null without a case with lines. */
  businessCase: { startYear: number; result: BusinessCaseResult } | null;
  screening: ScreeningSummary;
  deviations: IdeaDeviation[];
  checklist: { nextMoveId: string | null; next: IdeaPosition | null; items: { requirement: GateRequirement; met: boolean }[] };
}

export async function agendaFor(db: Db, input: { actor: Actor; unitId: string | null; now: Date }): Promise<{ items: AgendaItem[]; total: number }> {
  const unitIds = input.unitId ? await unitSubtreeIds(db, [input.unitId]) : null;
  const { ids, total } = await awaitingIdeaIds(db, unitIds, AGENDA_LIMIT);
  if (ids.length === 0) return { items: [], total };
  // The ideas up for decision get their own figures recomputed if a change queued them.
  await refreshPortfolioFiguresOf(db, ids);
  const waiting = await agendaIdeaRows(db, ids);

  // Only the styrgrupp and administrators open the agenda, and they may read every screening
  // whatever the unit: the unit's own id stands in for its path.
  const mayReadScreeningOf = new Map(waiting.map(({ id, unitId, submitterId, stage, ownerId }) =>
    [id, mayReadScreening(input.actor, { unitPath: [unitId], submitterId, stage, ownerId })]));
  // The rest in one batch per table, whatever the number of ideas (bounded by AGENDA_LIMIT).
  const [cases, screenings, deviationLists, evidenceOf] = await Promise.all([
    findBusinessCases(db, ids),
    screeningSummariesFor(db, ids, (id) => mayReadScreeningOf.get(id) ?? false),
    listDeviationsOfIdeas(db, ids),
    gatherGateEvidenceFor(db, ids),
  ]);

  const items: AgendaItem[] = [];
  // The submitter and owner only served the screening access above; the agenda does not show them.
  for (const { submitterId: _submitterId, ownerId: _ownerId, ...row } of waiting) {
    const view = cases.get(row.id) ?? null;
    const screening = screenings.get(row.id);
    const deviations = deviationLists.get(row.id) ?? [];
    const evidence = evidenceOf.get(row.id);
    if (!screening || !evidence) throw new Error(`agendaFor: idea ${row.id} disappeared while the agenda was read`);
    // The next gate: the forward move, or (from införande) closing the idea as carried out.
    const moves = transitionsFrom({ stage: row.stage, outcome: row.outcome });
    const next = moves.find((t) => t.kind === "forward") ?? moves.find((t) => t.outcome === "inford") ?? null;
    const unmet = next ? unmetRequirements(next, evidence) : [];
    items.push({
      ...row,
      daysWaiting: daysInStage(row.stageChangedAt, input.now),
      businessCase: view && view.lines.length > 0 ? { startYear: view.startYear, result: figuresOf(view).result } : null,
      screening,
      deviations,
      checklist: {
        nextMoveId: next?.id ?? null,
        next: next ? { stage: next.to, outcome: next.outcome } : null,
        items: (next?.requires ?? []).map((requirement) => ({ requirement, met: !unmet.includes(requirement) })),
      },
    });
  }
  return { items, total };
}
