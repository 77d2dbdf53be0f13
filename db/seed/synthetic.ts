import { type Kysely, sql } from "kysely";
import type { Database } from "../schema";
import { syncReferenceCounters } from "./reference-counters";

/**
 * Bulk synthetic data for benchmarks: generated inside the database with generate_series, so 100 000
 * ideas with their history take seconds rather than minutes. Per idea: ~10 timeline events and
 * 2 comments; a gate decision per step taken; one user per 10 ideas; for ideas past bedömning a business case (version 1) and a
 * completed assessment. Most ideas are closed (years of history); every 7th comes from one large
 * unit. Texts are Swedish words put together, clearly marked "(syntetisk)" so nobody mistakes them for real proposals.
 */
export interface SyntheticSummary {
  ideas: number;
  users: number;
  events: number;
  comments: number;
}

const CHUNK = 20_000;
/** The demo kontaktperson's unit: it gets every 7th synthetic idea, so its inbox is a large unit's. */
const LARGE_UNIT_NAME = "Östermalms stadsdelsförvaltning";

const subjects = [
  "ansökan", "bokning", "fakturahantering", "schemaläggning", "felanmälan", "tillsyn", "dokumentation",
  "bygglov", "bistånd", "förskoleplacering", "hemtjänst", "kontaktcenter", "arkivering", "upphandling",
  "medborgardialog", "skolskjuts", "lokalbokning", "nyckelhantering", "inköp", "rekrytering",
];
const actions = [
  "Digital", "Automatiserad", "Förenklad", "Gemensam", "Mobil", "Självservice för", "Samordnad", "Papperslös",
];
const firstNames = [
  "Anna", "Erik", "Maria", "Lars", "Karin", "Anders", "Sara", "Johan", "Eva", "Mohammed", "Lena", "Per",
  "Fatima", "Nils", "Elin", "Ali", "Ingrid", "Oskar", "Amira", "Gustav",
];
const lastNames = [
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
  "Gustafsson", "Pettersson", "Jonsson", "Hassan", "Lindberg", "Lindqvist", "Berg", "Ahmed", "Holm", "Ek", "Sandberg",
];

export async function seedSyntheticData(
  db: Kysely<Database>,
  options: { ideas: number; now: Date; log?: (line: string) => void; rebuildIndexes?: boolean },
): Promise<SyntheticSummary> {
  const log = options.log ?? (() => undefined);
  const units = await db.selectFrom("units").select("id").where("active", "=", true).orderBy("name").execute();
  if (units.length === 0) throw new Error("Seed: inga enheter finns – läs in demodata först.");
  const unitIds = units.map((u) => u.id);
  const largeUnit = await db.selectFrom("units").select("id").where("name", "=", LARGE_UNIT_NAME).executeTakeFirst();
  const largeUnitId = largeUnit?.id ?? null;
  const now = options.now.toISOString();

  const userCount = Math.max(50, Math.round(options.ideas / 10));
  const { count: existingUsers } = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("count"))
    .executeTakeFirstOrThrow();
  await sql`
    insert into users (email, name, unit_id, created_at)
    select 'syntetisk.' || (${existingUsers}::int + g) || '@idesluss.test',
           (${firstNames}::text[])[1 + g % 20] || ' ' || (${lastNames}::text[])[1 + (g / 20) % 20],
           (${unitIds}::uuid[])[1 + g % ${unitIds.length}::int],
           ${now}::timestamptz - make_interval(days => 400 + g % 400)
    from generate_series(1, ${userCount}::int) g`.execute(db);
  await sql`
    insert into user_roles (user_id, role)
    select id, 'medarbetare' from users where email like 'syntetisk.%' on conflict do nothing`.execute(db);
  log(`${userCount} syntetiska personer`);

  // Generated rows reference only rows that exist, so a superuser session may skip the per-row
  // foreign-key triggers (about half the cost of a million timeline events). Others pay for the checks.
  const { rows: roleRows } = await sql<{ superuser: boolean }>`
    select rolsuper as superuser from pg_roles where rolname = current_user`.execute(db);
  const skipForeignKeyTriggers = roleRows[0]?.superuser === true;

  // A large load is faster with secondary indexes built once at the end than maintained row by row.
  // Their exact definitions are read from the catalogue and restored, whatever happens in between.
  const rebuild = options.rebuildIndexes ?? options.ideas >= 10_000;
  const rebuilt = rebuild ? await dropSecondaryIndexes(db, ["ideas", "idea_events", "comments"]) : [];
  try {
    return await insertChunks(db, options, { unitIds, largeUnitId, now, skipForeignKeyTriggers, userCount, log });
  } finally {
    for (const index of rebuilt) {
      await sql.raw(index.definition).execute(db);
    }
    if (rebuilt.length) log(`${rebuilt.length} index återskapade`);
  }
}

