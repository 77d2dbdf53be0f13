import type { Kysely } from "kysely";
import type { Database } from "../../db/schema";
import {
  BENEFIT_KINDS, type BenefitActual, type BenefitsRealisation, type BenefitsRefusal, benefitsRefusal, realiseBenefits,
} from "~/domain/benefits-realisation";
import type { LineKind } from "~/domain/business-case";
import { type Actor, can, type IdeaResource } from "~/domain/permissions";
import { writeAudit } from "~/models/audit-log.server";
import {
  findPlannedCase, type IndicatorWithActuals, type PlannedCase, listActuals, listIndicatorsWithActuals, setActual, setIndicatorActual,
} from "~/models/benefits.server";
import { findBusinessCase } from "~/models/business-cases.server";
import { unitPathOf } from "~/models/unit-path.server";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import { type BusinessCaseSummary, businessCaseSummaryOf, inputOf } from "~/services/business-case.server";
import type { YearActualsInput } from "~/schemas/benefits";

type Db = Kysely<Database>;

/**
 * A fingerprint of one year's actuals (amounts and indicator values) as the form was opened: saving
 * with a different one means someone else saved the year meanwhile (409, nothing lost).
 */
export function actualsStamp(actuals: readonly BenefitActual[], indicators: readonly IndicatorWithActuals[], yearIndex: number): string {
  const amounts = BENEFIT_KINDS.map((kind) => actuals.find((a) => a.yearIndex === yearIndex && a.kind === kind)?.amount ?? "");
  const values = [...indicators].sort((a, b) => (a.id < b.id ? -1 : 1)).map((i) => `${i.id}=${i.actuals[yearIndex] ?? ""}`);
  return [...amounts, ...values].join("|");
}

export interface BenefitsPage {
  /** null: the idea has no business case. */
  plan: { startYear: number; horizonYears: number; hourlyCost: number } | null;
  realisation: BenefitsRealisation | null;
  indicators: IndicatorWithActuals[];
  /** Per year index: what the form shows for the year and its stamp. */
  forms: { yearIndex: number; amounts: Record<LineKind, number | null>; stamp: string }[];
  /** Whether benefits are open for the idea now (stage) – and why not. */
  open: boolean;
  refusal: BenefitsRefusal | null;
  mayRecord: boolean;
  canRecord: boolean;
}

/** What /ideas/<id>/nyttorealisering shows this person. */
export async function benefitsPageFor(db: Db, input: {
  actor: Actor; resource: IdeaResource; idea: { id: string; stage: IdeaResource["stage"]; outcome: IdeaResource["outcome"]; merged: boolean };
}): Promise<BenefitsPage> {
  const { actor, resource, idea } = input;
  const planned = await findPlannedCase(db, idea.id);
  const actuals = await listActuals(db, idea.id);
  const indicators = await listIndicatorsWithActuals(db, idea.id);
  const refusal = benefitsRefusal(idea);
  const mayRecord = can(actor, "idea.record_benefits", resource);
  const H = planned?.input.horizonYears ?? 0;
  return {
    plan: planned ? { startYear: planned.startYear, horizonYears: H, hourlyCost: planned.input.hourlyCost } : null,
    realisation: planned ? realiseBenefits(planned.input, actuals) : null,
    indicators,
    forms: Array.from({ length: H }, (_, t) => ({
      yearIndex: t,
      amounts: Object.fromEntries(BENEFIT_KINDS.map((kind) => [kind, actuals.find((a) => a.yearIndex === t && a.kind === kind)?.amount ?? null])) as Record<LineKind, number | null>,
      stamp: actualsStamp(actuals, indicators, t),
    })),
    open: refusal === null,
    refusal,
    mayRecord,
    canRecord: mayRecord && refusal === null && planned !== null,
  };
}

export type RecordResult =
  | { ok: true; changed: boolean }
  | { ok: false; reason: "not_found" | "not_allowed" | BenefitsRefusal | "no_case" | "year" | "indicator_unknown" | "conflict" };

/**
 * Saves one year's actual amounts (per kind; null deletes the saved value) and the pilot's indicator
 * values for that year – from the pilot on (pilot, införande, avslutad as införd), by those who may
 * record benefits (handlers and the pilot's owner), within the case's horizon, and only if nobody
 * saved the year since the form was opened (`stamp`). One transaction with the audit row.
 */
