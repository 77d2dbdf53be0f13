import type { ClosingOutcome, PilotVerdict, Stage } from "./vocabulary";

// The stage-gate pipeline as data: every move an idea may make, who decides it and what it requires.
// Services enforce it (app/services/gate-decision.server.ts); routes and the UI only ask it.

/** Where an idea stands. `outcome` is set exactly when the stage is "avslutad". */
export interface IdeaPosition {
  stage: Stage;
  outcome: ClosingOutcome | null;
}

/** Who decides a move in the normal course of things; administrators may take any move as an override. */
export type Decider = "unit_contact" | "steering";

/** What must be in place before a move. Checked against `GateEvidence`. */
export type GateRequirement =
  | "owner"
  | "completed_assessment"
  | "business_case"
  | "security_screening"
  | "pilot_plan"
  | "pilot_evaluation"
  | "pilot_verdict_scale_up";

export const GATE_REQUIREMENTS: readonly GateRequirement[] = [
  "owner", "completed_assessment", "business_case", "security_screening", "pilot_plan", "pilot_evaluation",
  "pilot_verdict_scale_up",
];

export type TransitionKind = "forward" | "back" | "close" | "revive";

export interface Transition {
  /** Stable name, used in forms and the audit log. */
  id: string;
  from: Stage;
  /** Only for moves out of "avslutad": the closing outcome the move starts from. */
  fromOutcome?: ClosingOutcome;
  to: Stage;
  outcome: ClosingOutcome | null;
  kind: TransitionKind;
  deciders: readonly Decider[];
  requires: readonly GateRequirement[];
}

const close = (from: Stage, outcome: ClosingOutcome, deciders: readonly Decider[], requires: readonly GateRequirement[] = []): Transition => ({
  id: `${from}_${outcome}`, from, to: "avslutad", outcome, kind: "close", deciders, requires,
});

const UNIT: readonly Decider[] = ["unit_contact"];
const STEERING: readonly Decider[] = ["steering"];

/**
 * The whole machine. Forward moves go one stage at a time (no skipping a gate); the unit's
 * kontaktperson decides up to and into prioritering, the styrgrupp from prioritering on.
 */
export const TRANSITIONS: readonly Transition[] = [
  { id: "start_assessment", from: "inskickad", to: "bedomning", outcome: null, kind: "forward", deciders: UNIT, requires: ["owner"] },
  close("inskickad", "avslagen", UNIT),
  close("inskickad", "parkerad", UNIT),

  {
    id: "to_prioritisation", from: "bedomning", to: "prioritering", outcome: null, kind: "forward", deciders: UNIT,
    requires: ["owner", "completed_assessment", "business_case"],
  },
  close("bedomning", "avslagen", UNIT),
  close("bedomning", "parkerad", UNIT),

  {
    id: "start_pilot", from: "prioritering", to: "pilot", outcome: null, kind: "forward", deciders: STEERING,
    requires: ["security_screening", "pilot_plan"],
  },
  { id: "back_to_assessment", from: "prioritering", to: "bedomning", outcome: null, kind: "back", deciders: STEERING, requires: [] },
  close("prioritering", "avslagen", STEERING),
  close("prioritering", "parkerad", STEERING),

  {
    id: "start_implementation", from: "pilot", to: "inforande", outcome: null, kind: "forward", deciders: STEERING,
    requires: ["pilot_evaluation", "pilot_verdict_scale_up"],
  },
  close("pilot", "avbruten_med_lardomar", STEERING, ["pilot_evaluation"]),

  close("inforande", "inford", STEERING),

  {
    id: "revive", from: "avslutad", fromOutcome: "parkerad", to: "bedomning", outcome: null, kind: "revive",
    deciders: ["unit_contact", "steering"], requires: [],
  },
];

const TRANSITIONS_BY_ID = new Map(TRANSITIONS.map((t) => [t.id, t]));

export function transitionById(id: string): Transition | undefined {
  return TRANSITIONS_BY_ID.get(id);
}

/** Every move the machine allows from here, whoever may take it. */
export function transitionsFrom(position: IdeaPosition): Transition[] {
  return TRANSITIONS.filter((t) =>
    t.from === position.stage && (t.fromOutcome === undefined || t.fromOutcome === position.outcome));
}

