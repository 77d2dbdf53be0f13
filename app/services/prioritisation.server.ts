import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../db/schema";
import {
  buildCandidates, type PortfolioPin, resolvePins, type UnselectableReason, yearsOverBudget,
} from "~/domain/portfolio";
import {
  explainExclusion, MAX_CANDIDATES, type PortfolioCandidate, type PortfolioSelectionResult, selectPortfolio,
} from "~/domain/portfolio-selection";
import type { FocusArea } from "~/domain/vocabulary";
import type { PortfolioStage } from "~/domain/portfolio";
import { messagesFor } from "~/i18n";
import { writeAudit } from "~/models/audit-log.server";
import {
  listAllPortfolio, PAGE_REFRESH_BATCHES, type PortfolioQuery, type PortfolioRow, refreshPortfolioFigures, refreshPortfolioFiguresOf,
} from "~/models/portfolio.server";
import { findProposal, insertProposal, type ProposalDetail, type ProposalItem } from "~/models/prioritisation-proposals.server";
import { unitSubtreeIds } from "~/models/unit-path.server";
import type { SelectionInput } from "~/schemas/portfolio-selection";

// The optimiser's use-case: the filtered portfolio as candidates, the styrgrupp's pins, HiGHS, and
// why each idea was chosen or left out. Saving re-runs it from the submitted inputs – the client's
// result is never trusted.

export const SELECTION_TIME_LIMIT_MS = 2000;

export interface SelectionRun {
  input: SelectionInput;
  /** Candidates in the portfolio's order, with their rows. */
  candidates: (PortfolioCandidate & { row: PortfolioRow; pin: PortfolioPin; missing?: UnselectableReason })[];
  unselectable: { row: PortfolioRow; reason: UnselectableReason }[];
  result: PortfolioSelectionResult;
  items: (ProposalItem & { missing?: UnselectableReason })[];
  /** A short hash of the selected ids: the save form carries it so a changed result is noticed. */
  fingerprint: string;
  /** When infeasible: the budget years the must-includes alone break. */
  overBudgetYears: number[];
}

export type SelectionOutcome = { ok: true; run: SelectionRun } | { ok: false; field: "enhet" };

/** The portfolio query of the optimiser's filters (its default order: score, highest first). */
async function queryOf(db: Kysely<Database>, filters: SelectionInput["filters"]): Promise<PortfolioQuery | null> {
  const unitIds = filters.enhet ? await unitSubtreeIds(db, [filters.enhet]) : null;
  if (unitIds && unitIds.length === 0) return null;
  return {
    unitIds, focusArea: (filters.fokus as FocusArea | null) ?? null, stage: (filters.steg as PortfolioStage | null) ?? null,
    selfFinancing: null, search: null, sort: "score", descending: true,
  };
}

export async function runSelection(db: Kysely<Database>, input: SelectionInput): Promise<SelectionOutcome> {
  const query = await queryOf(db, input.filters);
  if (!query) return { ok: false, field: "enhet" };
  const rows = await freshCandidateRows(db, query);
  const years = input.budgets.length;
  const built = buildCandidates(rows, input.objective, input.firstYear, years, input.pins);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const { pins, mustInclude, mustExclude } = resolvePins(
    built.candidates.map((c) => ({ id: c.id, stage: rowById.get(c.id)!.stage })), input.pins,
  );
  const result = await selectPortfolio({
    candidates: built.candidates, budgets: input.budgets, mustInclude, mustExclude, timeLimitMs: SELECTION_TIME_LIMIT_MS,
  });
  const selected = new Set(result.selected);
  const items: SelectionRun["items"] = built.candidates.map((candidate) => {
    const base = { ideaId: candidate.id, value: candidate.value, costs: candidate.costs, ...(candidate.missing ? { missing: candidate.missing } : {}) };
    if (selected.has(candidate.id)) {
      return { ...base, selected: true, reason: pins[candidate.id] === "med" ? "pinned_in" : "selected", blockingYears: [] };
    }
    const why = explainExclusion(candidate, { budgets: input.budgets, mustExclude }, result.costByYear);
    return { ...base, selected: false, reason: why.reason, blockingYears: why.blockingYears };
  });
  return {
    ok: true,
    run: {
      input: { ...input, pins },
      candidates: built.candidates.map((c) => ({ ...c, row: rowById.get(c.id)!, pin: pins[c.id]! })),
      unselectable: built.unselectable.map((u) => ({ row: rowById.get(u.id)!, reason: u.reason })),
      result, items, fingerprint: selectionFingerprint(result.selected),
      overBudgetYears: result.feasible ? [] : yearsOverBudget(result.costByYear, input.budgets),
    },
  };
}

/** The selection as a short, order-independent fingerprint (sha256 of the sorted ids, 16 hex digits). */
export function selectionFingerprint(selected: readonly string[]): string {
  return createHash("sha256").update([...selected].sort().join(",")).digest("hex").slice(0, 16);
}

