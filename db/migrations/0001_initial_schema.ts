import { type Kysely, sql } from "kysely";

// Frozen once run: never edit, add a new migration instead. Code lists are inlined on purpose so
// that this file keeps meaning the same thing when the application's vocabulary grows.

const statements = [
  sql`create extension if not exists pg_trgm`,

  sql`create function set_updated_at() returns trigger language plpgsql as $$
      begin new.updated_at = now(); return new; end $$`,

  sql`create function forbid_change() returns trigger language plpgsql as $$
      begin raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'restrict_violation'; end $$`,

  // Organisation: förvaltningar (districts, specialist administrations, companies) and their units.
  sql`create table units (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references units(id) on delete restrict,
      kind text not null check (kind in ('stadsdelsforvaltning','fackforvaltning','bolag','avdelning','enhet')),
      name text not null check (length(btrim(name)) between 2 and 200),
      short_name text check (short_name is null or length(btrim(short_name)) between 1 and 40),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint units_top_level_has_no_parent check (
        (kind in ('stadsdelsforvaltning','fackforvaltning','bolag')) = (parent_id is null)),
      constraint units_not_own_parent check (parent_id is null or parent_id <> id)
    )`,
  sql`create unique index units_name_unique_per_parent
      on units (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name))`,
  sql`create index units_parent_idx on units (parent_id)`,
  sql`create trigger units_updated_at before update on units for each row execute function set_updated_at()`,

  // People and what they may do.
  sql`create table users (
      id uuid primary key default gen_random_uuid(),
      email text not null check (email ~ '^[^@[:space:]]+@[^@[:space:]]+$' and length(email) <= 320),
      name text not null check (length(btrim(name)) between 1 and 200),
      password_hash text,
      oidc_subject text,
      unit_id uuid references units(id) on delete restrict,
      locale text not null default 'sv' check (locale in ('sv','en')),
      active boolean not null default true,
      deactivated_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint users_deactivated_consistent check (active = (deactivated_at is null))
    )`,
  sql`create unique index users_email_unique on users (lower(email))`,
  sql`create unique index users_oidc_subject_unique on users (oidc_subject) where oidc_subject is not null`,
  sql`create index users_unit_idx on users (unit_id)`,
  sql`create index users_name_trgm_idx on users using gin (lower(name) gin_trgm_ops)`,
  sql`create trigger users_updated_at before update on users for each row execute function set_updated_at()`,

  sql`create table user_roles (
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('medarbetare','kontaktperson','styrgrupp','administrator')),
      granted_at timestamptz not null default now(),
      primary key (user_id, role)
    )`,
  sql`create index user_roles_role_idx on user_roles (role)`,

  // Units a kontaktperson answers for.
  sql`create table user_unit_scopes (
      user_id uuid not null references users(id) on delete cascade,
      unit_id uuid not null references units(id) on delete restrict,
      primary key (user_id, unit_id)
    )`,
  sql`create index user_unit_scopes_unit_idx on user_unit_scopes (unit_id)`,

  // Ideas. A draft has no reference and no submitted_at; submitting gives both at once.
  sql`create table ideas (
      id uuid primary key default gen_random_uuid(),
      reference_year integer,
      reference_number integer,
      reference text generated always as (
        case when reference_year is null then null
             else 'IDE-' || reference_year || '-' ||
                  case when reference_number < 10000 then lpad(reference_number::text, 4, '0')
                       else reference_number::text end end) stored,
      title text not null check (length(btrim(title)) between 1 and 200),
      problem text not null default '' check (length(problem) <= 10000),
      proposed_solution text not null default '' check (length(proposed_solution) <= 10000),
      kind text not null default 'ovrigt'
        check (kind in ('digital_tjanst','processforbattring','produkt_teknik','ovrigt')),
      target_groups text[] not null default '{}' check (target_groups <@ array[
        'invanare','barn_och_unga','aldre','personer_med_funktionsnedsattning','medarbetare','foretag','foreningar']),
      focus_areas text[] not null default '{}' check (focus_areas <@ array[
        'informationshantering','medveten_finansiering','leverantorers_potential',
        'dialog_med_invanare','strategiska_partnerskap','stodjande_metoder']),
      approaches text[] not null default '{}' check (approaches <@ array[
        'stockholmarnas_fokus','helhetssyn','hallbarhet','handlingsutrymme','larande','oppenhet']),
      expected_benefits text not null default '' check (length(expected_benefits) <= 10000),
      estimated_hours_saved_per_month integer check (estimated_hours_saved_per_month >= 0),
      estimated_savings_per_year bigint check (estimated_savings_per_year >= 0),
      estimated_cost bigint check (estimated_cost >= 0),
      handles_personal_data boolean,
      handles_sensitive_personal_data boolean,
      information_owner text check (information_owner is null or length(information_owner) <= 200),
      name_visibility text not null default 'public' check (name_visibility in ('public','handlaggare_only')),
      submitter_id uuid not null references users(id) on delete restrict,
      unit_id uuid not null references units(id) on delete restrict,
      owner_id uuid references users(id) on delete restrict,
      stage text not null default 'inskickad'
        check (stage in ('inskickad','bedomning','prioritering','pilot','inforande','avslutad')),
      outcome text check (outcome in ('inford','avslagen','parkerad','avbruten_med_lardomar')),
      stage_changed_at timestamptz not null default now(),
      submitted_at timestamptz,
      version integer not null default 1 check (version >= 1),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint ideas_reference_parts check (
        (reference_year is null) = (reference_number is null)
        and (reference_number is null or reference_number between 1 and 999999)
        and (reference_year is null or reference_year between 2000 and 2200)),
      constraint ideas_reference_iff_submitted check ((reference_year is null) = (submitted_at is null)),
      constraint ideas_outcome_iff_closed check ((stage = 'avslutad') = (outcome is not null)),
      constraint ideas_sensitive_implies_personal check (
        handles_sensitive_personal_data is not true or handles_personal_data is true),
      unique (reference_year, reference_number)
    )`,
  sql`create index ideas_stage_changed_idx on ideas (stage, stage_changed_at) where submitted_at is not null`,
  sql`create index ideas_unit_stage_idx on ideas (unit_id, stage, submitted_at desc)`,
  sql`create index ideas_submitter_idx on ideas (submitter_id, created_at desc)`,
  sql`create index ideas_owner_idx on ideas (owner_id, stage) where owner_id is not null`,
  sql`create index ideas_submitted_idx on ideas (submitted_at desc, id) where submitted_at is not null`,
  sql`create trigger ideas_updated_at before update on ideas for each row execute function set_updated_at()`,

  // Every move between stages is a gate decision: who, when, outcome, motivation. Immutable.
  sql`create table gate_decisions (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references ideas(id) on delete restrict,
      from_stage text not null
        check (from_stage in ('inskickad','bedomning','prioritering','pilot','inforande','avslutad')),
      to_stage text not null
        check (to_stage in ('inskickad','bedomning','prioritering','pilot','inforande','avslutad')),
      outcome text check (outcome in ('inford','avslagen','parkerad','avbruten_med_lardomar')),
      motivation text not null check (length(btrim(motivation)) between 1 and 10000),
      meeting_reference text check (meeting_reference is null or length(meeting_reference) <= 200),
      decided_by uuid not null references users(id) on delete restrict,
      decided_at timestamptz not null default now(),
      idea_version integer not null check (idea_version >= 1),
      is_override boolean not null default false,
      constraint gate_decisions_outcome_iff_closing check ((to_stage = 'avslutad') = (outcome is not null))
    )`,
  sql`create index gate_decisions_idea_idx on gate_decisions (idea_id, decided_at)`,
  sql`create index gate_decisions_decided_at_idx on gate_decisions (decided_at desc)`,
  sql`create trigger gate_decisions_immutable before update or delete on gate_decisions
      for each row execute function forbid_change()`,

  // The timeline of an idea: stage changes, decisions, owner changes, comments, edits.
  sql`create table idea_events (
      id bigint generated always as identity primary key,
      idea_id uuid not null references ideas(id) on delete cascade,
      kind text not null check (kind ~ '^[a-z_]{2,40}$'),
      actor_id uuid references users(id) on delete restrict,
      payload jsonb not null default '{}'::jsonb,
      created_at timestamptz not null default now()
    )`,
  sql`create index idea_events_idea_idx on idea_events (idea_id, created_at desc, id desc)`,

  sql`create table comments (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references ideas(id) on delete cascade,
      author_id uuid not null references users(id) on delete restrict,
      body text not null check (length(btrim(body)) between 1 and 5000),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      deleted_at timestamptz
    )`,
  sql`create index comments_idea_idx on comments (idea_id, created_at)`,
  sql`create index comments_author_idx on comments (author_id, created_at desc)`,
  sql`create trigger comments_updated_at before update on comments for each row execute function set_updated_at()`,

  // Earlier wordings of edited comments.
  sql`create table comment_revisions (
      id bigint generated always as identity primary key,
      comment_id uuid not null references comments(id) on delete cascade,
      body text not null,
      replaced_at timestamptz not null default now()
    )`,
  sql`create index comment_revisions_comment_idx on comment_revisions (comment_id, replaced_at)`,

  sql`create table supports (
      idea_id uuid not null references ideas(id) on delete cascade,
      user_id uuid not null references users(id) on delete cascade,
      created_at timestamptz not null default now(),
      primary key (idea_id, user_id)
    )`,
  sql`create index supports_user_idx on supports (user_id)`,

  // Business case (nyttokalkyl): one per idea, lines with one amount per year of the horizon.
  sql`create table business_cases (
      idea_id uuid primary key references ideas(id) on delete cascade,
      horizon_years integer not null default 5 check (horizon_years between 1 and 15),
      discount_rate numeric(6,4) not null default 0.03 check (discount_rate >= 0 and discount_rate <= 0.2),
      hourly_cost bigint not null default 450 check (hourly_cost between 1 and 5000),
      non_monetary_benefits text not null default '' check (length(non_monetary_benefits) <= 10000),
      version integer not null default 1 check (version >= 1),
      updated_by uuid references users(id) on delete restrict,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`,
  sql`create trigger business_cases_updated_at before update on business_cases
      for each row execute function set_updated_at()`,

  sql`create table business_case_lines (
      id uuid primary key default gen_random_uuid(),
      idea_id uuid not null references business_cases(idea_id) on delete cascade,
      position integer not null check (position >= 0),
      kind text not null check (kind in ('one_off_cost','running_cost','saving','time_saving')),
      description text not null check (length(btrim(description)) between 1 and 300),
      unit_id uuid not null references units(id) on delete restrict,
      amounts bigint[] not null check (
        cardinality(amounts) between 1 and 15 and array_position(amounts, null) is null
        and 0 <= all (amounts) and 1000000000000 > all (amounts)),
      unique (idea_id, position)
    )`,
  sql`create index business_case_lines_unit_idx on business_case_lines (unit_id)`,

  sql`create table notifications (
      id bigint generated always as identity primary key,
      user_id uuid not null references users(id) on delete cascade,
      idea_id uuid references ideas(id) on delete cascade,
      kind text not null check (kind ~ '^[a-z_]{2,40}$'),
      title text not null check (length(title) between 1 and 300),
      body text not null default '' check (length(body) <= 5000),
      read_at timestamptz,
      created_at timestamptz not null default now()
    )`,
  sql`create index notifications_user_idx on notifications (user_id, created_at desc)`,
  sql`create index notifications_unread_idx on notifications (user_id) where read_at is null`,

  // Audit log: append-only, one row for every decision and every administrative change.
  sql`create table audit_log (
      id bigint generated always as identity primary key,
      actor_id uuid references users(id) on delete restrict,
      action text not null check (action ~ '^[a-z_.]{3,80}$'),
      entity_type text not null check (length(entity_type) between 1 and 60),
      entity_id text,
      details jsonb not null default '{}'::jsonb,
      ip_address text,
      created_at timestamptz not null default now()
    )`,
  sql`create index audit_log_created_idx on audit_log (created_at desc, id desc)`,
  sql`create index audit_log_actor_idx on audit_log (actor_id, created_at desc)`,
  sql`create index audit_log_action_idx on audit_log (action, created_at desc)`,
  sql`create index audit_log_entity_idx on audit_log (entity_type, entity_id)`,
  sql`create trigger audit_log_append_only before update or delete on audit_log
      for each row execute function forbid_change()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_log", "notifications", "business_case_lines", "business_cases", "supports",
    "comment_revisions", "comments", "idea_events", "gate_decisions", "ideas",
    "user_unit_scopes", "user_roles", "users", "units",
  ]) {
    await sql`drop table if exists ${sql.table(table)} cascade`.execute(db);
  }
  await sql`drop function if exists forbid_change()`.execute(db);
  await sql`drop function if exists set_updated_at()`.execute(db);
}
