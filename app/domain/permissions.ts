import type { Role, Stage } from "./vocabulary";

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
  | "idea.decide_gate"
  | "portfolio.view"
  | "portfolio.prioritise"
  | "admin.access"
  | "admin.users.manage"
  | "admin.units.manage"
  | "admin.audit.view"
  | "admin.criteria.manage"
  | "admin.routing.manage"
  | "admin.settings.manage";

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

const STEERING_STAGES: readonly Stage[] = ["prioritering", "pilot", "inforande", "avslutad"];

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
  "idea.assess": (actor, resource) =>
    isAdmin(actor, undefined) || hasRole(actor, "styrgrupp") || coversUnit(actor, resource as UnitResource),
  // Up to and into prioritering the unit's kontaktperson decides; from prioritering on, the styrgrupp.
  // Administrators may decide anywhere, as a recorded override.
  "idea.decide_gate": (actor, resource) => {
    if (isAdmin(actor, undefined)) return true;
    const idea = resource as IdeaResource | undefined;
    if (!idea) return hasRole(actor, "kontaktperson") || hasRole(actor, "styrgrupp");
    return STEERING_STAGES.includes(idea.stage) ? hasRole(actor, "styrgrupp") : coversUnit(actor, idea);
  },
  "portfolio.view": isSteering,
  "portfolio.prioritise": isSteering,
  "admin.access": isAdmin,
  "admin.users.manage": isAdmin,
  "admin.units.manage": isAdmin,
  "admin.audit.view": isAdmin,
  "admin.criteria.manage": isAdmin,
  "admin.routing.manage": isAdmin,
  "admin.settings.manage": isAdmin,
};

export const ACTIONS = Object.keys(rules) as Action[];

/** The one question every guard asks. No actor (signed out) may do nothing. */
export function can(actor: Actor | null, action: Action, resource?: unknown): boolean {
  if (!actor) return false;
  return rules[action](actor, resource);
}
