import { mayDecideSomeMove } from "./stage-machine";
import type { ClosingOutcome, Role, Stage } from "./vocabulary";

/** Who is asking: what the server knows about the signed-in person. */
export interface Actor {
  id: string;
  roles: readonly Role[];
  /** Units a kontaktperson answers for (their sub-units are included through `unitPath`). */
  scopeUnitIds: readonly string[];
}

/** The unit an idea (or inbox) belongs to, as the path of unit ids from its förvaltning down to it. */
export interface UnitResource {
  unitPath: readonly string[];
}

export interface IdeaResource extends UnitResource {
  submitterId: string;
  stage: Stage;
  ownerId?: string | null;
  nameVisibility?: "public" | "handlaggare_only";
  /** Set when the stage is "avslutad" (a parked idea may be revived). */
  outcome?: ClosingOutcome | null;
  /** People asked to assess the idea. */
  assessorIds?: readonly string[];
  /** The owner of the idea's pilot plan, when there is one. */
  pilotOwnerId?: string | null;
}

/**
 * Every action the product knows. A route or service that changes or shows something asks
 * `can(actor, action, resource)`; the table below is the whole permission matrix.
 */
export type Action =
  | "idea.submit"
  | "idea.view"
  | "idea.comment"
  | "idea.support"
  | "idea.follow_own"
  | "inbox.view"
  | "idea.manage"
  | "idea.see_submitter"
  | "idea.assess"
  | "idea.view_assessments"
  | "idea.assign_assessors"
  | "idea.screen_security"
  | "idea.request_deviation"
  | "idea.plan_pilot"
  | "idea.evaluate_pilot"
  | "idea.decide_gate"
  | "idea.edit_business_case"
  | "idea.record_benefits"
  | "deviation.decide"
  | "deviation.list"
  | "pipeline.view"
  | "lessons.view"
  | "assessment.queue"
  | "portfolio.view"
  | "portfolio.prioritise"
  | "portfolio.export"
  | "idea.export"
  | "good_examples.view"
  | "good_example.mark"
  | "good_example.adopt"
  | "admin.access"
  | "admin.users.manage"
  | "admin.units.manage"
  | "admin.audit.view"
  | "admin.criteria.manage"
  | "admin.routing.manage"
  | "admin.settings.manage"
  | "admin.api_tokens.manage"
  | "admin.accessibility_feedback.manage";

type Rule = (actor: Actor, resource: unknown) => boolean;

const hasRole = (actor: Actor, role: Role) => actor.roles.includes(role);
const isSignedIn: Rule = () => true;
const isAdmin: Rule = (actor) => hasRole(actor, "administrator");
const isSteering: Rule = (actor) => hasRole(actor, "styrgrupp") || isAdmin(actor, undefined);

/** A kontaktperson answers for a unit when one of their scope units lies on the unit's path. */
export function coversUnit(actor: Actor, resource: UnitResource | undefined): boolean {
  if (!hasRole(actor, "kontaktperson") || !resource) return false;
  return resource.unitPath.some((unitId) => actor.scopeUnitIds.includes(unitId));
}

/**
 * Those who work on an idea once it is in the pipeline: the unit's kontaktperson, the idea's owner,
 * the styrgrupp and administrators.
 */
const handlesIdea: Rule = (actor, resource) => {
  const idea = resource as IdeaResource | undefined;
  return isSteering(actor, undefined) || coversUnit(actor, idea) || (idea?.ownerId != null && idea.ownerId === actor.id);
};
const isAssessorOf = (actor: Actor, resource: unknown) =>
  ((resource as IdeaResource | undefined)?.assessorIds ?? []).includes(actor.id);

