import { type Kysely, sql } from "kysely";
import { hashPassword } from "../../app/utils/password.server";
import type { BusinessCaseSnapshot, Database } from "../schema";
import { syncReferenceCounters } from "./reference-counters";
import { demoIdeas, demoPeople, demoUnits, type DemoIdea } from "./demo-data";
import { replayDemoDecisions, seedDemoPipeline } from "./demo-pipeline";
import { seedDemoGoodExamples } from "./demo-good-examples";

/** The password of the four documented demo accounts. Demo only: never use it on a real installation. */
export const DEMO_PASSWORD = "idesluss-demo";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom("units").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

export interface SeedSummary {
  units: number;
  users: number;
  ideas: number;
}

/**
 * Loads the Stockholm demo dataset: all units, demo people and ~60 ideas with their history.
 * Dates are placed relative to `now` so the demo always looks current.
 */
export async function seedDemoData(db: Kysely<Database>, options: { now: Date }): Promise<SeedSummary> {
  const daysAgo = (days: number) => new Date(options.now.getTime() - days * DAY_MS);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction().execute(async (trx) => {
    const unitIds = new Map<string, string>();
    // Parents before children: insert in rounds until every unit is placed.
    let pending = [...demoUnits];
    while (pending.length > 0) {
      const ready = pending.filter((u) => u.parentKey === null || unitIds.has(u.parentKey));
      if (ready.length === 0) throw new Error(`Seed: okänd överordnad enhet för ${pending[0]!.key}`);
      const rows = await trx
        .insertInto("units")
        .values(ready.map((u) => ({
          name: u.name,
          short_name: u.shortName,
          kind: u.kind,
          parent_id: u.parentKey === null ? null : unitIds.get(u.parentKey)!,
        })))
        .returning(["id", "name"])
        .execute();
      ready.forEach((u, i) => unitIds.set(u.key, rows[i]!.id));
      pending = pending.filter((u) => !unitIds.has(u.key));
    }
    const unitId = (key: string) => {
      const id = unitIds.get(key);
      if (!id) throw new Error(`Seed: okänd enhet ${key}`);
      return id;
    };

    const userRows = await trx
      .insertInto("users")
      .values(demoPeople.map((p) => ({
        email: p.email,
        name: p.name,
        unit_id: unitId(p.unitKey),
        password_hash: p.canSignIn ? passwordHash : null,
        created_at: daysAgo(800),
      })))
      .returning("id")
      .execute();
    const userIds = new Map(demoPeople.map((p, i) => [p.key, userRows[i]!.id]));
    const userId = (key: string) => {
      const id = userIds.get(key);
      if (!id) throw new Error(`Seed: okänd person ${key}`);
      return id;
    };
    await trx
      .insertInto("user_roles")
      .values(demoPeople.flatMap((p) => p.roles.map((role) => ({ user_id: userId(p.key), role }))))
      .execute();
    const scopes = demoPeople.flatMap((p) => p.scopeUnitKeys.map((k) => ({ user_id: userId(p.key), unit_id: unitId(k) })));
    if (scopes.length) await trx.insertInto("user_unit_scopes").values(scopes).execute();

    // Reference numbers follow submission order within each year, with no gaps.
    const submitted = demoIdeas
      .filter((idea) => !idea.draft)
      .sort((a, b) => b.submittedDaysAgo - a.submittedDaysAgo);
    const referenceOf = new Map<DemoIdea, { year: number; number: number }>();
    const nextNumber = new Map<number, number>();
    for (const idea of submitted) {
      const year = daysAgo(idea.submittedDaysAgo).getUTCFullYear();
      const number = (nextNumber.get(year) ?? 0) + 1;
      nextNumber.set(year, number);
      referenceOf.set(idea, { year, number });
    }

    const ideaIds = new Map<DemoIdea, string>();
    for (const idea of demoIdeas) {
      ideaIds.set(idea, await insertDemoIdea(trx, idea, referenceOf.get(idea) ?? null, { unitId, userId, daysAgo }));
    }
    await syncReferenceCounters(trx);
    await seedDemoPipeline(trx, demoIdeas, { ideaId: (idea) => ideaIds.get(idea)!, unitId, userId, daysAgo });
    await seedDemoGoodExamples(trx, { now: options.now });

    return { units: unitIds.size, users: userIds.size, ideas: demoIdeas.length };
  });
}

