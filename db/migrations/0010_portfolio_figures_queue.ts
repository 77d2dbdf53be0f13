import { type Kysely, sql } from "kysely";

// Frozen once released: never edit, add a new migration instead.
// Issue 10 (city-scale performance). 1) The portfolio's key figures are no longer checked for staleness
// on every read (a join over every portfolio idea, ~300 ms at 100 000 ideas). Instead triggers put
// an idea in a queue whenever something its figures are computed from changes, and readers and a
// background worker in the server recompute the queued ideas (app/models/portfolio.server.ts).
// A change that touches everything (the assessment criteria) queues every idea that has figures.
// 2) A data generation number for the portfolio's read cache (below).
//
// The queue has no foreign key on purpose: a trigger on a row deleted together with its idea (on
// delete cascade) must still be able to queue it; the refresh skips ids whose idea is gone.

const statements = [
  sql`create table portfolio_figures_queue (
      idea_id uuid primary key,
      queued_at timestamptz not null default now()
    )`,
  // The refresh takes the oldest first.
  sql`create index portfolio_figures_queue_queued_idx on portfolio_figures_queue (queued_at, idea_id)`,

  sql`create function queue_portfolio_figures(idea uuid) returns void language sql as $$
      insert into portfolio_figures_queue (idea_id) values (idea) on conflict (idea_id) do nothing $$`,

  // The idea itself: created, or its version bumped (every stage change and edit bumps it).
  sql`create function queue_idea_portfolio_figures() returns trigger language plpgsql as $$
      begin perform queue_portfolio_figures(new.id); return null; end $$`,
  sql`create trigger ideas_queue_portfolio_figures_insert after insert on ideas
      for each row when (new.submitted_at is not null) execute function queue_idea_portfolio_figures()`,
  sql`create trigger ideas_queue_portfolio_figures_update after update on ideas
      for each row when (old.version is distinct from new.version
                         or old.submitted_at is distinct from new.submitted_at
                         or old.merged_into_id is distinct from new.merged_into_id)
      execute function queue_idea_portfolio_figures()`,

  // Rows that carry idea_id: the business case, its lines, the assessments.
  sql`create function queue_row_portfolio_figures() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') then perform queue_portfolio_figures(new.idea_id); end if;
        if tg_op in ('UPDATE', 'DELETE') and (tg_op = 'DELETE' or old.idea_id is distinct from new.idea_id) then
          perform queue_portfolio_figures(old.idea_id);
        end if;
        return null;
      end $$`,
  sql`create trigger business_cases_queue_portfolio_figures after insert or update or delete on business_cases
      for each row execute function queue_row_portfolio_figures()`,
  sql`create trigger business_case_lines_queue_portfolio_figures after insert or update or delete on business_case_lines
      for each row execute function queue_row_portfolio_figures()`,
  sql`create trigger assessments_queue_portfolio_figures after insert or update or delete on assessments
      for each row execute function queue_row_portfolio_figures()`,

  // Scores reach their idea through the assessment (gone already when the assessment was deleted:
  // its own trigger queued the idea).
  sql`create function queue_score_portfolio_figures() returns trigger language plpgsql as $$
      begin
        insert into portfolio_figures_queue (idea_id)
        select a.idea_id from assessments a
        where a.id = case when tg_op = 'DELETE' then old.assessment_id else new.assessment_id end
        on conflict (idea_id) do nothing;
        if tg_op = 'UPDATE' and old.assessment_id is distinct from new.assessment_id then
          insert into portfolio_figures_queue (idea_id)
          select a.idea_id from assessments a where a.id = old.assessment_id
          on conflict (idea_id) do nothing;
        end if;
        return null;
      end $$`,
  sql`create trigger assessment_scores_queue_portfolio_figures after insert or update or delete on assessment_scores
      for each row execute function queue_score_portfolio_figures()`,

  // Criteria weights are applied to every idea's scores: every idea with figures is recomputed.
  sql`create function queue_all_portfolio_figures() returns trigger language plpgsql as $$
      begin
        insert into portfolio_figures_queue (idea_id)
        select idea_id from idea_portfolio_figures
        on conflict (idea_id) do nothing;
        return null;
      end $$`,
  sql`create trigger assessment_criteria_queue_portfolio_figures after insert or update or delete on assessment_criteria
      for each statement execute function queue_all_portfolio_figures()`,

  // The portfolio's data generation: the portfolio page, its charts and the API cache what they read
  // under this number (app/services/portfolio-cache.server.ts). Bumped once per transaction that
  // changes anything they show, at commit (a deferred constraint trigger: the row lock is the last
  // one the transaction takes, so it cannot deadlock with the queue), so a reader that sees the new
  // number also sees the change.
  sql`create table portfolio_generation (
      singleton boolean primary key default true check (singleton),
      generation bigint not null default 1
    )`,
  sql`insert into portfolio_generation (singleton, generation) values (true, 1)`,
  sql`create function bump_portfolio_generation() returns trigger language plpgsql as $$
      begin
        if current_setting('idesluss.portfolio_generation_bumped', true) is distinct from txid_current()::text then
          update portfolio_generation set generation = generation + 1;
          perform set_config('idesluss.portfolio_generation_bumped', txid_current()::text, true);
        end if;
        return null;
      end $$`,
  ...["ideas", "idea_portfolio_figures", "units", "gate_decisions", "business_cases", "business_case_actuals"].map(
    (table) => sql`create constraint trigger ${sql.raw(`${table}_bump_portfolio_generation`)}
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function bump_portfolio_generation()`,
  ),

  // What the old per-read check would have found now: every submitted idea in a portfolio stage.
  sql`insert into portfolio_figures_queue (idea_id)
      select id from ideas
      where submitted_at is not null and stage in ('prioritering', 'pilot', 'inforande', 'avslutad')`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists assessment_criteria_queue_portfolio_figures on assessment_criteria`.execute(db);
  await sql`drop trigger if exists assessment_scores_queue_portfolio_figures on assessment_scores`.execute(db);
  await sql`drop trigger if exists assessments_queue_portfolio_figures on assessments`.execute(db);
  await sql`drop trigger if exists business_case_lines_queue_portfolio_figures on business_case_lines`.execute(db);
  await sql`drop trigger if exists business_cases_queue_portfolio_figures on business_cases`.execute(db);
  await sql`drop trigger if exists ideas_queue_portfolio_figures_update on ideas`.execute(db);
  await sql`drop trigger if exists ideas_queue_portfolio_figures_insert on ideas`.execute(db);
  await sql`drop function if exists queue_all_portfolio_figures()`.execute(db);
  await sql`drop function if exists queue_score_portfolio_figures()`.execute(db);
  await sql`drop function if exists queue_row_portfolio_figures()`.execute(db);
  await sql`drop function if exists queue_idea_portfolio_figures()`.execute(db);
  await sql`drop function if exists queue_portfolio_figures(uuid)`.execute(db);
  await sql`drop table if exists portfolio_figures_queue`.execute(db);
  for (const table of ["ideas", "idea_portfolio_figures", "units", "gate_decisions", "business_cases", "business_case_actuals"]) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_portfolio_generation`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop function if exists bump_portfolio_generation()`.execute(db);
  await sql`drop table if exists portfolio_generation`.execute(db);
}
