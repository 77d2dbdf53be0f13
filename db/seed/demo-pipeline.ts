import type { Kysely } from "kysely";
import { authorityFor, type IdeaPosition, type Transition, transitionsFrom } from "../../app/domain/stage-machine";
import { vocabularySv } from "../../app/i18n/vocabulary.sv";
import type { Database, IndicatorOutcome } from "../schema";
import { demoPeople, demoUnits, type DemoIdea } from "./demo-data";
import { type DemoPipelineStory, demoPipelineStories } from "./demo-pipeline-data";

// The stage-gate tables of the demo (issue 6): every demo idea gets the evidence its past moves
// required – a completed assessment before prioritering, a completed security screening and a pilot
// plan before pilot, a "scale up" evaluation before införande, a "stop" evaluation before a pilot is
// closed with lessons learned – plus the stories in demo-pipeline-data.ts. Deterministic: scores
// and texts are derived from the idea, dates from the decisions.

interface Lookups {
  ideaId(idea: DemoIdea): string;
  unitId(key: string): string;
  userId(key: string): string;
  daysAgo(days: number): Date;
}

/** Information owners for ideas that did not name one, by the förvaltning at the top of the unit tree. */
const INFORMATION_OWNERS: Record<string, string> = {
  "hasselby-vallingby": "Hässelby-Vällingby stadsdelsnämnd",
  "rinkeby-kista": "Rinkeby-Kista stadsdelsnämnd",
  bromma: "Bromma stadsdelsnämnd",
  ostermalm: "Östermalms stadsdelsnämnd",
  fastighet: "Fastighetsnämnden",
  trafik: "Trafiknämnden",
};

const unitsByKey = new Map(demoUnits.map((u) => [u.key, u]));
const peopleByKey = new Map(demoPeople.map((p) => [p.key, p]));

/** Unit keys from the förvaltning down to the unit. */
function unitPathKeys(unitKey: string): string[] {
  const path: string[] = [];
  for (let key: string | null = unitKey; key !== null; key = unitsByKey.get(key)?.parentKey ?? null) {
    if (!unitsByKey.has(key)) throw new Error(`Seed: okänd enhet ${key}`);
    path.unshift(key);
  }
  return path;
}

export interface ReplayedMove {
  transition: Transition;
  authority: "regular" | "override";
  daysAgo: number;
  byKey: string;
}

/**
 * The idea's decisions replayed through the stage machine from "inskickad": each move, who took it and
 * with what authority. Throws when the machine does not allow a move or its decider, so demo data
 * that contradicts the machine never loads.
 */
export function replayDemoDecisions(idea: DemoIdea): ReplayedMove[] {
  const path = unitPathKeys(idea.unitKey);
  let position: IdeaPosition = { stage: "inskickad", outcome: null };
  return idea.decisions.map((decision) => {
    const transition = transitionsFrom(position).find((t) => t.to === decision.toStage && t.outcome === decision.outcome);
    if (!transition) {
      throw new Error(`Seed: "${idea.title}" kan inte gå från ${position.stage} till ${decision.toStage}/${decision.outcome ?? "-"}`);
    }
    const person = peopleByKey.get(decision.byKey);
    if (!person) throw new Error(`Seed: okänd person ${decision.byKey}`);
    const authority = authorityFor({
      coversUnit: person.roles.includes("kontaktperson") && person.scopeUnitKeys.some((k) => path.includes(k)),
      isSteering: person.roles.includes("styrgrupp"),
      isAdmin: person.roles.includes("administrator"),
    }, transition);
    if (!authority) throw new Error(`Seed: ${decision.byKey} får inte ta steget ${transition.id} för "${idea.title}"`);
    position = { stage: transition.to, outcome: transition.outcome };
    return { transition, authority, daysAgo: decision.daysAgo, byKey: decision.byKey };
  });
}

// ---------------------------------------------------------------------------
// Derived assessment and screening
// ---------------------------------------------------------------------------

const clamp = (n: number) => Math.min(5, Math.max(1, Math.round(n)));

