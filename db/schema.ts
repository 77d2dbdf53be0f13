import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";
import type {
  Approach, BusinessCaseLineKind, ClosingOutcome, DeviationStatus, FocusArea, IdeaKind, Locale, NameVisibility,
  PilotVerdict, Role, Stage, TargetGroup, UnitKind,
} from "../app/domain/vocabulary";

/** A timestamptz column: read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string | undefined>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;

export interface UnitsTable {
  id: Generated<string>;
  parent_id: string | null;
  kind: UnitKind;
  name: string;
  short_name: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  oidc_subject: string | null;
  unit_id: string | null;
  locale: Generated<Locale>;
  notification_mode: Generated<"immediate" | "daily_digest">;
  active: Generated<boolean>;
  deactivated_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
  granted_at: CreatedAt;
}

export interface UserUnitScopesTable {
  user_id: string;
  unit_id: string;
}

export interface IdeasTable {
  id: Generated<string>;
  reference_year: number | null;
  reference_number: number | null;
  /** IDE-2026-0042, derived by the database from year and number. */
  reference: ColumnType<string | null, never, never>;
  title: string;
  problem: Generated<string>;
  proposed_solution: Generated<string>;
  kind: Generated<IdeaKind>;
  target_groups: Generated<TargetGroup[]>;
  focus_areas: Generated<FocusArea[]>;
  approaches: Generated<Approach[]>;
  expected_benefits: Generated<string>;
  estimated_hours_saved_per_month: number | null;
  /** Whole kronor. */
  estimated_savings_per_year: number | null;
  /** Whole kronor. */
  estimated_cost: number | null;
  handles_personal_data: boolean | null;
  handles_sensitive_personal_data: boolean | null;
  information_owner: string | null;
  name_visibility: Generated<NameVisibility>;
  submitter_id: string;
  unit_id: string;
  owner_id: string | null;
  stage: Generated<Stage>;
  outcome: ClosingOutcome | null;
  stage_changed_at: CreatedAt | UpdatedAt;
  submitted_at: Timestamp | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  /** Swedish full-text document (title A, problem B, solution C), maintained by the database. */
  search_document: ColumnType<string, never, never>;
  merged_into_id: ColumnType<string | null, string | null | undefined, string | null>;
  submission_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The good example this idea was adopted from (goda exempel). */
  adopted_from_idea_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface GateDecisionsTable {
  id: Generated<string>;
  idea_id: string;
  from_stage: Stage;
  to_stage: Stage;
  outcome: ClosingOutcome | null;
  motivation: string;
  meeting_reference: string | null;
  decided_by: string;
  decided_at: CreatedAt;
  idea_version: number;
  is_override: Generated<boolean>;
  /** The business case version the decision was taken on (null: none existed, or before versioning). */
  business_case_version: ColumnType<number | null, number | null | undefined, never>;
}

export interface IdeaEventsTable {
  id: Generated<number>;
  idea_id: string;
  kind: string;
  actor_id: string | null;
  payload: Json;
  created_at: CreatedAt;
}

export interface CommentsTable {
  id: Generated<string>;
  idea_id: string;
  author_id: string;
  body: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
  deleted_at: Timestamp | null;
}

export interface CommentRevisionsTable {
  id: Generated<number>;
  comment_id: string;
  body: string;
  replaced_at: CreatedAt;
}