/** What the server knows about an idea's gates, gathered by the gate-evidence model. */
export interface GateEvidence {
  hasOwner: boolean;
  completedAssessments: number;
  /** A business case with at least one line. */
  hasBusinessCase: boolean;
  securityScreeningCompleted: boolean;
  /** A pilot plan with at least one indicator. */
  hasPilotPlan: boolean;
  /** The verdict of the latest pilot evaluation; null when the pilot has not been evaluated. */
  latestPilotVerdict: PilotVerdict | null;
}

const satisfied: Record<GateRequirement, (e: GateEvidence) => boolean> = {
  owner: (e) => e.hasOwner,
  completed_assessment: (e) => e.completedAssessments > 0,
  business_case: (e) => e.hasBusinessCase,
  security_screening: (e) => e.securityScreeningCompleted,
  pilot_plan: (e) => e.hasPilotPlan,
  pilot_evaluation: (e) => e.latestPilotVerdict !== null,
  pilot_verdict_scale_up: (e) => e.latestPilotVerdict === "scale_up",
};

/** The requirements of a move that are not yet met, in the order the machine lists them. */
export function unmetRequirements(transition: Transition, evidence: GateEvidence): GateRequirement[] {
  return transition.requires.filter((requirement) => !satisfied[requirement](evidence));
}

/** The person deciding, as the machine needs to know them. */
export interface DeciderFacts {
  /** A kontaktperson whose scope covers the idea's unit. */
  coversUnit: boolean;
  isSteering: boolean;
  isAdmin: boolean;
}

/**
 * "regular" when the person decides this move in the normal course, "override" when only their
 * administrator role lets them (recorded as an override), null when they may not take it.
 */
export function authorityFor(person: DeciderFacts, transition: Transition): "regular" | "override" | null {
  const regular = transition.deciders.some((decider) =>
    decider === "unit_contact" ? person.coversUnit : person.isSteering);
  if (regular) return "regular";
  return person.isAdmin ? "override" : null;
}

/** The moves this person may take from here, with what still stands in the way of each. */
export function movesFor(position: IdeaPosition, person: DeciderFacts, evidence: GateEvidence) {
  return transitionsFrom(position).flatMap((transition) => {
    const authority = authorityFor(person, transition);
    return authority ? [{ transition, authority, unmet: unmetRequirements(transition, evidence) }] : [];
  });
}

export type GateDecisionPlan =
  | { ok: true; transition: Transition; isOverride: boolean; next: IdeaPosition }
  | { ok: false; reason: "no_such_move" | "not_allowed" }
  | { ok: false; reason: "requirements_unmet"; unmet: GateRequirement[] }
  | { ok: false; reason: "motivation_required" };

/**
 * Checks a requested move completely: it exists from here, this person may take it, its gate is
 * met and it is motivated. The service records the decision only when this says ok.
 */
export function planGateDecision(input: {
  position: IdeaPosition;
  transitionId: string;
  person: DeciderFacts;
  evidence: GateEvidence;
  motivation: string;
}): GateDecisionPlan {
  const transition = transitionsFrom(input.position).find((t) => t.id === input.transitionId);
  if (!transition) return { ok: false, reason: "no_such_move" };
  const authority = authorityFor(input.person, transition);
  if (!authority) return { ok: false, reason: "not_allowed" };
  const unmet = unmetRequirements(transition, input.evidence);
  if (unmet.length > 0) return { ok: false, reason: "requirements_unmet", unmet };
  if (input.motivation.trim().length === 0) return { ok: false, reason: "motivation_required" };
  return {
    ok: true, transition, isOverride: authority === "override",
    next: { stage: transition.to, outcome: transition.outcome },
  };
}

/** Stages whose moves the styrgrupp decides (used by the permission matrix and the board). */
export function stageDecidedBySteering(position: IdeaPosition): boolean {
  const moves = transitionsFrom(position);
  return moves.length > 0 && moves.every((t) => t.deciders.includes("steering"));
}

/** True when some move from here is this person's to take (including as an administrator's override). */
export function mayDecideSomeMove(position: IdeaPosition, person: DeciderFacts): boolean {
  return transitionsFrom(position).some((t) => authorityFor(person, t) !== null);
}

/**
 * A duplicate may be merged into another idea only while it is being taken in (inskickad, bedömning).
 * From prioritering on an idea leaves the pipeline only by a gate decision (e.g. rejected as a duplicate),
 * so the decision record stays complete.
 */
export const MERGEABLE_STAGES: readonly IdeaPosition["stage"][] = ["inskickad", "bedomning"];

export function mayMergeAt(stage: IdeaPosition["stage"]): boolean {
  return MERGEABLE_STAGES.includes(stage);
}