/** Scores per criterion code, derived from what the idea says about itself. */
export function derivedScores(idea: DemoIdea): Record<string, number> {
  const residentGroups = idea.targetGroups.filter((g) => g !== "medarbetare").length;
  const hours = idea.estimatedHoursSavedPerMonth;
  const cost = idea.estimatedCost;
  const top = unitsByKey.get(unitPathKeys(idea.unitKey)[0]!)!;
  const lineUnits = new Set(idea.businessCase?.lines.map((l) => l.unitKey) ?? []);
  return {
    nytta_invanare: clamp(residentGroups === 0 ? 2 : residentGroups + 2),
    nytta_medarbetare: clamp(hours === null ? (idea.targetGroups.includes("medarbetare") ? 3 : 2) : hours < 30 ? 3 : hours < 150 ? 4 : 5),
    strategisk_passform: clamp(1 + idea.focusAreas.length + (idea.approaches.length >= 3 ? 1 : 0)),
    genomforbarhet: clamp((cost === null || cost <= 150_000 ? 4 : cost <= 600_000 ? 3 : 2) + (idea.kind === "processforbattring" ? 1 : 0)),
    risk: idea.handlesSensitivePersonalData ? 2 : idea.handlesPersonalData ? 3 : 4,
    ateranvandbarhet: clamp((top.kind === "fackforvaltning" ? 4 : 3) + (lineUnits.size >= 2 ? 1 : 0)),
  };
}

