import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import { type Actor, can, coversUnit, type IdeaResource } from "~/domain/permissions";
import {
  type DeciderFacts, type GateRequirement, type IdeaPosition, movesFor, transitionsFrom, unmetRequirements,
} from "~/domain/stage-machine";
import { benefitsOpen } from "~/domain/benefits-realisation";
import { gatherGateEvidence } from "~/models/gate-evidence.server";
import { listGateDecisions } from "~/models/gate-decisions.server";
import { cachedIdeaRead, type IdeaReadScope } from "~/services/read-cache.server";

export function deciderFactsOf(actor: Actor, resource: IdeaResource): DeciderFacts {
  return {
    coversUnit: coversUnit(actor, resource),
    isSteering: actor.roles.includes("styrgrupp"),
    isAdmin: actor.roles.includes("administrator"),
  };
}

export interface GateMove {
  id: string;
  to: IdeaPosition["stage"];
  outcome: IdeaPosition["outcome"];
  kind: string;
  override: boolean;
  unmet: GateRequirement[];
}

export interface GateChecklist {
  /** The forward move from here (or the revival of a parked idea); null when the idea is closed for good. */
  nextMoveId: string | null;
  items: { requirement: GateRequirement; met: boolean }[];
}

/**
 * What the idea page and the decision page show about the gates: the moves this person may take (with
 * what is missing for each) and the checklist of the next gate for everyone.
 */
export async function gateViewFor(
  db: Kysely<Database>, input: { actor: Actor; resource: IdeaResource; ideaId: string; reads?: IdeaReadScope },
) {
  const position: IdeaPosition = { stage: input.resource.stage, outcome: input.resource.outcome ?? null };
  const evidence = await cachedIdeaRead(db, input.reads, "gateEvidence", () => gatherGateEvidence(db, input.ideaId));
  const moves: GateMove[] = movesFor(position, deciderFactsOf(input.actor, input.resource), evidence).map((m) => ({
    id: m.transition.id, to: m.transition.to, outcome: m.transition.outcome, kind: m.transition.kind,
    override: m.authority === "override", unmet: m.unmet,
  }));
  const next = transitionsFrom(position).find((t) => t.kind === "forward" || t.kind === "revive") ?? null;
  const unmet = next ? unmetRequirements(next, evidence) : [];
  const checklist: GateChecklist = {
    nextMoveId: next?.id ?? null,
    items: (next?.requires ?? []).map((requirement) => ({ requirement, met: !unmet.includes(requirement) })),
  };
  return { moves, checklist };
}

/** The pages where the work behind the gates is done, and whether this person may open each. */
export type WorkLink = "assessment" | "businessCase" | "security" | "deviations" | "pilot" | "benefits";

/**
 * Everything the idea page's "Steg och beslut" panel needs, for one person: the next gate's checklist,
 * the recorded decisions, whether they may decide, and which work pages are theirs to open.
 */
export async function stagePanelFor(
  db: Kysely<Database>,
  input: {
    actor: Actor; resource: IdeaResource; idea: { id: string; submitted_at: Date | null; merged_into_id: string | null };
    reads?: IdeaReadScope;
  },
) {
  const { actor, resource, idea, reads } = input;
  if (idea.submitted_at === null) return null;
  const [{ checklist }, decisions] = await Promise.all([
    gateViewFor(db, { actor, resource, ideaId: idea.id, reads }),
    cachedIdeaRead(db, reads, "gateDecisions", () => listGateDecisions(db, idea.id)),
  ]);
  const handles = can(actor, "idea.screen_security", resource);
  const workLinks: WorkLink[] = [
    ...(can(actor, "idea.view_assessments", resource) ? (["assessment"] as const) : []),
    "businessCase" as const,
    ...(handles || resource.submitterId === actor.id ? (["security"] as const) : []),
    "deviations" as const,
    ...(can(actor, "idea.plan_pilot", resource) || can(actor, "idea.evaluate_pilot", resource) ? (["pilot"] as const) : []),
    ...(benefitsOpen({ stage: resource.stage, outcome: resource.outcome ?? null }) ? (["benefits"] as const) : []),
  ];
  return {
    checklist,
    decisions,
    canDecide: idea.merged_into_id === null && can(actor, "idea.decide_gate", resource),
    showFixLinks: handles,
    workLinks,
  };
}