export interface SupportsTable {
  idea_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface BusinessCasesTable {
  idea_id: string;
  horizon_years: Generated<number>;
  /** A fraction, e.g. 0.03; not money. */
  discount_rate: ColumnType<number, number | undefined, number>;
  /** Whole kronor per hour. */
  hourly_cost: Generated<number>;
  non_monetary_benefits: Generated<string>;
  /** Scenario multipliers (fractions with up to four decimals, not money). */
  low_savings_factor: ColumnType<number, number | undefined, number>;
  low_costs_factor: ColumnType<number, number | undefined, number>;
  high_savings_factor: ColumnType<number, number | undefined, number>;
  high_costs_factor: ColumnType<number, number | undefined, number>;
  /** The calendar year of t = 0. */
  start_year: Generated<number>;
  version: Generated<number>;
  updated_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface BusinessCaseLinesTable {
  id: Generated<string>;
  idea_id: string;
  position: number;
  kind: BusinessCaseLineKind;
  description: string;
  unit_id: string;
  /** Whole kronor per year (hours per year for time_saving), index 0 = start year. */
  amounts: number[];
  category: Generated<string>;
  certainty: Generated<"hog" | "medel" | "lag">;
}

/** A saved version of a business case, kept for good (append-only). */
export interface BusinessCaseVersionsTable {
  idea_id: string;
  version: number;
  snapshot: ColumnType<BusinessCaseSnapshot, string, never>;
  saved_by: string | null;
  saved_at: CreatedAt;
}

/** The content of a business case version, as stored in business_case_versions.snapshot. */
export interface BusinessCaseSnapshot {
  horizonYears: number;
  discountRate: number;
  hourlyCost: number;
  startYear: number;
  nonMonetaryBenefits: string;
  scenarios: { low: { savings: number; costs: number }; high: { savings: number; costs: number } };
  lines: {
    kind: BusinessCaseLineKind; description: string; category: string; certainty: "hog" | "medel" | "lag";
    unitId: string; amounts: number[];
  }[];
}

/** What was actually spent or saved in one year of the horizon, per kind (kronor; hours for time_saving). */
export interface BusinessCaseActualsTable {
  idea_id: string;
  year_index: number;
  kind: BusinessCaseLineKind;
  amount: number;
  note: Generated<string>;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface PilotIndicatorActualsTable {
  indicator_id: string;
  year_index: number;
  value: Measurement;
  updated_by: string;
  updated_at: UpdatedAt;
}

export interface NotificationsTable {
  id: Generated<number>;
  user_id: string;
  idea_id: string | null;
  kind: string;
  title: string;
  body: Generated<string>;
  read_at: Timestamp | null;
  created_at: CreatedAt;
  /** When the notification went out by e-mail (immediately or in a digest); null = not yet. */
  emailed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface ReferenceCountersTable {
  year: number;
  last_number: number;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  unit_id: string | null;
  kind: IdeaKind | null;
  owner_id: string;
  priority: Generated<number>;
  description: Generated<string>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface IdeaFollowersTable {
  idea_id: string;
  user_id: string;
  created_at: CreatedAt;
}

export interface EmailOutboxTable {
  id: Generated<number>;
  user_id: string | null;
  to_address: string;
  subject: string;
  body: string;
  created_at: CreatedAt;
  send_after: ColumnType<Date, Date | string | undefined, Date | string>;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
}

export interface AppSettingsTable {
  key: string;
  value: Json;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: Json;
  ip_address: string | null;
  created_at: CreatedAt;
}

export interface SessionsTable {
  /** SHA-256 (hex) of the token in the session cookie. */
  id: string;
  user_id: string;
  created_at: CreatedAt;
  last_seen_at: UpdatedAt;
  expires_at: Timestamp;
  ip_address: string | null;
  user_agent: string | null;
}

/** A date without time (PostgreSQL `date`), read and written as 'YYYY-MM-DD'. */
type DateOnly = ColumnType<string, string, string>;
/** A measurement with two decimals (numeric(14,2)); parsed to number by the database module. */
type Measurement = ColumnType<number, number | string, number | string>;

export interface AssessmentCriteriaTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: string | null;
  description: Generated<string>;
  /** Whole points; the weighted score divides by the sum of the weights scored. */
  weight: number;
  /** Guidance for scores 1..5 (index 0 = score 1). */
  guidance: string[];
  position: Generated<number>;
  active: Generated<boolean>;
  /** Optimistic concurrency for the administrators' edit form. */
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AssessorAssignmentsTable {
  idea_id: string;
  assessor_id: string;
  assigned_by: string;
  assigned_at: CreatedAt;
}

export interface AssessmentsTable {
  id: Generated<string>;
  idea_id: string;
  assessor_id: string;
  summary: Generated<string>;
  /** Seen only by the assessor. */
  private_note: Generated<string>;
  completed_at: Timestamp | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface AssessmentScoresTable {
  assessment_id: string;
  criterion_id: string;
  score: number;
  comment: Generated<string>;
}

export interface SecurityScreeningsTable {
  idea_id: string;
  confidentiality: number | null;
  integrity: number | null;
  availability: number | null;
  handles_personal_data: boolean | null;
  handles_sensitive_personal_data: boolean | null;
  dpia_needed: boolean | null;
  information_owner: string | null;
  notes: Generated<string>;
  completed_at: Timestamp | null;
  completed_by: string | null;
  updated_by: string;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface DeviationRequestsTable {
  id: Generated<string>;
  idea_id: string;
  /** The common standard or principle deviated from. */
  standard: string;
  description: string;
  justification: string;
  valid_until: DateOnly | null;
  status: Generated<DeviationStatus>;
  requested_by: string;
  requested_at: CreatedAt;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_motivation: string | null;
  /** Set exactly when the requester (or an administrator) withdrew the request. */
  withdrawn_at: Timestamp | null;
}

export interface PilotPlansTable {
  idea_id: string;
  goal: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  owner_id: string;
  version: Generated<number>;
  updated_by: string;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface PilotPlanUnitsTable {
  idea_id: string;
  unit_id: string;
}

export interface PilotIndicatorsTable {
  id: Generated<string>;
  idea_id: string;
  position: number;
  name: string;
  measure_unit: Generated<string>;
  baseline: Measurement;
  target: Measurement;
}

/** One indicator's measured outcome, stored in pilot_evaluations.indicator_outcomes. */
export interface IndicatorOutcome {
  indicatorId: string;
  name: string;
  measureUnit: string;
  baseline: number;
  target: number;
  outcome: number | null;
  comment: string;
}

export interface PilotEvaluationsTable {
  id: Generated<string>;
  idea_id: string;
  verdict: PilotVerdict;
  summary: string;
  lessons_learned: string;
  indicator_outcomes: ColumnType<IndicatorOutcome[], string, never>;
  evaluated_by: string;
  evaluated_at: CreatedAt;
  search_document: ColumnType<string, never, never>;
}

/** An idea's key figures for the portfolio, derived from its business case and assessments (a cache). */
/** Ideas whose portfolio figures must be recomputed: filled by triggers (migration 0010). */
export interface PortfolioFiguresQueueTable {
  idea_id: string;
  queued_at: Generated<Date>;
}

/** One row: the portfolio's data generation, bumped at commit by every change the portfolio shows. */
export interface PortfolioGenerationTable {
  singleton: Generated<boolean>;
  generation: Generated<number>;
}

/** One row: the reference generation (people's names, units, criteria, settings), migration 0011. */
export interface ReferenceGenerationTable {
  singleton: Generated<boolean>;
  generation: Generated<number>;
}

/** One row per idea whose page data has changed: bumped by every statement that changes a row the idea page shows (migration 0011). */
export interface IdeaChangeStampsTable {
  idea_id: string;
  stamp: Generated<number>;
}

export interface IdeaPortfolioFiguresTable {
  idea_id: string;
  /** The ideas.version the figures were computed at (a stage change bumps it). */
  idea_version: number;
  /** max(assessment_criteria.updated_at) when computed (weights are applied live). */
  criteria_changed_at: ColumnType<Date | null, string | null, string | null>;
  /** The business_cases.version the figures come from; null when the idea has no case with lines. */
  business_case_version: number | null;
  start_year: number | null;
  /** Whole kronor. */
  npv: number | null;
  financial_npv: number | null;
  /** A ratio, not money. */
  benefit_cost_ratio: number | null;
  payback_months: number | null;
  self_financing: boolean | null;
  /** Whole kronor over the horizon, undiscounted (time savings valued). */
  total_costs: number | null;
  total_savings: number | null;
  /** Whole kronor per year from start_year, undiscounted, expected scenario. */
  costs_by_year: number[];
  savings_by_year: number[];
  /** Mean weighted assessment score, two decimals; null without a completed assessment. */
  weighted_score: number | null;
  assessor_count: ColumnType<number, number | undefined, number>;
  computed_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export type PortfolioObjective = "weighted_score" | "npv" | "financial_npv" | "score_per_krona";
export type ProposalItemReason = "selected" | "pinned_in" | "pinned_out" | "over_budget" | "no_value";

/** A saved prioritisation proposal: the optimiser's input and result with a motivation. Append-only. */
export interface PrioritisationProposalsTable {
  id: Generated<string>;
  title: string;
  motivation: string;
  objective: PortfolioObjective;
  first_budget_year: number;
  /** Whole kronor per budget year. */
  budgets: number[];
  must_include: ColumnType<string[], string[] | undefined, never>;
  must_exclude: ColumnType<string[], string[] | undefined, never>;
  feasible: boolean;
  optimal: boolean;
  /** The solver's proven relative gap; null when none could be proven. */
  relative_gap: number | null;
  total_value: number;
  cost_by_year: number[];
  /** Indexes into budgets of the years whose budget bound the choice. */
  binding_years: number[];
  filters: ColumnType<Record<string, unknown>, string | undefined, never>;
  created_by: string;
  created_at: CreatedAt;
}

export interface PrioritisationProposalItemsTable {
  proposal_id: string;
  idea_id: string;
  selected: boolean;
  value: number;
  /** Whole kronor per budget year. */
  costs: number[];
  reason: ProposalItemReason;
  blocking_years: ColumnType<number[], number[] | undefined, never>;
}

export interface ApiTokensTable {
  id: Generated<string>;
  user_id: string;
  label: string;
  /** SHA-256 (hex) of the token; the token itself is shown once and never stored. */
  token_hash: string;
  token_prefix: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
  revoked_by: string | null;
}

export interface GoodExamplesTable {
  idea_id: string;
  motivation: string;
  marked_by: string;
  marked_at: CreatedAt;
}

export interface AccessibilityFeedbackTable {
  id: Generated<string>;
  /** "TG-2026-0001": what the reporter is told and the administrators refer to. */
  reference: string;
  /** The page the problem is on, as the reporter gave it (or the page they came from). */
  page_url: Generated<string>;
  description: string;
  contact_name: Generated<string>;
  contact_email: Generated<string>;
  wants_reply: Generated<boolean>;
  /** The signed-in reporter; null when reported without signing in. */
  submitted_by: string | null;
  created_at: CreatedAt;
  status: Generated<"ny" | "hanterad">;
  handled_by: string | null;
  handled_at: Timestamp | null;
  handled_note: Generated<string>;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  user_unit_scopes: UserUnitScopesTable;
  ideas: IdeasTable;
  gate_decisions: GateDecisionsTable;
  idea_events: IdeaEventsTable;
  comments: CommentsTable;
  comment_revisions: CommentRevisionsTable;
  supports: SupportsTable;
  business_cases: BusinessCasesTable;
  business_case_lines: BusinessCaseLinesTable;
  notifications: NotificationsTable;
  audit_log: AuditLogTable;
  sessions: SessionsTable;
  reference_counters: ReferenceCountersTable;
  routing_rules: RoutingRulesTable;
  idea_followers: IdeaFollowersTable;
  email_outbox: EmailOutboxTable;
  app_settings: AppSettingsTable;
  assessment_criteria: AssessmentCriteriaTable;
  assessor_assignments: AssessorAssignmentsTable;
  assessments: AssessmentsTable;
  assessment_scores: AssessmentScoresTable;
  security_screenings: SecurityScreeningsTable;
  deviation_requests: DeviationRequestsTable;
  pilot_plans: PilotPlansTable;
  pilot_plan_units: PilotPlanUnitsTable;
  pilot_indicators: PilotIndicatorsTable;
  pilot_evaluations: PilotEvaluationsTable;
  business_case_versions: BusinessCaseVersionsTable;
  business_case_actuals: BusinessCaseActualsTable;
  pilot_indicator_actuals: PilotIndicatorActualsTable;
  idea_portfolio_figures: IdeaPortfolioFiguresTable;
  portfolio_figures_queue: PortfolioFiguresQueueTable;
  portfolio_generation: PortfolioGenerationTable;
  idea_change_stamps: IdeaChangeStampsTable;
  reference_generation: ReferenceGenerationTable;
  prioritisation_proposals: PrioritisationProposalsTable;
  prioritisation_proposal_items: PrioritisationProposalItemsTable;
  api_tokens: ApiTokensTable;
  good_examples: GoodExamplesTable;
  accessibility_feedback: AccessibilityFeedbackTable;
}

export type Unit = Selectable<UnitsTable>;
export type NewUnit = Insertable<UnitsTable>;
export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Idea = Selectable<IdeasTable>;
export type NewIdea = Insertable<IdeasTable>;
export type IdeaUpdate = Updateable<IdeasTable>;
export type GateDecision = Selectable<GateDecisionsTable>;
export type NewGateDecision = Insertable<GateDecisionsTable>;
export type IdeaEvent = Selectable<IdeaEventsTable>;
export type Comment = Selectable<CommentsTable>;
export type BusinessCase = Selectable<BusinessCasesTable>;
export type BusinessCaseLine = Selectable<BusinessCaseLinesTable>;
export type Notification = Selectable<NotificationsTable>;
export type AuditLogEntry = Selectable<AuditLogTable>;
export type AssessmentCriterion = Selectable<AssessmentCriteriaTable>;
export type SecurityScreening = Selectable<SecurityScreeningsTable>;
export type DeviationRequest = Selectable<DeviationRequestsTable>;
export type PilotPlan = Selectable<PilotPlansTable>;
export type PilotIndicator = Selectable<PilotIndicatorsTable>;
export type PilotEvaluation = Selectable<PilotEvaluationsTable>;