const rules: Record<Action, Rule> = {
  "idea.submit": (actor) => hasRole(actor, "medarbetare"),
  "idea.view": isSignedIn,
  "idea.comment": isSignedIn,
  "idea.support": isSignedIn,
  "idea.follow_own": isSignedIn,
  // With a unit: the kontaktperson of that unit. Without one: anyone who has an inbox at all.
  "inbox.view": (actor, resource) =>
    isAdmin(actor, undefined) ||
    (resource === undefined ? hasRole(actor, "kontaktperson") : coversUnit(actor, resource as UnitResource)),
  // Owner work on an idea: take ownership, reassign, merge duplicates. The unit's kontaktperson, the
  // idea's current owner, or an administrator.
  "idea.manage": (actor, resource) => {
    const idea = resource as IdeaResource | undefined;
    return isAdmin(actor, undefined) || coversUnit(actor, idea) || (idea?.ownerId != null && idea.ownerId === actor.id);
  },
  // "Show my name only to handläggare and styrgrupp": the submitter, the owner, the unit's
  // kontaktperson, the styrgrupp and administrators see it; everyone sees it when it is public.
  "idea.see_submitter": (actor, resource) => {
    const idea = resource as IdeaResource | undefined;
    if (!idea) return false;
    if (idea.nameVisibility !== "handlaggare_only" || idea.submitterId === actor.id) return true;
    return isSteering(actor, undefined) || coversUnit(actor, idea) || idea.ownerId === actor.id;
  },
  // Scoring the idea: the unit's kontaktperson, the styrgrupp, administrators and anyone asked to assess it.
  "idea.assess": (actor, resource) =>
    isAdmin(actor, undefined) || hasRole(actor, "styrgrupp") || coversUnit(actor, resource as UnitResource) ||
    isAssessorOf(actor, resource),
  // The scorecard summary (weighted score, spread, summaries): everyone handling or assessing the idea.
  "idea.view_assessments": (actor, resource) => handlesIdea(actor, resource) || isAssessorOf(actor, resource),
  "idea.assign_assessors": handlesIdea,
  "idea.screen_security": handlesIdea,
  "idea.request_deviation": handlesIdea,
  "idea.plan_pilot": handlesIdea,
  "idea.evaluate_pilot": (actor, resource) => {
    const idea = resource as IdeaResource | undefined;
    return handlesIdea(actor, resource) || (idea?.pilotOwnerId != null && idea.pilotOwnerId === actor.id);
  },
  // Who takes each move is the stage machine's business (app/domain/stage-machine.ts): the unit's
  // kontaktperson up to and into prioritering, the styrgrupp from prioritering on, administrators
  // anywhere as a recorded override. Without an idea: anyone who decides any gate at all.
  "idea.decide_gate": (actor, resource) => {
    const idea = resource as IdeaResource | undefined;
    if (!idea) return isAdmin(actor, undefined) || hasRole(actor, "kontaktperson") || hasRole(actor, "styrgrupp");
    return mayDecideSomeMove(
      { stage: idea.stage, outcome: idea.outcome ?? null },
      { coversUnit: coversUnit(actor, idea), isSteering: hasRole(actor, "styrgrupp"), isAdmin: isAdmin(actor, undefined) },
    );
  },
  // The business case (nyttokalkyl) is written by those who handle the idea; everyone may read it.
  "idea.edit_business_case": handlesIdea,
  // Actual costs, savings and indicator values from the pilot on: handlers and the pilot's owner.
  "idea.record_benefits": (actor, resource) => {
    const idea = resource as IdeaResource | undefined;
    return handlesIdea(actor, resource) || (idea?.pilotOwnerId != null && idea.pilotOwnerId === actor.id);
  },
  // Deviations from the city's common standards are decided by the styrgrupp. Everyone sees an idea's
  // deviations on the idea page; the city-wide list is for those who handle ideas.
  "deviation.decide": isSteering,
  "deviation.list": (actor) =>
    isAdmin(actor, undefined) || hasRole(actor, "kontaktperson") || hasRole(actor, "styrgrupp"),
  "pipeline.view": isSignedIn,
  "lessons.view": isSignedIn,
  // Your own assessment queue: shown in the menu to those who assess; anyone assigned can open it.
  "assessment.queue": (actor) =>
    isAdmin(actor, undefined) || hasRole(actor, "kontaktperson") || hasRole(actor, "styrgrupp"),
  "portfolio.view": isSteering,
  "portfolio.prioritise": isSteering,
  // The portfolio as CSV/XLSX (and the read-only API's portfolio figures).
  "portfolio.export": isSteering,
  // The idea list as CSV/XLSX: those who handle ideas (the list itself is open to everyone signed in).
  "idea.export": (actor) => isAdmin(actor, undefined) || hasRole(actor, "kontaktperson") || hasRole(actor, "styrgrupp"),
  // Good examples: införda ideas the styrgrupp holds up; everyone reads them, a kontaktperson adopts
  // one for a unit they answer for (administrators may too).
  "good_examples.view": isSignedIn,
  "good_example.mark": isSteering,
  "good_example.adopt": (actor) => isAdmin(actor, undefined) || hasRole(actor, "kontaktperson"),
  "admin.access": isAdmin,
  "admin.users.manage": isAdmin,
  "admin.units.manage": isAdmin,
  "admin.audit.view": isAdmin,
  "admin.criteria.manage": isAdmin,
  "admin.routing.manage": isAdmin,
  "admin.settings.manage": isAdmin,
  // Bearer tokens for the read-only API (/api/v1).
  "admin.api_tokens.manage": isAdmin,
  // Reports sent from the accessibility statement: read and closed by administrators.
  "admin.accessibility_feedback.manage": isAdmin,
};

export const ACTIONS = Object.keys(rules) as Action[];

/** The one question every guard asks. No actor (signed out) may do nothing. */
export function can(actor: Actor | null, action: Action, resource?: unknown): boolean {
  if (!actor) return false;
  return rules[action](actor, resource);
}
