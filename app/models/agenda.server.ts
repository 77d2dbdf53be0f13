import { type Kysely, type RawBuilder, sql } from "kysely";
import type { Database } from "../../db/schema";
import { ACTIVE_PORTFOLIO_STAGES, type PortfolioStage } from "~/domain/portfolio";
import { stageDecidedBySteering } from "~/domain/stage-machine";
import { type PortfolioRow, portfolioRowsByIds } from "~/models/portfolio.server";

// The steering group's meeting agenda, data access only: which ideas wait for the styrgrupp's decision
// (selected, counted and ordered in SQL) and their portfolio figures. The composition per idea (case,
// screening, deviations, gate checklist) is in app/services/agenda.server.ts.

type Db = Kysely<Database>;

/** The portfolio stages whose moves the styrgrupp decides, read from the stage machine. */
export const AGENDA_STAGES: readonly PortfolioStage[] =
  ACTIVE_PORTFOLIO_STAGES.filter((stage) => stageDecidedBySteering({ stage, outcome: null }));

/** A meeting takes up a bounded number of ideas; the page says when more are waiting. */
export const AGENDA_LIMIT = 30;

const num = (value: unknown) => Number(value);

/**
 * Ideas waiting for the styrgrupp: submitted, unmerged ideas in its stages; a pilot only once it has been
 * evaluated (both moves out of pilot need an evaluation). Optionally limited to these units.
 */
function awaitingConditions(unitIds: readonly string[] | null): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [
    sql`i.submitted_at is not null and i.merged_into_id is null`,
    sql`i.stage = any(${[...AGENDA_STAGES]}::text[])`,
    sql`(i.stage <> 'pilot' or exists (select 1 from pilot_evaluations pe where pe.idea_id = i.id))`,
  ];
  if (unitIds) parts.push(sql`i.unit_id = any(${[...unitIds]}::uuid[])`);
  return sql.join(parts, sql` and `);
}

/** The ids of the ideas waiting longest (oldest stage change first) and how many wait in all. */
export async function awaitingIdeaIds(db: Db, unitIds: readonly string[] | null, limit: number): Promise<{ ids: string[]; total: number }> {
  const [{ rows }, count] = await Promise.all([
    sql<{ id: string }>`
      select i.id from ideas i where ${awaitingConditions(unitIds)}
      order by i.stage_changed_at, i.id limit ${limit}`.execute(db),
    sql<{ n: unknown }>`select count(*) as n from ideas i where ${awaitingConditions(unitIds)}`.execute(db),
  ]);
  return { ids: rows.map((r) => r.id), total: num(count.rows[0]?.n ?? 0) };
}

export interface AgendaIdeaRow extends PortfolioRow {
  problem: string;
  proposedSolution: string;
  submitterId: string;
  ownerId: string | null;
}

/**
 * These ideas with their portfolio figures (as the portfolio page shows them: call refreshPortfolioFigures
 * first) and the texts the agenda prints, in the order of `ids`.
 */
export async function agendaIdeaRows(db: Db, ids: readonly string[]): Promise<AgendaIdeaRow[]> {
  if (ids.length === 0) return [];
  const [rows, texts] = await Promise.all([
    portfolioRowsByIds(db, ids),
    db.selectFrom("ideas").select(["id", "problem", "proposed_solution", "submitter_id", "owner_id"]).where("id", "in", [...ids]).execute(),
  ]);
  const textOf = new Map(texts.map((t) => [t.id, t]));
  return rows.map((row) => {
    const text = textOf.get(row.id)!;
    return { ...row, problem: text.problem, proposedSolution: text.proposed_solution, submitterId: text.submitter_id, ownerId: text.owner_id };
  });
}