const sv = new Intl.NumberFormat("sv-SE");
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase("sv") + s.slice(1);
/** "a, b och c" – or "a, b samt c" when an item itself contains "och" ("barn och unga"). */
const listOf = (items: string[]) =>
  items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} ${items.some((i) => i.includes(" och ")) ? "samt" : "och"} ${items.at(-1)}`;

/** A short assessment summary in Swedish, built from the idea's own facts. */
export function derivedSummary(idea: DemoIdea): string {
  const groups = idea.targetGroups.map((g) => lowerFirst(vocabularySv.targetGroups[g]));
  const areas = idea.focusAreas.map((f) => `”${vocabularySv.focusAreas[f]}”`);
  const parts = [
    `Idén ger nytta för ${listOf(groups)} och bidrar till ${areas.length === 1 ? "fokusområdet" : "fokusområdena"} ${listOf(areas)}.`,
  ];
  const hours = idea.estimatedHoursSavedPerMonth;
  const savings = idea.estimatedSavingsPerYear;
  const cost = idea.estimatedCost;
  const gains = [
    ...(hours ? [`en tidsvinst på cirka ${sv.format(hours)} timmar i månaden`] : []),
    ...(savings ? [`en besparing på cirka ${sv.format(savings)} kronor om året`] : []),
  ];
  if (gains.length) {
    parts.push(`Den beräknas ge ${gains.join(" och ")}${cost ? `, mot en uppskattad kostnad på ${sv.format(cost)} kronor` : ""}.`);
  } else if (cost) {
    parts.push(`Den uppskattade kostnaden är ${sv.format(cost)} kronor och nyttan är främst kvalitativ.`);
  }
  parts.push(idea.handlesSensitivePersonalData
    ? "Idén hanterar känsliga personuppgifter, så informationssäkerhetsbedömning och konsekvensbedömning måste vara klara före en pilot."
    : idea.handlesPersonalData
      ? "Idén hanterar personuppgifter, vilket tas om hand i informationssäkerhetsbedömningen."
      : "Inga personuppgifter hanteras, vilket gör risken låg.");
  return parts.join(" ");
}

interface ScreeningValues {
  confidentiality: number;
  integrity: number;
  availability: number;
  handles_personal_data: boolean;
  handles_sensitive_personal_data: boolean;
  dpia_needed: boolean;
  information_owner: string;
  notes: string;
}

/** A KLASSA-style screening consistent with what the idea says about personal data. */
export function derivedScreening(idea: DemoIdea): ScreeningValues {
  const personal = idea.handlesPersonalData ?? false;
  const sensitive = idea.handlesSensitivePersonalData ?? false;
  const path = unitPathKeys(idea.unitKey);
  const social = path.some((k) => /ifo|ekbistand|social/.test(k));
  const care = path.some((k) => /aldre|hemtjanst/.test(k));
  const owner = idea.informationOwner ?? INFORMATION_OWNERS[path[0]!];
  if (!owner) throw new Error(`Seed: ingen informationsägare för "${idea.title}"`);
  return {
    confidentiality: sensitive ? (social ? 4 : 3) : personal ? 2 : 1,
    integrity: sensitive ? 3 : personal ? 2 : idea.kind === "produkt_teknik" ? 2 : 1,
    availability: care || sensitive ? 3 : 2,
    handles_personal_data: personal || sensitive,
    handles_sensitive_personal_data: sensitive,
    dpia_needed: sensitive,
    information_owner: owner,
    notes: sensitive
      ? "Behandlar känsliga personuppgifter. Konsekvensbedömning enligt dataskyddsförordningen görs med dataskyddsombudet före piloten, och åtkomsten loggas och följs upp."
      : personal
        ? "Behandlar personuppgifter i begränsad omfattning. Personuppgiftsbiträdesavtal med leverantören krävs och uppgifterna gallras efter piloten."
        : "Inga personuppgifter behandlas. Risken gäller främst tillgängligheten, som bedöms vara tillräcklig med leverantörens avtalade drifttid.",
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const dateOnly = (date: Date) => date.toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });

// ---------------------------------------------------------------------------
// The seeder
// ---------------------------------------------------------------------------

type EventRow = { idea_id: string; kind: string; actor_id: string; payload: string; created_at: Date };
type AuditRow = { actor_id: string; action: string; entity_type: string; entity_id: string; details: string; created_at: Date };

/** Seeds assessments, screenings, pilots, evaluations and deviations for the demo ideas (in the caller's transaction). */
export async function seedDemoPipeline(trx: Kysely<Database>, ideas: readonly DemoIdea[], lookups: Lookups): Promise<void> {
  const { ideaId, userId, unitId, daysAgo } = lookups;
  const byTitle = new Map(ideas.map((idea) => [idea.title, idea]));
  const stories = new Map<DemoIdea, DemoPipelineStory>();
  for (const story of demoPipelineStories) {
    const idea = byTitle.get(story.title);
    if (!idea) throw new Error(`Seed: okänd idé i demo-pipeline-data: "${story.title}"`);
    stories.set(idea, story);
  }
  const criteria = await trx.selectFrom("assessment_criteria").select(["id", "code"])
    .where("active", "=", true).orderBy("position").orderBy("code").execute();

  const events: EventRow[] = [];
  const audits: AuditRow[] = [];
  const record = (idea: string, kind: string, actor: string, at: Date, payload: Record<string, unknown>, action: string, details: Record<string, unknown>) => {
    events.push({ idea_id: idea, kind, actor_id: actor, payload: JSON.stringify(payload), created_at: at });
    audits.push({ actor_id: actor, action, entity_type: "idea", entity_id: idea, details: JSON.stringify(details), created_at: at });
  };

  // What each idea needs, gathered first so every table is written with one statement.
  const assignments: { idea_id: string; assessor_id: string; assigned_by: string; assigned_at: Date }[] = [];
  const assessments: {
    ideaId: string; assessorKey: string; summary: string; privateNote: string; completedAt: Date | null;
    createdAt: Date; scores: Record<string, number>; scoredCriteria: number;
  }[] = [];
  const screenings: { ideaId: string; byKey: string; at: Date; completed: boolean; values: ScreeningValues }[] = [];
  const pilots: { idea: DemoIdea; ideaId: string; story: NonNullable<DemoPipelineStory["pilot"]>; pilotDecisionDaysAgo: number | null }[] = [];

  for (const idea of ideas) {
    if (idea.draft) continue;
    const id = ideaId(idea);
    const story = stories.get(idea);
    const moves = replayDemoDecisions(idea);
    const intoPrioritisation = moves.find((m) => m.transition.to === "prioritering");
    const intoPilot = moves.find((m) => m.transition.to === "pilot");

    // Assessors asked to assess: those the story names, and anyone else who assessed besides the owner.
    const asked = [...(story?.assignments ?? [])];
    for (const extra of story?.extraAssessments ?? []) {
      if (asked.some((a) => a.assessorKey === extra.assessorKey)) continue;
      asked.push({ assessorKey: extra.assessorKey, byKey: idea.ownerKey ?? "kontaktperson", daysAgo: extra.daysAgo + 10 });
    }
    for (const a of asked) {
      assignments.push({ idea_id: id, assessor_id: userId(a.assessorKey), assigned_by: userId(a.byKey), assigned_at: daysAgo(a.daysAgo) });
    }
    const byDayAndAssigner = new Map<string, { byKey: string; daysAgo: number; keys: string[] }>();
    for (const a of asked) {
      const key = `${a.byKey}:${a.daysAgo}`;
      const group = byDayAndAssigner.get(key) ?? { byKey: a.byKey, daysAgo: a.daysAgo, keys: [] };
      group.keys.push(a.assessorKey);
      byDayAndAssigner.set(key, group);
    }
    for (const group of byDayAndAssigner.values()) {
      const assessorIds = group.keys.map(userId);
      record(id, "assessors_assigned", userId(group.byKey), daysAgo(group.daysAgo), { assessorIds },
        "assessment.assessors_assigned", { assessorIds });
    }

    // The completed assessment behind the move into prioritering, by whoever took that move.
    const mainAssessment = intoPrioritisation
      ? { byKey: intoPrioritisation.byKey, daysAgo: intoPrioritisation.daysAgo + 3 }
      : story?.assessedInAssessment
        ? { byKey: idea.ownerKey ?? "kontaktperson", daysAgo: story.assessedInAssessment.daysAgo }
        : null;
    if (mainAssessment) {
      if (!idea.businessCase?.lines.length) throw new Error(`Seed: "${idea.title}" saknar nyttokalkyl men har bedömts för prioritering`);
      assessments.push({
        ideaId: id, assessorKey: mainAssessment.byKey, summary: story?.assessmentSummary ?? derivedSummary(idea),
        privateNote: story?.assessmentPrivateNote ?? "", completedAt: daysAgo(mainAssessment.daysAgo),
        createdAt: daysAgo(mainAssessment.daysAgo + 6), scores: derivedScores(idea), scoredCriteria: criteria.length,
      });
    }
    for (const extra of story?.extraAssessments ?? []) {
      const base = derivedScores(idea);
      const scores = Object.fromEntries(criteria.map((c, i) => [c.code, clamp((base[c.code] ?? 3) + (i % 2 === 0 ? extra.scoreShift : 0))]));
      assessments.push({
        ideaId: id, assessorKey: extra.assessorKey, summary: extra.summary, privateNote: extra.privateNote ?? "",
        completedAt: extra.completed ? daysAgo(extra.daysAgo) : null, createdAt: daysAgo(extra.daysAgo + 4), scores,
        scoredCriteria: extra.completed ? criteria.length : Math.min(criteria.length, extra.scoredCriteria ?? 0),
      });
    }

    // The security screening: completed before the move into pilot, or as the story says.
    const screeningBy = intoPrioritisation?.byKey ?? idea.ownerKey ?? "kontaktperson";
    if (intoPilot) {
      screenings.push({ ideaId: id, byKey: screeningBy, at: daysAgo(intoPilot.daysAgo + 10), completed: true, values: derivedScreening(idea) });
    } else if (story?.screening) {
      screenings.push({ ideaId: id, byKey: screeningBy, at: daysAgo(story.screening.daysAgo), completed: story.screening.completed, values: derivedScreening(idea) });
    }

    if (intoPilot && !story?.pilot) throw new Error(`Seed: "${idea.title}" har gått till pilot utan pilotplan i demo-pipeline-data`);
    if (story?.pilot) pilots.push({ idea, ideaId: id, story: story.pilot, pilotDecisionDaysAgo: intoPilot?.daysAgo ?? null });
  }

  if (assignments.length) await trx.insertInto("assessor_assignments").values(assignments).execute();

  if (assessments.length) {
    const rows = await trx.insertInto("assessments")
      .values(assessments.map((a) => ({
        idea_id: a.ideaId, assessor_id: userId(a.assessorKey), summary: a.summary, private_note: a.privateNote,
        completed_at: a.completedAt, created_at: a.createdAt, updated_at: a.completedAt ?? daysAgo(0),
      })))
      .returning(["id", "idea_id", "assessor_id"])
      .execute();
    const idOf = new Map(rows.map((r) => [`${r.idea_id}:${r.assessor_id}`, r.id]));
    const scores = assessments.flatMap((a) => {
      const assessmentId = idOf.get(`${a.ideaId}:${userId(a.assessorKey)}`)!;
      return criteria.slice(0, a.scoredCriteria).map((c) => ({ assessment_id: assessmentId, criterion_id: c.id, score: a.scores[c.code] ?? 3 }));
    });
    if (scores.length) await trx.insertInto("assessment_scores").values(scores).execute();
    for (const a of assessments) {
      if (!a.completedAt) continue;
      const assessmentId = idOf.get(`${a.ideaId}:${userId(a.assessorKey)}`)!;
      record(a.ideaId, "assessment_completed", userId(a.assessorKey), a.completedAt, { assessmentId },
        "assessment.completed", { assessmentId });
    }
  }

  if (screenings.length) {
    await trx.insertInto("security_screenings")
      .values(screenings.map((s) => {
        const by = userId(s.byKey);
        const common = { idea_id: s.ideaId, updated_by: by, created_at: new Date(s.at.getTime() - 3 * DAY_MS), updated_at: s.at };
        return s.completed
          ? { ...common, ...s.values, completed_at: s.at, completed_by: by }
          // A screening begun: the levels are set, the personal-data questions are not answered yet.
          : { ...common, confidentiality: s.values.confidentiality, integrity: s.values.integrity, notes: "" };
      }))
      .execute();
    for (const s of screenings.filter((x) => x.completed)) {
      record(s.ideaId, "security_screened", userId(s.byKey), s.at, { version: 1 }, "security_screening.completed", {
        confidentiality: s.values.confidentiality, integrity: s.values.integrity, availability: s.values.availability,
        dpiaNeeded: s.values.dpia_needed,
      });
    }
  }

  if (pilots.length) {
    const plans = pilots.map(({ idea, ideaId: id, story, pilotDecisionDaysAgo }) => {
      const startsDaysAgo = story.startsDaysAgo ?? (pilotDecisionDaysAgo ?? 0) - 7;
      const plannedDaysAgo = story.plannedDaysAgo ?? (pilotDecisionDaysAgo ?? 0) + 12;
      const ownerKey = story.ownerKey ?? idea.ownerKey;
      if (!ownerKey) throw new Error(`Seed: "${idea.title}" saknar ägare för piloten`);
      const iterated = story.evaluations.find((e) => e.verdict === "iterate");
      return {
        idea_id: id, goal: story.goal, owner_id: userId(ownerKey), updated_by: userId(ownerKey),
        starts_on: dateOnly(daysAgo(startsDaysAgo)),
        ends_on: dateOnly(daysAgo(startsDaysAgo - story.durationDays - (story.extendedDays ?? 0))),
        version: story.extendedDays ? 2 : 1,
        created_at: daysAgo(plannedDaysAgo),
        updated_at: story.extendedDays && iterated ? daysAgo(iterated.daysAgo - 1) : daysAgo(plannedDaysAgo),
      };
    });
    await trx.insertInto("pilot_plans").values(plans).execute();
    await trx.insertInto("pilot_plan_units")
      .values(pilots.flatMap(({ idea, ideaId: id, story }) =>
        [...new Set([idea.unitKey, ...story.otherUnitKeys])].map((key) => ({ idea_id: id, unit_id: unitId(key) }))))
      .execute();
    const indicatorRows = await trx.insertInto("pilot_indicators")
      .values(pilots.flatMap(({ ideaId: id, story }) => story.indicators.map((ind, position) => ({
        idea_id: id, position, name: ind.name, measure_unit: ind.measureUnit, baseline: ind.baseline, target: ind.target,
      }))))
      .returning(["id", "idea_id", "position"])
      .execute();
    const indicatorId = new Map(indicatorRows.map((r) => [`${r.idea_id}:${r.position}`, r.id]));
    for (const [i, { ideaId: id, story }] of pilots.entries()) {
      const { owner_id: owner, created_at: createdAt, updated_at: updatedAt, starts_on: startsOn, ends_on: endsOn } = plans[i]!;
      const indicators = story.indicators.length;
      if (story.extendedDays) {
        // Planned first for the original period, extended after the "iterate" evaluation.
        const firstEnd = dateOnly(new Date(new Date(`${endsOn}T12:00:00Z`).getTime() - story.extendedDays * DAY_MS));
        const first = { version: 1, created: true, startsOn, endsOn: firstEnd };
        record(id, "pilot_planned", owner, createdAt, first, "pilot_plan.saved", { ...first, indicators });
        const second = { version: 2, created: false, startsOn, endsOn };
        record(id, "pilot_planned", owner, updatedAt, second, "pilot_plan.saved", { ...second, indicators });
      } else {
        const plan = { version: 1, created: true, startsOn, endsOn };
        record(id, "pilot_planned", owner, createdAt, plan, "pilot_plan.saved", { ...plan, indicators });
      }
    }

    const evaluations = pilots.flatMap(({ ideaId: id, story }) => story.evaluations.map((e) => {
      if (e.outcomes.length !== story.indicators.length) throw new Error(`Seed: fel antal utfall i utvärderingen av ${id}`);
      const outcomes: IndicatorOutcome[] = story.indicators.map((ind, position) => ({
        indicatorId: indicatorId.get(`${id}:${position}`)!, name: ind.name, measureUnit: ind.measureUnit,
        baseline: ind.baseline, target: ind.target, outcome: e.outcomes[position] ?? null, comment: e.comments?.[position] ?? "",
      }));
      return {
        idea_id: id, verdict: e.verdict, summary: e.summary, lessons_learned: e.lessons,
        indicator_outcomes: JSON.stringify(outcomes), evaluated_by: userId(e.byKey), evaluated_at: daysAgo(e.daysAgo),
      };
    }));
    if (evaluations.length) {
      const rows = await trx.insertInto("pilot_evaluations").values(evaluations).returning(["id", "idea_id", "verdict", "evaluated_by", "evaluated_at"]).execute();
      for (const r of rows) {
        record(r.idea_id, "pilot_evaluated", r.evaluated_by, r.evaluated_at, { evaluationId: r.id, verdict: r.verdict },
          "pilot.evaluated", { evaluationId: r.id, verdict: r.verdict });
      }
    }
  }

  const deviations = [...stories].flatMap(([idea, story]) => (story.deviations ?? []).map((d) => ({ idea, d })));
  if (deviations.length) {
    const rows = await trx.insertInto("deviation_requests")
      .values(deviations.map(({ idea, d }) => ({
        idea_id: ideaId(idea), standard: d.standard, description: d.description, justification: d.justification,
        valid_until: d.validUntilDaysAgo === null ? null : dateOnly(daysAgo(d.validUntilDaysAgo)),
        status: d.status, requested_by: userId(d.requestedByKey), requested_at: daysAgo(d.requestedDaysAgo),
        decided_by: d.decision ? userId(d.decision.byKey) : null,
        decided_at: d.decision ? daysAgo(d.decision.daysAgo) : null,
        decision_motivation: d.decision?.motivation ?? null,
      })))
      .returning(["id", "idea_id"])
      .execute();
    deviations.forEach(({ d }, i) => {
      const { id, idea_id } = rows[i]!;
      record(idea_id, "deviation_requested", userId(d.requestedByKey), daysAgo(d.requestedDaysAgo), { deviationId: id, standard: d.standard },
        "deviation.requested", { deviationId: id, standard: d.standard });
      if (d.decision) {
        record(idea_id, "deviation_decided", userId(d.decision.byKey), daysAgo(d.decision.daysAgo), { deviationId: id, status: d.status, standard: d.standard },
          "deviation.decided", { deviationId: id, status: d.status, motivation: d.decision.motivation });
      }
    });
  }

  if (events.length) await trx.insertInto("idea_events").values(events).execute();
  if (audits.length) await trx.insertInto("audit_log").values(audits).execute();
}