export async function recordYearActuals(db: Db, input: {
  actor: Actor; ideaId: string; actuals: YearActualsInput; stamp: string; now: Date; ipAddress: string | null;
}): Promise<RecordResult> {
  return db.transaction().execute(async (trx): Promise<RecordResult> => {
    // Share-locked: a gate decision (which locks the idea for update) waits until this is saved.
    const idea = await trx.selectFrom("ideas")
      .select(["id", "reference", "stage", "outcome", "unit_id", "submitter_id", "owner_id", "submitted_at", "merged_into_id", "name_visibility"])
      .where("id", "=", input.ideaId).forShare().executeTakeFirst();
    if (!idea || idea.submitted_at === null) return { ok: false, reason: "not_found" };
    const pilot = await trx.selectFrom("pilot_plans").select("owner_id").where("idea_id", "=", idea.id).executeTakeFirst();
    const resource: IdeaResource = {
      unitPath: await unitPathOf(trx, idea.unit_id), submitterId: idea.submitter_id, stage: idea.stage, outcome: idea.outcome,
      ownerId: idea.owner_id, nameVisibility: idea.name_visibility, pilotOwnerId: pilot?.owner_id ?? null,
    };
    if (!can(input.actor, "idea.record_benefits", resource)) return { ok: false, reason: "not_allowed" };
    const refusal = benefitsRefusal({ stage: idea.stage, outcome: idea.outcome, merged: idea.merged_into_id !== null });
    if (refusal) return { ok: false, reason: refusal };
    // The case is locked too, so its horizon cannot shrink under us.
    const planned = await trx.selectFrom("business_cases").select("horizon_years").where("idea_id", "=", idea.id).forShare().executeTakeFirst();
    if (!planned) return { ok: false, reason: "no_case" };
    const { yearIndex } = input.actuals;
    if (!Number.isInteger(yearIndex) || yearIndex < 0 || yearIndex >= Number(planned.horizon_years)) return { ok: false, reason: "year" };

    const indicators = await listIndicatorsWithActuals(trx, idea.id);
    const known = new Set(indicators.map((i) => i.id));
    if (input.actuals.indicators.some((row) => !known.has(row.indicatorId))) return { ok: false, reason: "indicator_unknown" };
    const actuals = await listActuals(trx, idea.id);
    if (actualsStamp(actuals, indicators, yearIndex) !== input.stamp) return { ok: false, reason: "conflict" };

    const changedKinds = BENEFIT_KINDS.filter((kind) =>
      (actuals.find((a) => a.yearIndex === yearIndex && a.kind === kind)?.amount ?? null) !== input.actuals.amounts[kind]);
    const byId = new Map(indicators.map((i) => [i.id, i]));
    const changedIndicators = input.actuals.indicators.filter((row) => (byId.get(row.indicatorId)!.actuals[yearIndex] ?? null) !== row.value);
    if (!changedKinds.length && !changedIndicators.length) return { ok: true, changed: false };

    for (const kind of changedKinds) {
      await setActual(trx, { ideaId: idea.id, yearIndex, kind, amount: input.actuals.amounts[kind], userId: input.actor.id, now: input.now });
    }
    for (const row of changedIndicators) {
      await setIndicatorActual(trx, { indicatorId: row.indicatorId, yearIndex, value: row.value, userId: input.actor.id, now: input.now });
    }
    await writeAudit(trx, {
      actorId: input.actor.id, action: "benefits.recorded", entityType: "idea", entityId: idea.id, ipAddress: input.ipAddress,
      details: {
        reference: idea.reference, yearIndex,
        amounts: Object.fromEntries(changedKinds.map((kind) => [kind, input.actuals.amounts[kind]])),
        indicators: changedIndicators.map((row) => ({ indicatorId: row.indicatorId, value: row.value })),
      },
    });
    return { ok: true, changed: true };
  });
}

/** The benefits in brief for the idea page (JSON-safe); null before the pilot or without a case. */
export interface BenefitsSummary {
  ideaId: string;
  yearsWithActuals: number;
  plannedSavings: number;
  actualSavings: number | null;
  variancePercent: number | null;
  /** Calendar years flagged as more than 20 % behind plan. */
  behindYears: number[];
}

function benefitsSummaryOf(ideaId: string, planned: PlannedCase, actuals: BenefitActual[]): BenefitsSummary {
  const result = realiseBenefits(planned.input, actuals);
  return {
    ideaId,
    yearsWithActuals: result.toDate.years,
    plannedSavings: result.toDate.savings.planned,
    actualSavings: result.toDate.savings.actual,
    variancePercent: result.toDate.savings.variancePercent,
    behindYears: result.years.filter((y) => y.behindPlan).map((y) => planned.startYear + y.t),
  };
}

/**
 * The idea page's business-case card and benefits summary for an idea already read: the case is read once for both, and the actuals
 * only when benefits are open for the idea.
 */
export async function businessCaseAndBenefitsFor(
  db: Db, idea: { id: string; stage: Stage; outcome: ClosingOutcome | null; merged_into_id: string | null },
): Promise<{ businessCase: BusinessCaseSummary | null; benefits: BenefitsSummary | null }> {
  const open = benefitsRefusal({ stage: idea.stage, outcome: idea.outcome, merged: idea.merged_into_id !== null }) === null;
  const [current, actuals] = await Promise.all([findBusinessCase(db, idea.id), open ? listActuals(db, idea.id) : null]);
  return {
    businessCase: businessCaseSummaryOf(current),
    benefits: current && actuals ? benefitsSummaryOf(idea.id, { startYear: current.startYear, input: inputOf(current) }, actuals) : null,
  };
}
