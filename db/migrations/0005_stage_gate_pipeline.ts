import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead.
// The stage-gate pipeline (issue 6): assessment criteria and scorecards, assessor assignments,
// information-security screening, deviation requests (avsteg), pilot plans with indicators,
// pilot evaluations with lessons learned.

const statements = [
  // Criteria the assessors score, configured by administrators. Weight is a whole number of points;
  // the weighted score divides by the sum of the weights of the criteria scored.
  sql`create table assessment_criteria (
      id uuid primary key default gen_random_uuid(),
      code text not null unique check (code ~ '^[a-z_]{2,40}$'),
      name text not null check (length(btrim(name)) between 2 and 120),
      name_en text check (name_en is null or length(btrim(name_en)) between 2 and 120),
      description text not null default '' check (length(description) <= 2000),
      weight integer not null check (weight between 1 and 100),
      guidance text[] not null check (cardinality(guidance) = 5 and array_position(guidance, null) is null),
      position integer not null default 0 check (position >= 0),
      active boolean not null default true,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
  sql`create index assessment_criteria_position_idx on assessment_criteria (active, position)`,
  sql`create trigger assessment_criteria_updated_at before update on assessment_criteria
      for each row execute function set_updated_at()`,
  sql`insert into assessment_criteria (code, name, name_en, description, weight, guidance, position) values
      ('nytta_invanare', 'Nytta för invånarna', 'Benefit for residents',
       'Hur mycket bättre, enklare eller mer tillgänglig blir servicen för stockholmarna?', 25,
       array['Ingen märkbar nytta för invånarna.',
             'Liten nytta för en begränsad grupp.',
             'Tydlig nytta för en grupp invånare.',
             'Stor nytta för många invånare eller en utsatt grupp.',
             'Mycket stor nytta för många invånare, tydligt bättre service.'], 0),
      ('nytta_medarbetare', 'Nytta för medarbetarna', 'Benefit for staff',
       'Sparar idén tid, minskar dubbelarbete eller gör arbetet bättre för medarbetarna?', 20,
       array['Ingen märkbar nytta för medarbetarna.',
             'Liten tidsvinst eller förbättring för några få.',
             'Tydlig förbättring för en arbetsgrupp.',
             'Stor tidsvinst eller förbättring för flera enheter.',
             'Mycket stor tidsvinst för många medarbetare i staden.'], 1),
      ('strategisk_passform', 'Strategisk passform med fokusområdena', 'Strategic fit with the focus areas',
       'Hur väl bidrar idén till kvalitetsprogrammets fokusområden och förhållningssätt?', 20,
       array['Bidrar inte till något fokusområde.',
             'Bidrar indirekt till ett fokusområde.',
             'Bidrar tydligt till ett fokusområde.',
             'Bidrar tydligt till flera fokusområden.',
             'Kärnan i programmet: bidrar starkt till flera fokusområden och förhållningssätt.'], 2),
      ('genomforbarhet', 'Genomförbarhet', 'Feasibility',
       'Finns kompetens, teknik, tid och resurser för att genomföra idén?', 15,
       array['Går inte att genomföra med dagens förutsättningar.',
             'Kräver stora nya resurser eller teknik som saknas.',
             'Genomförbar med visst stöd utifrån.',
             'Genomförbar med befintliga resurser och plattformar.',
             'Enkel att genomföra, kan starta direkt.'], 3),
      ('risk', 'Risk', 'Risk',
       'Risker för informationssäkerhet, ekonomi, juridik och verksamhet. Hög poäng = låg risk.', 10,
       array['Mycket hög risk som inte kan hanteras.',
             'Hög risk som kräver omfattande åtgärder.',
             'Måttlig risk som kan hanteras.',
             'Låg risk, kända åtgärder finns.',
             'Mycket låg risk.'], 4),
      ('ateranvandbarhet', 'Återanvändbarhet mellan förvaltningar', 'Reusability across units',
       'Kan lösningen användas av andra enheter, stadsdelsförvaltningar eller fackförvaltningar?', 10,
       array['Kan bara användas av den egna enheten.',
             'Kan återanvändas av någon enstaka enhet.',
             'Kan återanvändas inom förvaltningen.',
             'Kan återanvändas av flera förvaltningar.',
             'Kan användas i hela staden.'], 5)`,

  // Who is asked to assess an idea. A person's queue is their assignments without a completed assessment.
  sql`create table assessor_assignments (
      idea_id uuid not null references ideas(id) on delete cascade,
      assessor_id uuid not null references users(id) on delete restrict,
      assigned_by uuid not null references users(id) on delete restrict,
      assigned_at timestamptz not null default now(),
      primary key (idea_id, assessor_id)
    )`,
  sql`create index assessor_assignments_assessor_idx on assessor_assignments (assessor_id, assigned_at desc)`,

  // One assessment per assessor and idea: scores per criterion, a summary everyone handling the idea
  // sees, and a private note only the assessor sees. Completed = every active criterion scored.
  sql`create table assessments (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references ideas(id) on delete cascade,
      assessor_id uuid not null references users(id) on delete restrict,
      summary text not null default '' check (length(summary) <= 5000),
      private_note text not null default '' check (length(private_note) <= 5000),
      completed_at timestamptz,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (idea_id, assessor_id)
    )`,
  sql`create index assessments_assessor_idx on assessments (assessor_id, updated_at desc)`,
  sql`create index assessments_completed_idx on assessments (idea_id) where completed_at is not null`,
  // "Recently completed" on a person's queue (/bedomningar).
  sql`create index assessments_assessor_completed_idx on assessments (assessor_id, completed_at desc)
      where completed_at is not null`,
  sql`create trigger assessments_updated_at before update on assessments for each row execute function set_updated_at()`,

  sql`create table assessment_scores (
      assessment_id uuid not null references assessments(id) on delete cascade,
      criterion_id uuid not null references assessment_criteria(id) on delete restrict,
      score integer not null check (score between 1 and 5),
      comment text not null default '' check (length(comment) <= 2000),
      primary key (assessment_id, criterion_id)
    )`,
  sql`create index assessment_scores_criterion_idx on assessment_scores (criterion_id)`,

  // Information-security screening (MSB/KLASSA style): confidentiality, integrity and availability
  // levels 1–4, personal data, whether a DPIA (konsekvensbedömning) is needed, information owner.
  sql`create table security_screenings (
      idea_id uuid primary key references ideas(id) on delete cascade,
      confidentiality integer check (confidentiality between 1 and 4),
      integrity integer check (integrity between 1 and 4),
      availability integer check (availability between 1 and 4),
      handles_personal_data boolean,
      handles_sensitive_personal_data boolean,
      dpia_needed boolean,
      information_owner text check (information_owner is null or length(btrim(information_owner)) between 1 and 200),
      notes text not null default '' check (length(notes) <= 5000),
      completed_at timestamptz,
      completed_by uuid references users(id) on delete restrict,
      updated_by uuid not null references users(id) on delete restrict,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint security_screenings_sensitive_implies_personal check (
        handles_sensitive_personal_data is not true or handles_personal_data is true),
      constraint security_screenings_complete check (completed_at is null or (
        confidentiality is not null and integrity is not null and availability is not null
        and handles_personal_data is not null and handles_sensitive_personal_data is not null
        and dpia_needed is not null and information_owner is not null and completed_by is not null)),
      constraint security_screenings_sensitive_needs_dpia check (
        handles_sensitive_personal_data is not true or dpia_needed is not false)
    )`,
  sql`create trigger security_screenings_updated_at before update on security_screenings
      for each row execute function set_updated_at()`,

  // Deviation requests (avsteg) from the city's common standards and principles. Decided once by the
  // styrgrupp with a motivation; a decided request never changes (a new request is made instead).
  sql`create table deviation_requests (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references ideas(id) on delete restrict,
      standard text not null check (length(btrim(standard)) between 2 and 200),
      description text not null check (length(btrim(description)) between 1 and 5000),
      justification text not null check (length(btrim(justification)) between 1 and 5000),
      valid_until date,
      status text not null default 'requested' check (status in ('requested','approved','rejected','withdrawn')),
      requested_by uuid not null references users(id) on delete restrict,
      requested_at timestamptz not null default now(),
      decided_by uuid references users(id) on delete restrict,
      decided_at timestamptz,
      decision_motivation text check (decision_motivation is null or length(btrim(decision_motivation)) between 1 and 5000),
      withdrawn_at timestamptz,
      constraint deviation_requests_withdrawn_consistent check ((status = 'withdrawn') = (withdrawn_at is not null)),
      constraint deviation_requests_decided_consistent check (
        (status in ('approved','rejected')) = (decided_by is not null and decided_at is not null and decision_motivation is not null))
    )`,
  sql`create index deviation_requests_idea_idx on deviation_requests (idea_id, requested_at desc)`,
  sql`create index deviation_requests_status_idx on deviation_requests (status, requested_at desc, id desc)`,
  sql`create function deviation_request_decided_is_final() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          raise exception 'deviation_requests are never deleted' using errcode = 'restrict_violation';
        end if;
        if old.status <> 'requested' then
          raise exception 'deviation request % is already %', old.id, old.status using errcode = 'restrict_violation';
        end if;
        return new;
      end $$`,
  sql`create trigger deviation_requests_final before update or delete on deviation_requests
      for each row execute function deviation_request_decided_is_final()`,

  // Pilot plan: goal, period, owner, units involved, and measurable indicators (baseline → target).
  sql`create table pilot_plans (
      idea_id uuid primary key references ideas(id) on delete cascade,
      goal text not null check (length(btrim(goal)) between 1 and 5000),
      starts_on date not null,
      ends_on date not null,
      owner_id uuid not null references users(id) on delete restrict,
      version integer not null default 1 check (version >= 1),
      updated_by uuid not null references users(id) on delete restrict,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint pilot_plans_period check (ends_on >= starts_on)
    )`,
  sql`create index pilot_plans_owner_idx on pilot_plans (owner_id)`,
  sql`create trigger pilot_plans_updated_at before update on pilot_plans for each row execute function set_updated_at()`,
  sql`create table pilot_plan_units (
      idea_id uuid not null references pilot_plans(idea_id) on delete cascade,
      unit_id uuid not null references units(id) on delete restrict,
      primary key (idea_id, unit_id)
    )`,
  sql`create index pilot_plan_units_unit_idx on pilot_plan_units (unit_id)`,

  // Indicator values are measurements (days, percent, count), not money: numeric with two decimals.
  sql`create table pilot_indicators (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references pilot_plans(idea_id) on delete cascade,
      position integer not null check (position >= 0),
      name text not null check (length(btrim(name)) between 1 and 200),
      measure_unit text not null default '' check (length(measure_unit) <= 40),
      baseline numeric(14,2) not null,
      target numeric(14,2) not null,
      unique (idea_id, position)
    )`,

  // A pilot evaluation: the outcome of each indicator, the verdict and the lessons learned. An idea may
  // be evaluated more than once (verdict "iterate" keeps the pilot running); the latest one counts.
  sql`create table pilot_evaluations (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references pilot_plans(idea_id) on delete restrict,
      verdict text not null check (verdict in ('scale_up','iterate','stop')),
      summary text not null check (length(btrim(summary)) between 1 and 5000),
      lessons_learned text not null check (length(btrim(lessons_learned)) between 1 and 10000),
      indicator_outcomes jsonb not null default '[]'::jsonb check (jsonb_typeof(indicator_outcomes) = 'array'),
      evaluated_by uuid not null references users(id) on delete restrict,
      evaluated_at timestamptz not null default now(),
      search_document tsvector generated always as (
        setweight(to_tsvector('swedish', coalesce(lessons_learned, '')), 'A') ||
        setweight(to_tsvector('swedish', coalesce(summary, '')), 'B')) stored
    )`,
  sql`create index pilot_evaluations_idea_idx on pilot_evaluations (idea_id, evaluated_at desc)`,
  sql`create index pilot_evaluations_evaluated_idx on pilot_evaluations (evaluated_at desc, id)`,
  // /lardomar filtered by verdict, newest first.
  sql`create index pilot_evaluations_verdict_idx on pilot_evaluations (verdict, evaluated_at desc, id)`,
  sql`create index pilot_evaluations_search_idx on pilot_evaluations using gin (search_document)`,
  sql`create trigger pilot_evaluations_immutable before update or delete on pilot_evaluations
      for each row execute function forbid_change()`,

  // The pipeline board counts and lists ideas per stage within the filters.
  sql`create index ideas_pipeline_idx on ideas (stage, stage_changed_at, id)
      where submitted_at is not null and merged_into_id is null`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists ideas_pipeline_idx`.execute(db);
  for (const table of [
    "pilot_evaluations", "pilot_indicators", "pilot_plan_units", "pilot_plans", "deviation_requests", "security_screenings",
    "assessment_scores", "assessments", "assessor_assignments", "assessment_criteria",
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists deviation_request_decided_is_final()`.execute(db);
}
