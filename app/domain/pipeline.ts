import { wholeDaysBetween } from "./inbox";
import { type Actor, can } from "./permissions";
import { type ClosingOutcome, STAGES, type Stage } from "./vocabulary";

// Pure rules of the pipeline board (/pipeline): how many cards a column shows, which closed ideas
// count as recent, when a card is flagged as waiting too long, and who sees "Fatta beslut".

/** Cards per column: the ones that have waited longest (for "avslutad": the most recently closed). */
export const PIPELINE_COLUMN_LIMIT = 20;

/** "Avslutad" shows ideas closed within this many days, and counts only those. */
export const PIPELINE_CLOSED_WINDOW_DAYS = 90;

/**
 * Days an idea may stay in a stage before the board flags it. "Inskickad" follows the inbox's
 * setting (an idea should get an owner and a first decision quickly); later stages take longer.
 */
export const STAGE_WAIT_LIMIT_DAYS: Record<Exclude<Stage, "inskickad" | "avslutad">, number> = {
  bedomning: 60,
  prioritering: 90,
  pilot: 270,
  inforande: 365,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The instant from which a closed idea still shows in the "avslutad" column. */
export function closedSince(now: Date): Date {
  return new Date(now.getTime() - PIPELINE_CLOSED_WINDOW_DAYS * DAY_MS);
}

/** How long an idea may wait in its stage; null for "avslutad" (it does not wait for anything). */
export function waitLimitDays(stage: Stage, inboxOverdueDays: number): number | null {
  if (stage === "avslutad") return null;
  if (stage === "inskickad") return inboxOverdueDays;
  return STAGE_WAIT_LIMIT_DAYS[stage];
}

/** An idea as the board's query returns it. */
export interface PipelineIdea {
  id: string;
  reference: string | null;
  title: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
  unitId: string;
  unitName: string;
  submitterId: string;
  ownerId: string | null;
  ownerName: string | null;
  stageChangedAt: Date;
}

export interface PipelineCard {
  id: string;
  reference: string | null;
  title: string;
  outcome: ClosingOutcome | null;
  unitName: string;
  ownerName: string | null;
  daysInStage: number;
  /** Set when the idea has waited longer than its stage's limit. */
  overdueAfterDays: number | null;
  /** This person may decide a gate for the idea (links to /ideas/<id>/beslut). */
  mayDecide: boolean;
}

export interface PipelineColumn {
  stage: Stage;
  /** Ideas in the stage within the filters ("avslutad": closed within the window). */
  count: number;
  /** Every idea in the stage within the filters (differs from count only for "avslutad"). */
  total: number;
  cards: PipelineCard[];
}

/**
 * The board's columns in stage order. `coveringScope` maps a unit id to the kontaktperson's scope
 * unit it lies under (from one subtree query), so `can(actor, "idea.decide_gate", …)` answers for
 * every card without looking up each card's unit path: the rule only asks whether a scope unit lies
 * on the path, and the covering scope unit is exactly that.
 */
export function buildPipelineColumns(input: {
  counts: Partial<Record<Stage, { count: number; total: number }>>;
  ideas: readonly PipelineIdea[];
  actor: Actor;
  coveringScope: ReadonlyMap<string, string>;
  inboxOverdueDays: number;
  now: Date;
}): PipelineColumn[] {
  return STAGES.map((stage) => {
    const limit = waitLimitDays(stage, input.inboxOverdueDays);
    const cards = input.ideas.filter((idea) => idea.stage === stage).map((idea): PipelineCard => {
      const daysInStage = wholeDaysBetween(idea.stageChangedAt, input.now);
      const scopeUnit = input.coveringScope.get(idea.unitId);
      const mayDecide = can(input.actor, "idea.decide_gate", {
        unitPath: scopeUnit ? [scopeUnit, idea.unitId] : [idea.unitId],
        submitterId: idea.submitterId, stage: idea.stage, outcome: idea.outcome, ownerId: idea.ownerId,
      });
      return {
        id: idea.id, reference: idea.reference, title: idea.title, outcome: idea.outcome, unitName: idea.unitName,
        ownerName: idea.ownerName, daysInStage, overdueAfterDays: limit !== null && daysInStage > limit ? limit : null, mayDecide,
      };
    });
    const counted = input.counts[stage] ?? { count: 0, total: 0 };
    return { stage, count: counted.count, total: counted.total, cards };
  });
}
