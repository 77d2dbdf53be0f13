import { type Kysely, sql } from "kysely";
import type { Database, PortfolioObjective, ProposalItemReason } from "../../db/schema";

// Saved prioritisation proposals: decision records (the tables refuse updates and deletes).

type Db = Kysely<Database>;

export interface NewProposal {
  title: string;
  motivation: string;
  objective: PortfolioObjective;
  firstBudgetYear: number;
  budgets: number[];
  mustInclude: string[];
  mustExclude: string[];
  feasible: boolean;
  optimal: boolean;
  relativeGap: number | null;
  totalValue: number;
  costByYear: number[];
  bindingYears: number[];
  filters: Record<string, unknown>;
  createdBy: string;
}

export interface ProposalItem {
  ideaId: string;
  selected: boolean;
  value: number;
  costs: number[];
  reason: ProposalItemReason;
  blockingYears: number[];
}

export async function insertProposal(db: Db, proposal: NewProposal, items: ProposalItem[]): Promise<string> {
  const { id } = await db.insertInto("prioritisation_proposals").values({
    title: proposal.title, motivation: proposal.motivation, objective: proposal.objective,
    first_budget_year: proposal.firstBudgetYear, budgets: proposal.budgets, must_include: proposal.mustInclude,
    must_exclude: proposal.mustExclude, feasible: proposal.feasible, optimal: proposal.optimal, relative_gap: proposal.relativeGap,
    total_value: proposal.totalValue, cost_by_year: proposal.costByYear, binding_years: proposal.bindingYears,
    filters: JSON.stringify(proposal.filters), created_by: proposal.createdBy,
  }).returning("id").executeTakeFirstOrThrow();
  if (items.length > 0) {
    await db.insertInto("prioritisation_proposal_items").values(items.map((item) => ({
      proposal_id: id, idea_id: item.ideaId, selected: item.selected, value: item.value, costs: item.costs,
      reason: item.reason, blocking_years: item.blockingYears,
    }))).execute();
  }
  return id;
}

export interface ProposalSummary {
  id: string;
  title: string;
  createdByName: string;
  createdAt: Date;
  objective: PortfolioObjective;
  feasible: boolean;
  optimal: boolean;
  relativeGap: number | null;
  totalValue: number;
  chosenCount: number;
}

const num = (v: unknown) => Number(v);

function summaryQuery(db: Db) {
  return db.selectFrom("prioritisation_proposals as p")
    .innerJoin("users as u", "u.id", "p.created_by")
    .select((eb) => [
      "p.id", "p.title", "u.name as created_by_name", "p.created_at", "p.objective", "p.feasible", "p.optimal", "p.relative_gap",
      "p.total_value",
      eb.selectFrom("prioritisation_proposal_items as i").select(sql<string>`count(*)`.as("n"))
        .whereRef("i.proposal_id", "=", "p.id").where("i.selected", "=", true).as("chosen_count"),
    ]);
}

type SummaryRaw = Awaited<ReturnType<ReturnType<typeof summaryQuery>["execute"]>>[number];
const toSummary = (r: SummaryRaw): ProposalSummary => ({
  id: r.id, title: r.title, createdByName: r.created_by_name, createdAt: new Date(r.created_at), objective: r.objective,
  feasible: r.feasible, optimal: r.optimal, relativeGap: r.relative_gap === null ? null : num(r.relative_gap),
  totalValue: num(r.total_value), chosenCount: num(r.chosen_count ?? 0),
});

/** Newest first. */
export async function listProposals(db: Db, page: { limit: number; offset: number }): Promise<{ rows: ProposalSummary[]; total: number }> {
  const [rows, count] = await Promise.all([
    summaryQuery(db).orderBy("p.created_at", "desc").orderBy("p.id", "desc").limit(page.limit).offset(page.offset).execute(),
    db.selectFrom("prioritisation_proposals").select(sql<string>`count(*)`.as("n")).executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toSummary), total: num(count.n) };
}

export interface ProposalItemView extends ProposalItem {
  reference: string;
  title: string;
}

export interface ProposalDetail extends ProposalSummary {
  motivation: string;
  firstBudgetYear: number;
  budgets: number[];
  mustInclude: string[];
  mustExclude: string[];
  costByYear: number[];
  bindingYears: number[];
  filters: Record<string, unknown>;
  items: ProposalItemView[];
}

export async function findProposal(db: Db, id: string): Promise<ProposalDetail | null> {
  const row = await summaryQuery(db)
    .select(["p.motivation", "p.first_budget_year", "p.budgets", "p.must_include", "p.must_exclude", "p.cost_by_year", "p.binding_years", "p.filters"])
    .where("p.id", "=", id).executeTakeFirst();
  if (!row) return null;
  const items = await db.selectFrom("prioritisation_proposal_items as i")
    .innerJoin("ideas", "ideas.id", "i.idea_id")
    .select(["i.idea_id", "i.selected", "i.value", "i.costs", "i.reason", "i.blocking_years", "ideas.reference", "ideas.title"])
    .where("i.proposal_id", "=", id)
    .orderBy("i.selected", "desc").orderBy("i.value", "desc").orderBy("ideas.reference").execute();
  return {
    ...toSummary(row), motivation: row.motivation, firstBudgetYear: row.first_budget_year, budgets: row.budgets.map(num),
    mustInclude: row.must_include, mustExclude: row.must_exclude, costByYear: row.cost_by_year.map(num),
    bindingYears: row.binding_years.map(num), filters: row.filters,
    items: items.map((i) => ({
      ideaId: i.idea_id, selected: i.selected, value: num(i.value), costs: i.costs.map(num), reason: i.reason,
      blockingYears: i.blocking_years.map(num), reference: i.reference ?? "", title: i.title,
    })),
  };
}

/** The newest proposals for the compare page's selects. */
export async function proposalOptions(db: Db, limit = 200): Promise<{ id: string; title: string; createdAt: Date }[]> {
  const rows = await db.selectFrom("prioritisation_proposals").select(["id", "title", "created_at"])
    .orderBy("created_at", "desc").orderBy("id", "desc").limit(limit).execute();
  return rows.map((r) => ({ id: r.id, title: r.title, createdAt: new Date(r.created_at) }));
}