async function dropSecondaryIndexes(db: Kysely<Database>, tables: string[]) {
  const { rows } = await sql<{ name: string; definition: string }>`
    select indexname as name, indexdef as definition from pg_indexes
    where schemaname = current_schema() and tablename = any(${tables}::text[])
      and indexdef not like 'CREATE UNIQUE INDEX%'`.execute(db);
  for (const index of rows) await sql`drop index ${sql.ref(index.name)}`.execute(db);
  return rows;
}

async function insertChunks(
  db: Kysely<Database>,
  options: { ideas: number },
  context: {
    unitIds: string[]; largeUnitId: string | null; now: string; skipForeignKeyTriggers: boolean; userCount: number;
    log: (line: string) => void;
  },
): Promise<SyntheticSummary> {
  const { unitIds, largeUnitId, now, skipForeignKeyTriggers, userCount, log } = context;
  let events = 0;
  let comments = 0;
  for (let offset = 0; offset < options.ideas; offset += CHUNK) {
    const size = Math.min(CHUNK, options.ideas - offset);
    await db.transaction().execute(async (trx) => {
      await sql`set local synchronous_commit = off`.execute(trx);
      if (skipForeignKeyTriggers) await sql`set local session_replication_role = replica`.execute(trx);
      await sql`
        create temporary table new_ideas on commit drop as
        with generated as (
          select g,
                 ${now}::timestamptz - make_interval(days => ((g % 1460) * 7919) % 1460, mins => ((g % 1440) * 104729) % 1440) as submitted_at,
                 -- Years of history: most ideas are closed. Exactly 1 in 20 is in pilot (5 000 of 100 000).
                 (array['avslutad','inskickad','avslutad','bedomning','avslutad','prioritering','avslutad','inforande',
                        'avslutad','pilot','avslutad','inskickad','avslutad','bedomning','avslutad','prioritering',
                        'avslutad','inforande','avslutad','avslutad'])[1 + g % 20] as stage
          from generate_series(${offset + 1}::int, ${offset + size}::int) g
        ),
        people as (
          select array_agg(id order by id) as ids from users where email like 'syntetisk.%'
        )
        select generated.*,
               gen_random_uuid() as id,
               people.ids[1 + ((g % cardinality(people.ids)) * 31) % cardinality(people.ids)] as submitter_id,
               people.ids[1 + ((g % cardinality(people.ids)) * 17) % cardinality(people.ids)] as owner_id,
               -- Every 7th idea comes from one large unit (the benchmark's "inbox of a large unit").
               case when ${largeUnitId}::uuid is not null and g % 7 = 0 then ${largeUnitId}::uuid
                    else (${unitIds}::uuid[])[1 + ((g % ${unitIds.length}::int) * 13) % ${unitIds.length}::int] end as unit_id
        from generated, people`.execute(trx);

      await sql`
        with numbered as (
          select n.*, extract(year from n.submitted_at at time zone 'Europe/Stockholm')::int as year,
                 row_number() over (partition by extract(year from n.submitted_at at time zone 'Europe/Stockholm')
                                    order by n.submitted_at, n.g) as rn
          from new_ideas n
        ),
        base as (
          select year, coalesce(max(i.reference_number), 0) as top
          from (select distinct year from numbered) y
          left join ideas i on i.reference_year = y.year
          group by year
        )
        insert into ideas (id, reference_year, reference_number, title, problem, proposed_solution, kind,
                           target_groups, focus_areas, approaches, expected_benefits,
                           estimated_hours_saved_per_month, estimated_savings_per_year, estimated_cost,
                           handles_personal_data, submitter_id, unit_id, owner_id, stage, outcome,
                           stage_changed_at, submitted_at, version, created_at)
        select n.id, n.year, base.top + n.rn,
               (${actions}::text[])[1 + n.g % 8] || ' ' || (${subjects}::text[])[1 + (n.g / 8) % 20] || ' (syntetisk ' || n.g || ')',
               'Syntetisk problembeskrivning om ' || (${subjects}::text[])[1 + (n.g / 8) % 20] || ' för prestandamätning.',
               'Syntetiskt lösningsförslag nummer ' || n.g || '.',
               (array['digital_tjanst','processforbattring','produkt_teknik','ovrigt'])[1 + n.g % 4],
               array[(array['invanare','barn_och_unga','aldre','medarbetare','foretag'])[1 + n.g % 5]],
               array[(array['informationshantering','medveten_finansiering','leverantorers_potential',
                            'dialog_med_invanare','strategiska_partnerskap','stodjande_metoder'])[1 + n.g % 6]],
               array[(array['stockholmarnas_fokus','helhetssyn','hallbarhet','handlingsutrymme','larande','oppenhet'])[1 + n.g % 6]],
               'Syntetisk nytta.',
               ((n.g % 200) * 7) % 200, (((n.g % 400) * 7919) % 400) * 5000, (((n.g % 300) * 104729) % 300) * 10000,
               n.g % 3 = 0,
               n.submitter_id, n.unit_id,
               case when n.stage = 'inskickad' then null else n.owner_id end,
               n.stage,
               case when n.stage = 'avslutad'
                    then (array['inford','avslagen','parkerad','avbruten_med_lardomar'])[1 + n.g % 4] end,
               n.submitted_at + interval '3 days', n.submitted_at, 1, n.submitted_at
        from numbered n join base using (year)`.execute(trx);

      const eventResult = await sql`
        insert into idea_events (idea_id, kind, actor_id, payload, created_at)
        select n.id, (array['submitted','stage_changed','commented','owner_changed','edited'])[1 + (e + n.g) % 5],
               n.owner_id, '{"synthetic": true}'::jsonb, n.submitted_at + make_interval(hours => e * 5)
        from new_ideas n cross join generate_series(0, 9) e`.execute(trx);
      events += Number(eventResult.numAffectedRows ?? 0);

      const commentResult = await sql`
        insert into comments (idea_id, author_id, body, created_at, updated_at)
        select n.id, n.owner_id, 'Syntetisk kommentar ' || c || ' om idé ' || n.g || '.',
               n.submitted_at + make_interval(days => c), n.submitted_at + make_interval(days => c)
        from new_ideas n cross join generate_series(1, 2) c`.execute(trx);
      comments += Number(commentResult.numAffectedRows ?? 0);

      await sql`
        insert into business_cases (idea_id, horizon_years, discount_rate, hourly_cost)
        select id, 5, 0.03, 450 from new_ideas where stage not in ('inskickad', 'bedomning')`.execute(trx);
      await sql`
        insert into business_case_lines (idea_id, position, kind, description, unit_id, amounts)
        select n.id, l.position, l.kind, l.description, n.unit_id,
               case l.kind
                 when 'one_off_cost' then array[100000 + (n.g % 50) * 20000, 0, 0, 0, 0]::bigint[]
                 when 'running_cost' then array_fill((20000 + (n.g % 20) * 5000)::bigint, array[5])
                 when 'saving' then array[0, 50000 + (n.g % 30) * 10000, 80000 + (n.g % 30) * 10000,
                                          80000 + (n.g % 30) * 10000, 80000 + (n.g % 30) * 10000]::bigint[]
                 else array[0, 200 + n.g % 800, 400 + n.g % 800, 400 + n.g % 800, 400 + n.g % 800]::bigint[]
               end
        from new_ideas n
        cross join (values (0, 'one_off_cost', 'Utveckling och införande'), (1, 'running_cost', 'Licens och drift'),
                           (2, 'saving', 'Minskade kostnader'), (3, 'time_saving', 'Frigjord arbetstid'))
                   as l(position, kind, description)
        where n.stage not in ('inskickad', 'bedomning')`.execute(trx);
      // A gate decision for every step the idea has taken (the linear path; closing from införande).
      await sql`
        insert into gate_decisions (idea_id, from_stage, to_stage, outcome, motivation, decided_by, decided_at, idea_version)
        select n.id, path.stages[s], path.stages[s + 1],
               case when path.stages[s + 1] = 'avslutad' then n_outcome.outcome end,
               'Syntetiskt beslut.', n.owner_id,
               least(n.submitted_at + make_interval(days => s * (10 + n.g % 40)),
                     ${now}::timestamptz - make_interval(mins => n.g % 5000 + s)), s
        from new_ideas n
        cross join (select array['inskickad','bedomning','prioritering','pilot','inforande','avslutad'] as stages) path
        cross join lateral (select array_position(path.stages, n.stage) - 1 as steps) taken
        cross join lateral generate_series(1, taken.steps) s
        cross join lateral (select (array['inford','avslagen','parkerad','avbruten_med_lardomar'])[1 + n.g % 4] as outcome) n_outcome
        where taken.steps > 0`.execute(trx);
      // Version 1 of every case, as the business-case editor would have saved it.
      await sql`
        insert into business_case_versions (idea_id, version, snapshot, saved_by, saved_at)
        select bc.idea_id, bc.version,
               jsonb_build_object(
                 'horizonYears', bc.horizon_years, 'discountRate', bc.discount_rate, 'hourlyCost', bc.hourly_cost,
                 'startYear', bc.start_year, 'nonMonetaryBenefits', bc.non_monetary_benefits,
                 'scenarios', jsonb_build_object(
                   'low', jsonb_build_object('savings', bc.low_savings_factor, 'costs', bc.low_costs_factor),
                   'high', jsonb_build_object('savings', bc.high_savings_factor, 'costs', bc.high_costs_factor)),
                 'lines', (select jsonb_agg(jsonb_build_object(
                            'kind', l.kind, 'description', l.description, 'category', l.category,
                            'certainty', l.certainty, 'unitId', l.unit_id, 'amounts', to_jsonb(l.amounts))
                          order by l.position)
                          from business_case_lines l where l.idea_id = bc.idea_id)),
               n.owner_id, n.submitted_at + interval '20 days'
        from business_cases bc join new_ideas n on n.id = bc.idea_id`.execute(trx);
      // Ideas past bedömning were assessed: one completed assessment by the owner, a score per criterion.
      await sql`
        with made as (
          insert into assessments (idea_id, assessor_id, summary, completed_at, created_at, updated_at)
          select n.id, n.owner_id, 'Syntetisk bedömning.', n.submitted_at + interval '14 days',
                 n.submitted_at + interval '10 days', n.submitted_at + interval '14 days'
          from new_ideas n where n.stage not in ('inskickad', 'bedomning')
          returning id, idea_id
        )
        insert into assessment_scores (assessment_id, criterion_id, score)
        select made.id, c.id, 1 + (abs(hashtext(made.idea_id::text || c.id::text)) % 5)
        from made cross join assessment_criteria c where c.active`.execute(trx);
      // The triggers that queue portfolio figures do not fire when the load skips triggers (replica role).
      await sql`
        insert into portfolio_figures_queue (idea_id) select id from new_ideas on conflict (idea_id) do nothing`.execute(trx);
      await syncReferenceCounters(trx);
    });
    log(`${offset + size} av ${options.ideas} syntetiska idéer`);
  }
  return { ideas: options.ideas, users: userCount, events, comments };
}
