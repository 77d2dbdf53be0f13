import { type Kysely, sql } from "kysely";

// Frozen once released: never edit, add a new migration instead.
// Issue 10 (city-scale performance). The idea page reads a dozen things about one idea (comments,
// timeline, gate decisions and evidence, assessment, screening, deviations, pilot, business case,
// good-example facts). Many people open the same ideas, and an idea changes far less often than it
// is read, so the page caches those reads per idea (app/services/read-cache.server.ts,
// cachedIdeaRead) under the idea's *change stamp*: a number bumped by every statement that inserts,
// updates or deletes a row belonging to the idea (or the idea's own row) in any table the page reads.
// Things shared by many ideas – people's names, units, criteria, settings – are covered by a *reference
// generation*, bumped once per transaction that changes them; it does not move when other ideas change,
// so a busy portfolio does not empty every idea page's cache. (A part that reads other ideas' rows keeps
// the portfolio's data generation, migration 0010, which this migration also extends to people's names,
// the criteria and the settings.)
//
// Statement-level triggers with transition tables: one upsert per idea per statement, however many
// rows the statement touched (a seed that inserts a million events bumps each idea once). The stamp
// is bumped inside the writing transaction, so a reader sees the new stamp exactly when it can see the
// change. No foreign key: a trigger on a row deleted together with its idea must still be able to run.

/** Tables with an idea_id column whose rows the idea page shows (directly or in a summary). */
export const IDEA_OWNED_TABLES = [
  "comments", "idea_events", "gate_decisions", "assessor_assignments", "assessments", "security_screenings",
  "deviation_requests", "pilot_plans", "pilot_plan_units", "pilot_indicators", "pilot_evaluations",
  "business_cases", "business_case_lines", "business_case_actuals", "good_examples",
] as const;

/** Tables whose rows name their idea in another column: [table, column]. */
export const IDEA_KEYED_TABLES = [["ideas", "id"]] as const;

/** Tables that reach their idea through a parent row: [table, key column, parent table]. */
export const IDEA_CHILD_TABLES = [
  ["comment_revisions", "comment_id", "comments"],
  ["assessment_scores", "assessment_id", "assessments"],
  ["pilot_indicator_actuals", "indicator_id", "pilot_indicators"],
] as const;

/** Shared tables added to the data generation's triggers (people's names, criteria, settings). */
const GENERATION_TABLES = ["assessment_criteria", "app_settings"] as const;

/** Shared tables the idea page shows facts of (besides people's names): the reference generation's. */
export const REFERENCE_TABLES = ["units", "assessment_criteria", "app_settings"] as const;

const EVENTS = [
  { event: "insert", suffix: "ins", referencing: sql`referencing new table as new_rows` },
  { event: "update", suffix: "upd", referencing: sql`referencing old table as old_rows new table as new_rows` },
  { event: "delete", suffix: "del", referencing: sql`referencing old table as old_rows` },
] as const;

const triggerName = (table: string, suffix: string) => sql.raw(`${table}_idea_change_stamp_${suffix}`);