/** The data names a paragraph; the meeting date follows the decision date, which moves with `now`. */
function meetingReferenceOn(reference: string | null, decidedAt: Date): string | null {
  if (reference === null) return null;
  const paragraph = /§\s*\d+/.exec(reference)?.[0];
  const day = decidedAt.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
  return paragraph ? `Styrgruppsmöte ${day}, ${paragraph}` : reference;
}

interface Lookups {
  unitId(key: string): string;
  userId(key: string): string;
  daysAgo(days: number): Date;
}

async function insertDemoIdea(
  trx: Kysely<Database>,
  idea: DemoIdea,
  reference: { year: number; number: number } | null,
  { unitId, userId, daysAgo }: Lookups,
): Promise<string> {
  const submittedAt = daysAgo(idea.submittedDaysAgo);
  const lastDecision = idea.decisions.at(-1);
  // Throws unless the stage machine allows every move and its decider; administrators' moves are overrides.
  const moves = replayDemoDecisions(idea);
  const { id: ideaId } = await trx
    .insertInto("ideas")
    .values({
      reference_year: reference?.year ?? null,
      reference_number: reference?.number ?? null,
      title: idea.title,
      problem: idea.problem,
      proposed_solution: idea.proposedSolution,
      kind: idea.kind,
      target_groups: idea.targetGroups,
      focus_areas: idea.focusAreas,
      approaches: idea.approaches,
      expected_benefits: idea.expectedBenefits,
      estimated_hours_saved_per_month: idea.estimatedHoursSavedPerMonth,
      estimated_savings_per_year: idea.estimatedSavingsPerYear,
      estimated_cost: idea.estimatedCost,
      handles_personal_data: idea.handlesPersonalData,
      handles_sensitive_personal_data: idea.handlesSensitivePersonalData,
      information_owner: idea.informationOwner,
      name_visibility: idea.nameVisibility,
      submitter_id: userId(idea.submitterKey),
      unit_id: unitId(idea.unitKey),
      owner_id: idea.ownerKey === null ? null : userId(idea.ownerKey),
      stage: idea.stage,
      outcome: idea.outcome,
      stage_changed_at: lastDecision ? daysAgo(lastDecision.daysAgo) : submittedAt,
      submitted_at: idea.draft ? null : submittedAt,
      version: 1 + idea.decisions.length,
      created_at: submittedAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const events: { kind: string; actor_id: string; payload: Record<string, unknown>; created_at: Date }[] = [];
  if (!idea.draft) {
    events.push({ kind: "submitted", actor_id: userId(idea.submitterKey), payload: {}, created_at: submittedAt });
  }

  // The business case is inserted before the decisions, as version 1 (issue 7): decisions taken after it
  // existed name that version, as app/services/gate-decision.server.ts does.
  let caseSavedAt: Date | null = null;
  if (idea.businessCase) {
    const bc = idea.businessCase;
    const intoPrioritering = idea.decisions.find((d) => d.toStage === "prioritering");
    caseSavedAt = daysAgo(intoPrioritering
      ? Math.min(idea.submittedDaysAgo, intoPrioritering.daysAgo + 1)
      : Math.max(0, idea.submittedDaysAgo - 1));
    const savedBy = idea.ownerKey === null ? null : userId(idea.ownerKey);
    const startYear = caseSavedAt.getUTCFullYear();
    const lines = bc.lines.map((line) => ({
      kind: line.kind, description: line.description, category: "", certainty: "medel" as const,
      unitId: unitId(line.unitKey), amounts: line.amounts,
    }));
    await trx
      .insertInto("business_cases")
      .values({
        idea_id: ideaId,
        horizon_years: bc.horizonYears,
        discount_rate: bc.discountRate,
        hourly_cost: bc.hourlyCost,
        non_monetary_benefits: bc.nonMonetaryBenefits,
        start_year: startYear,
        updated_by: savedBy,
        created_at: caseSavedAt,
        updated_at: caseSavedAt,
      })
      .execute();
    await trx
      .insertInto("business_case_lines")
      .values(lines.map((line, position) => ({
        idea_id: ideaId,
        position,
        kind: line.kind,
        description: line.description,
        unit_id: line.unitId,
        amounts: sql<number[]>`${sql.val(line.amounts)}::bigint[]`,
      })))
      .execute();
    const snapshot: BusinessCaseSnapshot = {
      horizonYears: bc.horizonYears, discountRate: bc.discountRate, hourlyCost: bc.hourlyCost, startYear,
      nonMonetaryBenefits: bc.nonMonetaryBenefits,
      scenarios: { low: { savings: 0.7, costs: 1.2 }, high: { savings: 1.2, costs: 0.9 } },
      lines,
    };
    await trx
      .insertInto("business_case_versions")
      .values({ idea_id: ideaId, version: 1, snapshot: JSON.stringify(snapshot), saved_by: savedBy, saved_at: caseSavedAt })
      .execute();
  }

  let fromStage = "inskickad" as DemoIdea["stage"];
  for (const [index, decision] of idea.decisions.entries()) {
    const decidedAt = daysAgo(decision.daysAgo);
    const { id: decisionId } = await trx
      .insertInto("gate_decisions")
      .values({
        idea_id: ideaId,
        from_stage: fromStage,
        to_stage: decision.toStage,
        outcome: decision.outcome,
        motivation: decision.motivation,
        meeting_reference: meetingReferenceOn(decision.meetingReference, decidedAt),
        decided_by: userId(decision.byKey),
        decided_at: decidedAt,
        idea_version: index + 1,
        is_override: moves[index]!.authority === "override",
        business_case_version: caseSavedAt !== null && caseSavedAt.getTime() <= decidedAt.getTime() ? 1 : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const payload = { decisionId, fromStage, toStage: decision.toStage, outcome: decision.outcome };
    events.push({ kind: "stage_changed", actor_id: userId(decision.byKey), payload, created_at: decidedAt });
    await trx
      .insertInto("audit_log")
      .values({
        actor_id: userId(decision.byKey),
        action: "gate_decision.recorded",
        entity_type: "idea",
        entity_id: ideaId,
        details: JSON.stringify({ ...payload, motivation: decision.motivation, isOverride: moves[index]!.authority === "override" }),
        created_at: decidedAt,
      })
      .execute();
    await trx
      .insertInto("notifications")
      .values({
        user_id: userId(idea.submitterKey),
        idea_id: ideaId,
        kind: "gate_decision",
        title: `Beslut om din idé: ${idea.title}`.slice(0, 300),
        body: decision.motivation,
        read_at: decision.daysAgo > 14 ? decidedAt : null,
        created_at: decidedAt,
      })
      .execute();
    fromStage = decision.toStage;
  }

  for (const comment of idea.comments) {
    const createdAt = daysAgo(comment.daysAgo);
    const { id: commentId } = await trx
      .insertInto("comments")
      .values({ idea_id: ideaId, author_id: userId(comment.authorKey), body: comment.body, created_at: createdAt, updated_at: createdAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    events.push({ kind: "commented", actor_id: userId(comment.authorKey), payload: { commentId }, created_at: createdAt });
  }

  if (events.length) {
    await trx
      .insertInto("idea_events")
      .values(events.map((e) => ({ ...e, idea_id: ideaId, payload: JSON.stringify(e.payload) })))
      .execute();
  }

  if (!idea.draft) {
    const followerKeys = new Set([idea.submitterKey, ...idea.supporterKeys, ...(idea.ownerKey ? [idea.ownerKey] : [])]);
    await trx
      .insertInto("idea_followers")
      .values([...followerKeys].map((key) => ({ idea_id: ideaId, user_id: userId(key), created_at: submittedAt })))
      .execute();
  }

  if (idea.supporterKeys.length) {
    await trx
      .insertInto("supports")
      .values(idea.supporterKeys.map((key, i) => ({
        idea_id: ideaId,
        user_id: userId(key),
        created_at: daysAgo(Math.max(0, idea.submittedDaysAgo - 1 - i)),
      })))
      .execute();
  }

  return ideaId;
}