export type SaveProposalOutcome =
  | { ok: true; id: string; run: SelectionRun }
  | { ok: false; field: "enhet" }
  | { ok: false; conflict: "infeasible" | "changed"; run: SelectionRun };

/**
 * Re-runs the optimiser from the inputs and saves its result with the items and an audit row, in one
 * transaction. Refuses (nothing saved) an infeasible result, and a result that selects something else
 * than the one the user saw (`expectedFingerprint`).
 */
export async function saveProposal(db: Kysely<Database>, input: SelectionInput & {
  title: string; motivation: string; actorId: string; ipAddress: string | null; expectedFingerprint: string;
}): Promise<SaveProposalOutcome> {
  const outcome = await runSelection(db, input);
  if (!outcome.ok) return outcome;
  const { run } = outcome;
  const { result } = run;
  if (!result.feasible) return { ok: false, conflict: "infeasible", run };
  if (run.fingerprint !== input.expectedFingerprint) return { ok: false, conflict: "changed", run };
  const id = await db.transaction().execute(async (trx) => {
    const proposalId = await insertProposal(trx, {
      title: input.title, motivation: input.motivation, objective: input.objective, firstBudgetYear: input.firstYear,
      budgets: input.budgets,
      mustInclude: run.candidates.filter((c) => c.pin === "med").map((c) => c.id),
      mustExclude: run.candidates.filter((c) => c.pin === "ut").map((c) => c.id),
      feasible: result.feasible, optimal: result.optimal,
      relativeGap: Number.isFinite(result.relativeGap) ? Math.max(0, result.relativeGap) : null,
      totalValue: result.totalValue, costByYear: result.costByYear, bindingYears: result.bindingYears,
      filters: Object.fromEntries(Object.entries(input.filters).filter(([, v]) => v !== null)), createdBy: input.actorId,
    }, run.items);
    await writeAudit(trx, {
      actorId: input.actorId, action: "prioritisation_proposal.saved", entityType: "prioritisation_proposal", entityId: proposalId,
      details: { title: input.title, objective: input.objective, selected: result.selected.length, feasible: result.feasible },
      ipAddress: input.ipAddress,
    });
    return proposalId;
  });
  return { ok: true, id, run };
}

/** The filtered portfolio as the optimiser's form lists it before anything is computed; null for an unknown unit. */
export async function candidateRows(db: Kysely<Database>, filters: SelectionInput["filters"]): Promise<PortfolioRow[] | null> {
  const query = await queryOf(db, filters);
  if (!query) return null;
  return freshCandidateRows(db, query);
}

/**
 * The candidates with up-to-date figures: a few queued batches, then whatever of the candidates is
 * still queued (after a criteria change the background worker may not have reached them yet).
 */
async function freshCandidateRows(db: Kysely<Database>, query: PortfolioQuery): Promise<PortfolioRow[]> {
  await refreshPortfolioFigures(db, { maxBatches: PAGE_REFRESH_BATCHES });
  const rows = await listAllPortfolio(db, query, MAX_CANDIDATES);
  if (await refreshPortfolioFiguresOf(db, rows.map((row) => row.id)) === 0) return rows;
  return listAllPortfolio(db, query, MAX_CANDIDATES);
}

/** The form's list of ideas for an objective: candidates with their pins, and the ideas that lack the figure. */
export function formChoices(rows: PortfolioRow[], objective: SelectionInput["objective"], chosenPins: Record<string, string>) {
  const built = buildCandidates(rows, objective, new Date().getUTCFullYear(), 1, chosenPins);
  const rowById = new Map(rows.map((row) => [row.id, row]));
  const candidateRowsOf = built.candidates.map((c) => rowById.get(c.id)!);
  const { pins } = resolvePins(candidateRowsOf, chosenPins);
  return {
    candidates: built.candidates.map(({ id, missing }) => {
      const r = rowById.get(id)!;
      return { id, reference: r.reference, title: r.title, stage: r.stage, pin: pins[id]!, ...(missing ? { missing } : {}) };
    }),
    unselectable: built.unselectable.map((u) => {
      const r = rowById.get(u.id)!;
      return { id: r.id, reference: r.reference, title: r.title, reason: u.reason };
    }),
  };
}

/** A saved proposal by its id, for a page: 400 for a malformed id, 404 for an unknown one. */
export async function loadProposal(db: Kysely<Database>, id: string | undefined | null): Promise<ProposalDetail> {
  const t = messagesFor("sv").portfolio.proposals;
  if (!z.guid().safeParse(id).success) throw new Response(t.badId, { status: 400 });
  const proposal = await findProposal(db, id!.toLowerCase());
  if (!proposal) throw new Response(t.notFound, { status: 404 });
  return proposal;
}
