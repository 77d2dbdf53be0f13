import type { IdeaKind } from "./vocabulary";

// Who receives a newly submitted idea. Pure: the caller loads the active rules and the kontaktpersoner.

export interface RoutingRule {
  id: string;
  unitId: string | null;
  kind: IdeaKind | null;
  ownerId: string;
  /** Lower numbers go first among equally specific rules. */
  priority: number;
}

export interface ScopedContact {
  userId: string;
  /** The units this kontaktperson answers for. */
  scopeUnitIds: readonly string[];
}

export type RoutingChoice =
  | { ownerId: string; via: "rule"; ruleId: string }
  | { ownerId: string; via: "kontaktperson" }
  | { ownerId: null; via: "none" };

/**
 * The most specific matching rule wins: unit and kind, then unit only, then kind only; among rules of
 * the same kind, the one for the unit nearest the idea's unit, then the lowest priority number. Without
 * a matching rule the kontaktperson whose scope is nearest the idea's unit; otherwise nobody.
 * `unitPath` runs from the förvaltning down to the idea's unit.
 */
export function chooseOwner(input: {
  unitPath: readonly string[];
  kind: IdeaKind;
  rules: readonly RoutingRule[];
  contacts: readonly ScopedContact[];
}): RoutingChoice {
  const depth = (unitId: string) => input.unitPath.indexOf(unitId);
  const ranked = input.rules
    .filter((rule) => (rule.unitId === null || depth(rule.unitId) >= 0) && (rule.kind === null || rule.kind === input.kind))
    .map((rule) => ({
      rule,
      specificity: rule.unitId !== null && rule.kind !== null ? 0 : rule.unitId !== null ? 1 : 2,
      nearness: rule.unitId === null ? 0 : -depth(rule.unitId),
    }))
    .sort((a, b) => a.specificity - b.specificity || a.nearness - b.nearness
      || a.rule.priority - b.rule.priority || a.rule.id.localeCompare(b.rule.id));
  const best = ranked[0];
  if (best) return { ownerId: best.rule.ownerId, via: "rule", ruleId: best.rule.id };

  const contact = input.contacts
    .map((c) => ({ c, nearest: Math.max(-1, ...c.scopeUnitIds.map(depth)) }))
    .filter((entry) => entry.nearest >= 0)
    .sort((a, b) => b.nearest - a.nearest || a.c.userId.localeCompare(b.c.userId))[0];
  return contact ? { ownerId: contact.c.userId, via: "kontaktperson" } : { ownerId: null, via: "none" };
}
