import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.
// The steering group's portfolio (issue 8): each idea's key figures kept beside it (recomputed when
// its business case, stage or the criteria change), prioritisation proposals saved as decision
// records, bearer tokens for the read-only API, good examples and ideas adopted from them.

const statements = [
  // Key figures of an idea for the portfolio list, the optimiser, exports and the API. Derived data:
  // app/models/portfolio.server.ts recomputes a row when what it was computed from changed: the idea
  // (its version: stage changes bump it), its business case version, or the assessment criteria.
  sql`create table idea_portfolio_figures (
      idea_id uuid primary key references ideas(id) on delete cascade,
      idea_version integer not null,
      criteria_changed_at timestamptz,
      business_case_version integer,
      start_year integer check (start_year between 2000 and 2200),
      npv bigint,
      financial_npv bigint,
      benefit_cost_ratio double precision,
      payback_months numeric(6,1),
      self_financing boolean,
      total_costs bigint,
      total_savings bigint,
      costs_by_year bigint[] not null default '{}',
      savings_by_year bigint[] not null default '{}',
      weighted_score numeric(5,2) check (weighted_score between 0 and 5),
      assessor_count integer not null default 0 check (assessor_count >= 0),
      computed_at timestamptz not null default now()
    )`,

  // A prioritisation proposal: the optimiser's input and result as the styrgrupp saved it, with a
  // motivation. A decision record: never changed afterwards.
  sql`create table prioritisation_proposals (
      id uuid primary key default gen_random_uuid(),
      title text not null check (length(btrim(title)) between 1 and 200),
      motivation text not null check (length(btrim(motivation)) between 1 and 5000),
      objective text not null check (objective in ('weighted_score','npv','financial_npv','score_per_krona')),
      first_budget_year integer not null check (first_budget_year between 2000 and 2200),
      budgets bigint[] not null check (cardinality(budgets) between 1 and 10),
      must_include uuid[] not null default '{}',
      must_exclude uuid[] not null default '{}',
      feasible boolean not null,
      optimal boolean not null,
      relative_gap double precision check (relative_gap >= 0),
      total_value double precision not null,
      cost_by_year bigint[] not null,
      binding_years integer[] not null default '{}',
      filters jsonb not null default '{}'::jsonb check (jsonb_typeof(filters) = 'object'),
      created_by uuid not null references users(id) on delete restrict,
      created_at timestamptz not null default now()
    )`,
  sql`create index prioritisation_proposals_created_idx on prioritisation_proposals (created_at desc, id desc)`,
  sql`create index prioritisation_proposals_created_by_idx on prioritisation_proposals (created_by)`,
  sql`create trigger prioritisation_proposals_immutable before update or delete on prioritisation_proposals
      for each row execute function forbid_change()`,
  sql`create table prioritisation_proposal_items (
      proposal_id uuid not null references prioritisation_proposals(id) on delete restrict,
      idea_id uuid not null references ideas(id) on delete restrict,
      selected boolean not null,
      value double precision not null,
      costs bigint[] not null,
      reason text not null check (reason in ('selected','pinned_in','pinned_out','over_budget','no_value')),
      blocking_years integer[] not null default '{}',
      primary key (proposal_id, idea_id)
    )`,
  sql`create index prioritisation_proposal_items_idea_idx on prioritisation_proposal_items (idea_id)`,
  sql`create trigger prioritisation_proposal_items_immutable before update or delete on prioritisation_proposal_items
      for each row execute function forbid_change()`,

  // Bearer tokens for /api/v1: only the SHA-256 of the token is kept; the prefix identifies it in lists.
  sql`create table api_tokens (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete restrict,
      label text not null check (length(btrim(label)) between 1 and 100),
      token_hash text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
      token_prefix text not null check (length(token_prefix) between 4 and 16),
      created_by uuid references users(id) on delete restrict,
      created_at timestamptz not null default now(),
      last_used_at timestamptz,
      revoked_at timestamptz,
      revoked_by uuid references users(id) on delete restrict
    )`,
  sql`create index api_tokens_created_idx on api_tokens (created_at desc, id desc)`,
  sql`create index api_tokens_user_idx on api_tokens (user_id, created_at desc)`,
  sql`create index api_tokens_created_by_idx on api_tokens (created_by) where created_by is not null`,
  sql`create index api_tokens_revoked_by_idx on api_tokens (revoked_by) where revoked_by is not null`,

  // Införda ideas the styrgrupp holds up as good examples; any unit may adopt one.
  sql`create table good_examples (
      idea_id uuid primary key references ideas(id) on delete restrict,
      motivation text not null check (length(btrim(motivation)) between 1 and 2000),
      marked_by uuid not null references users(id) on delete restrict,
      marked_at timestamptz not null default now()
    )`,
  sql`create index good_examples_marked_idx on good_examples (marked_at desc, idea_id)`,
  sql`create index good_examples_marked_by_idx on good_examples (marked_by)`,
  sql`alter table ideas add column adopted_from_idea_id uuid references ideas(id) on delete restrict`,
  sql`create index ideas_adopted_from_idx on ideas (adopted_from_idea_id) where adopted_from_idea_id is not null`,

  // Time in stage and the funnel read gate decisions by the stage they left.
  sql`create index gate_decisions_from_stage_idx on gate_decisions (from_stage, decided_at)`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists gate_decisions_from_stage_idx`.execute(db);
  await sql`alter table ideas drop column if exists adopted_from_idea_id`.execute(db);
  for (const table of ["good_examples", "api_tokens", "prioritisation_proposal_items", "prioritisation_proposals", "idea_portfolio_figures"]) {
    await sql`drop table if exists ${sql.table(table)}`.execute(db);
  }
}