const statements = [
  sql`create table idea_change_stamps (
      idea_id uuid primary key,
      stamp bigint not null default 1
    )`,
  // tg_argv[0]: the column naming the idea (or the parent row); tg_argv[1]: the parent table, if any.
  sql`create function bump_idea_change_stamps() returns trigger language plpgsql as $$
      declare
        key_column text := coalesce(tg_argv[0], 'idea_id');
        parent_table text := tg_argv[1];
        ids uuid[];
      begin
        if tg_op = 'INSERT' then
          execute format('select array_agg(distinct %I) from new_rows', key_column) into ids;
        elsif tg_op = 'DELETE' then
          execute format('select array_agg(distinct %I) from old_rows', key_column) into ids;
        else
          execute format('select array_agg(distinct k) from (select %1$I as k from new_rows union select %1$I from old_rows) changed',
            key_column) into ids;
        end if;
        if parent_table is not null then
          execute format('select array_agg(distinct idea_id) from %I where id = any($1)', parent_table) into ids using ids;
        end if;
        insert into idea_change_stamps as s (idea_id, stamp)
          select id, 1 from unnest(ids) as id where id is not null order by id
          on conflict (idea_id) do update set stamp = s.stamp + 1;
        return null;
      end $$`,
  ...IDEA_OWNED_TABLES.flatMap((table) => EVENTS.map(({ event, suffix, referencing }) =>
    sql`create trigger ${triggerName(table, suffix)} after ${sql.raw(event)} on ${sql.table(table)}
        ${referencing} for each statement execute function bump_idea_change_stamps()`)),
  ...IDEA_KEYED_TABLES.flatMap(([table, column]) => EVENTS.map(({ event, suffix, referencing }) =>
    sql`create trigger ${triggerName(table, suffix)} after ${sql.raw(event)} on ${sql.table(table)}
        ${referencing} for each statement execute function bump_idea_change_stamps(${sql.lit(column)})`)),
  ...IDEA_CHILD_TABLES.flatMap(([table, column, parent]) => EVENTS.map(({ event, suffix, referencing }) =>
    sql`create trigger ${triggerName(table, suffix)} after ${sql.raw(event)} on ${sql.table(table)}
        ${referencing} for each statement execute function bump_idea_change_stamps(${sql.lit(column)}, ${sql.lit(parent)})`)),

  sql`create table reference_generation (
      singleton boolean primary key default true check (singleton),
      generation bigint not null default 1
    )`,
  sql`insert into reference_generation (singleton, generation) values (true, 1)`,
  sql`create function bump_reference_generation() returns trigger language plpgsql as $$
      begin
        if current_setting('idesluss.reference_generation_bumped', true) is distinct from txid_current()::text then
          update reference_generation set generation = generation + 1;
          perform set_config('idesluss.reference_generation_bumped', txid_current()::text, true);
        end if;
        return null;
      end $$`,
  sql`create constraint trigger users_bump_reference_generation after update on users
      deferrable initially deferred for each row
      when (old.name is distinct from new.name or old.email is distinct from new.email)
      execute function bump_reference_generation()`,
  ...REFERENCE_TABLES.map((table) => sql`create constraint trigger ${sql.raw(`${table}_bump_reference_generation`)}
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function bump_reference_generation()`),

  // People's names appear on every idea page (comments, timeline, decisions): a rename is a new generation.
  sql`create constraint trigger users_bump_portfolio_generation after update on users
      deferrable initially deferred for each row
      when (old.name is distinct from new.name or old.email is distinct from new.email)
      execute function bump_portfolio_generation()`,
  ...GENERATION_TABLES.map((table) => sql`create constraint trigger ${sql.raw(`${table}_bump_portfolio_generation`)}
      after insert or update or delete on ${sql.table(table)}
      deferrable initially deferred for each row execute function bump_portfolio_generation()`),
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of REFERENCE_TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_reference_generation`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger if exists users_bump_reference_generation on users`.execute(db);
  await sql`drop function if exists bump_reference_generation()`.execute(db);
  await sql`drop table if exists reference_generation`.execute(db);
  for (const table of GENERATION_TABLES) {
    await sql`drop trigger if exists ${sql.raw(`${table}_bump_portfolio_generation`)} on ${sql.table(table)}`.execute(db);
  }
  await sql`drop trigger if exists users_bump_portfolio_generation on users`.execute(db);
  for (const table of [...IDEA_OWNED_TABLES, ...IDEA_KEYED_TABLES.map(([t]) => t), ...IDEA_CHILD_TABLES.map(([t]) => t)]) {
    for (const { suffix } of EVENTS) {
      await sql`drop trigger if exists ${triggerName(table, suffix)} on ${sql.table(table)}`.execute(db);
    }
  }
  await sql`drop function if exists bump_idea_change_stamps()`.execute(db);
  await sql`drop table if exists idea_change_stamps`.execute(db);
}
