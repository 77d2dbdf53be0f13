import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.
// The business case in full (issue 7): line category and certainty, scenario multipliers, versions
// kept for good (every gate decision names the version it was taken on), defaults set by
// administrators, and benefits realisation (actual costs and savings per year, indicator actuals).
// Also an index the focus-area filter of the idea list and the pipeline board needs.

const statements = [
  sql`alter table business_case_lines add column category text not null default ''
      check (length(category) <= 100)`,
  sql`alter table business_case_lines add column certainty text not null default 'medel'
      check (certainty in ('hog','medel','lag'))`,

  // Scenario multipliers: low = pessimistic (less saved, more spent), high = optimistic.
  sql`alter table business_cases add column low_savings_factor numeric(5,4) not null default 0.7
      check (low_savings_factor between 0 and 5)`,
  sql`alter table business_cases add column low_costs_factor numeric(5,4) not null default 1.2
      check (low_costs_factor between 0 and 5)`,
  sql`alter table business_cases add column high_savings_factor numeric(5,4) not null default 1.2
      check (high_savings_factor between 0 and 5)`,
  sql`alter table business_cases add column high_costs_factor numeric(5,4) not null default 0.9
      check (high_costs_factor between 0 and 5)`,
  // The first year of the horizon as a calendar year (t = 0), for charts and benefits realisation.
  sql`alter table business_cases add column start_year integer not null
      default extract(year from now())::integer check (start_year between 2000 and 2200)`,

  // Every saved version of a case, as it was: a snapshot of the case and its lines. Append-only.
  sql`create table business_case_versions (
      idea_id uuid not null references ideas(id) on delete restrict,
      version integer not null check (version >= 1),
      snapshot jsonb not null check (jsonb_typeof(snapshot) = 'object'),
      saved_by uuid references users(id) on delete restrict,
      saved_at timestamptz not null default now(),
      primary key (idea_id, version)
    )`,
  sql`create trigger business_case_versions_immutable before update or delete on business_case_versions
      for each row execute function forbid_change()`,
  // Cases that exist already become version 1 (or their current version) as they are now.
  sql`insert into business_case_versions (idea_id, version, snapshot, saved_by, saved_at)
      select bc.idea_id, bc.version,
             jsonb_build_object(
               'horizonYears', bc.horizon_years, 'discountRate', bc.discount_rate, 'hourlyCost', bc.hourly_cost,
               'startYear', bc.start_year, 'nonMonetaryBenefits', bc.non_monetary_benefits,
               'scenarios', jsonb_build_object(
                 'low', jsonb_build_object('savings', bc.low_savings_factor, 'costs', bc.low_costs_factor),
                 'high', jsonb_build_object('savings', bc.high_savings_factor, 'costs', bc.high_costs_factor)),
               'lines', coalesce((
                 select jsonb_agg(jsonb_build_object(
                          'kind', l.kind, 'description', l.description, 'category', l.category,
                          'certainty', l.certainty, 'unitId', l.unit_id, 'amounts', to_jsonb(l.amounts))
                        order by l.position)
                 from business_case_lines l where l.idea_id = bc.idea_id), '[]'::jsonb)),
             bc.updated_by, bc.updated_at
      from business_cases bc`,

  // The version of the business case a gate decision was taken on (null: no case existed, or the
  // decision predates versioning).
  sql`alter table gate_decisions add column business_case_version integer`,
  sql`alter table gate_decisions add constraint gate_decisions_business_case_version_fk
      foreign key (idea_id, business_case_version) references business_case_versions (idea_id, version)
      on delete restrict`,

  // Defaults for new cases, set by administrators.
  sql`insert into app_settings (key, value) values
      ('business_case_horizon_years', '5'::jsonb),
      ('business_case_discount_rate', '0.03'::jsonb),
      ('business_case_hourly_cost', '450'::jsonb)
      on conflict (key) do nothing`,

  // Benefits realisation: what was actually spent and saved, per year of the horizon and kind.
  // Kronor for costs and savings, hours for time savings.
  sql`create table business_case_actuals (
      idea_id uuid not null references ideas(id) on delete cascade,
      year_index integer not null check (year_index between 0 and 14),
      kind text not null check (kind in ('one_off_cost','running_cost','saving','time_saving')),
      amount bigint not null check (amount >= 0 and amount < 1000000000000),
      note text not null default '' check (length(note) <= 1000),
      updated_by uuid not null references users(id) on delete restrict,
      updated_at timestamptz not null default now(),
      primary key (idea_id, year_index, kind)
    )`,
  // A pilot indicator's measured value per year of the case's horizon.
  sql`create table pilot_indicator_actuals (
      indicator_id uuid not null references pilot_indicators(id) on delete cascade,
      year_index integer not null check (year_index between 0 and 14),
      value numeric(14,2) not null,
      updated_by uuid not null references users(id) on delete restrict,
      updated_at timestamptz not null default now(),
      primary key (indicator_id, year_index)
    )`,

  // The idea list and the pipeline board filter by focus area (focus_areas @> array[…]).
  sql`create index ideas_focus_areas_idx on ideas using gin (focus_areas)
      where submitted_at is not null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists ideas_focus_areas_idx`.execute(db);
  await sql`drop table if exists pilot_indicator_actuals`.execute(db);
  await sql`drop table if exists business_case_actuals`.execute(db);
  await sql`delete from app_settings where key like 'business_case_%'`.execute(db);
  await sql`alter table gate_decisions drop constraint if exists gate_decisions_business_case_version_fk`.execute(db);
  await sql`alter table gate_decisions drop column if exists business_case_version`.execute(db);
  await sql`drop table if exists business_case_versions`.execute(db);
  for (const column of ["start_year", "high_costs_factor", "high_savings_factor", "low_costs_factor", "low_savings_factor"]) {
    await sql`alter table business_cases drop column if exists ${sql.ref(column)}`.execute(db);
  }
  await sql`alter table business_case_lines drop column if exists certainty`.execute(db);
  await sql`alter table business_case_lines drop column if exists category`.execute(db);
}
