import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import type { BusinessCaseResult } from "~/domain/business-case";
import { ACTIVE_PORTFOLIO_STAGES, daysInStage, type PortfolioStage } from "~/domain/portfolio";
import { mayReadScreening } from "~/domain/security-screening";
import type { Actor } from "~/domain/permissions";
import {
  type GateRequirement, type IdeaPosition, stageDecidedBySteering, transitionsFrom, unmetRequirements,
} from "~/domain/stage-machine";
import { findBusinessCase } from "~/models/business-cases.server";
import { type IdeaDeviation, listIdeaDeviations } from "~/models/deviations.server";
import { gatherGateEvidence } from "~/models/gate-evidence.server";
import { listPortfolio, type PortfolioRow, refreshPortfolioFigures } from "~/models/portfolio.server";
import { type ScreeningSummary, screeningSummaryFor } from "~/models/security-screenings.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import { figuresOf } from "~/services/business-case.server";

// The steering group's meeting agenda: every idea whose next gate the styrgrupp decides, longest
// waiting first, each with what the one-page summary shows.

type Db = Kysely<Database>;

/** The portfolio stages whose moves the styrgrupp decides, read from the stage machine. */
export const AGENDA_STAGES: readonly PortfolioStage[] =
  ACTIVE_PORTFOLIO_STAGES.filter((stage) => stageDecidedBySteering({ stage, outcome: null }));

/** A meeting takes up a bounded number of ideas; the page says when more are waiting. */
export const AGENDA_LIMIT = 30;
/** How many of the portfolio's longest-waiting ideas are considered (the active portfolio is far smaller). */
const AGENDA_CANDIDATE_LIMIT = 2000;

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
  await refreshPortfolioFigures(db);
  const unitIds = input.unitId ? await unitSubtreeIds(db, [input.unitId]) : null;
  // The portfolio's default stages are the active ones; keep only those the machine gives the styrgrupp.
  const { rows: candidates } = await listPortfolio(db, {
    unitIds, focusArea: null, stage: null, selfFinancing: null, search: null, sort: "age", descending: true,
  }, { limit: AGENDA_CANDIDATE_LIMIT, offset: 0 });
  // A pilot waits for the styrgrupp only once it has been evaluated (both moves out of pilot need an
  // evaluation); ideas in prioritering and införande always wait for its decision.
  const pilotIds = candidates.filter((row) => row.stage === "pilot").map((row) => row.id);
  const evaluated = new Set(pilotIds.length === 0 ? [] : (await db.selectFrom("pilot_evaluations").select("idea_id").distinct()
    .where("idea_id", "in", pilotIds).execute()).map((r) => r.idea_id));
  const awaiting = candidates.filter((row) =>
    (AGENDA_STAGES as readonly string[]).includes(row.stage) && (row.stage !== "pilot" || evaluated.has(row.id)));
  const total = awaiting.length;
  const waiting = awaiting.slice(0, AGENDA_LIMIT);
  if (waiting.length === 0) return { items: [], total: 0 };

  // One query for the texts and the facts permissions need; the rest per idea (bounded by AGENDA_LIMIT).
  const texts = await db.selectFrom("ideas")
    .select(["id", "problem", "proposed_solution", "submitter_id", "owner_id"])
    .where("id", "in", waiting.map((row) => row.id)).execute();
  const byId = new Map(texts.map((t) => [t.id, t]));

  const items: AgendaItem[] = [];
  for (const row of waiting) {
    const text = byId.get(row.id)!;
    // Only the styrgrupp and administrators open the agenda, and they may read every screening
    // whatever the unit: the unit's own id stands in for its path.
    const resource = { unitPath: [row.unitId], submitterId: text.submitter_id, stage: row.stage, ownerId: text.owner_id };
    const [view, screening, deviations, evidence] = await Promise.all([
      findBusinessCase(db, row.id),
      screeningSummaryFor(db, row.id, { details: mayReadScreening(input.actor, resource) }),
      listIdeaDeviations(db, row.id),
      gatherGateEvidence(db, row.id),
    ]);
    // The next gate: the forward move, or (from införande) closing the idea as carried out.
    const moves = transitionsFrom({ stage: row.stage, outcome: row.outcome });
    const next = moves.find((t) => t.kind === "forward") ?? moves.find((t) => t.outcome === "inford") ?? null;
    const unmet = next ? unmetRequirements(next, evidence) : [];
    items.push({
      ...row,
      daysWaiting: daysInStage(row.stageChangedAt, input.now),
      problem: text.problem,
      proposedSolution: text.proposed_solution,
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
