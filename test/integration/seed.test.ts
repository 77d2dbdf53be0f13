import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "../../db/database";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemoData } from "../../db/seed/demo";
import { seedSyntheticData } from "../../db/seed/synthetic";
import { authorityFor, type IdeaPosition, movesFor, transitionsFrom } from "../../app/domain/stage-machine";
import { STAGES, type Stage } from "../../app/domain/vocabulary";
import { planGaps } from "../../app/domain/pilot";
import { gatherGateEvidence } from "../../app/models/gate-evidence.server";
import { unitPathOf } from "../../app/models/unit-path.server";
import { verifyPassword } from "../../app/utils/password.server";
import { createTestDatabase, testDatabaseKind } from "../support/test-database";

let handle: DatabaseHandle;
const now = new Date("2026-11-23T09:00:00Z");

beforeAll(async () => {
  handle = await createTestDatabase();
  expect(await isDatabaseEmpty(handle.db)).toBe(true);
  await seedDemoData(handle.db, { now });
});

afterAll(async () => {
  await handle.close();
});

describe(`demo data on ${testDatabaseKind()}`, () => {
  it("creates the four documented demo accounts with the demo password", async () => {
    const db = handle.db;
    for (const [email, role] of [
      ["medarbetare@idesluss.test", "medarbetare"],
      ["kontaktperson@idesluss.test", "kontaktperson"],
      ["styrgrupp@idesluss.test", "styrgrupp"],
      ["admin@idesluss.test", "administrator"],
    ] as const) {
      const user = await db.selectFrom("users").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
      expect(await verifyPassword(user.password_hash!, DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user.password_hash!, "fel-lösenord")).toBe(false);
      const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
      expect(roles.map((r) => r.role)).toContain(role);
    }
  });

  it("makes the kontaktperson the contact for Östermalm", async () => {
    const scopes = await handle.db
      .selectFrom("user_unit_scopes")
      .innerJoin("users", "users.id", "user_unit_scopes.user_id")
      .innerJoin("units", "units.id", "user_unit_scopes.unit_id")
      .select(["units.name", "units.kind"])
      .where("users.email", "=", "kontaktperson@idesluss.test")
      .execute();
    expect(scopes).toEqual([{ name: "Östermalms stadsdelsförvaltning", kind: "stadsdelsforvaltning" }]);
  });

  it("has all 13 stadsdelsförvaltningar", async () => {
    const districts = await handle.db.selectFrom("units").select("name").where("kind", "=", "stadsdelsforvaltning").execute();
    expect(districts).toHaveLength(13);
    expect(districts.map((d) => d.name)).toContain("Rinkeby-Kista stadsdelsförvaltning");
  });

  it("spreads about 60 ideas over every stage, with gap-free references per year", async () => {
    const ideas = await handle.db.selectFrom("ideas").select(["stage", "outcome", "reference_year", "reference_number"]).execute();
    expect(ideas.length).toBeGreaterThanOrEqual(55);
    expect(ideas.length).toBeLessThanOrEqual(65);
    for (const stage of STAGES) expect(ideas.some((i) => i.stage === stage)).toBe(true);
    const byYear = new Map<number, number[]>();
    for (const idea of ideas) {
      if (idea.reference_year === null) continue;
      byYear.set(idea.reference_year, [...(byYear.get(idea.reference_year) ?? []), idea.reference_number!]);
    }
    for (const numbers of byYear.values()) {
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it("records a decision, an audit row and a timeline event for every stage change", async () => {
    const { rows } = await sql<{ decisions: number; audits: number; events: number }>`
      select (select count(*) from gate_decisions) as decisions,
             (select count(*) from audit_log where action = 'gate_decision.recorded') as audits,
             (select count(*) from idea_events where kind = 'stage_changed') as events`.execute(handle.db);
    expect(rows[0]!.decisions).toBeGreaterThan(40);
    expect(rows[0]!.audits).toBe(rows[0]!.decisions);
    expect(rows[0]!.events).toBe(rows[0]!.decisions);
    const mismatched = await sql<{ id: string }>`
      select i.id from ideas i
      left join lateral (select to_stage from gate_decisions g where g.idea_id = i.id order by decided_at desc limit 1) last on true
      where coalesce(last.to_stage, 'inskickad') <> i.stage`.execute(handle.db);
    expect(mismatched.rows).toEqual([]);
  });

  it("gives every idea from prioritering on a business case", async () => {
    const missing = await handle.db
      .selectFrom("ideas")
      .leftJoin("business_cases", "business_cases.idea_id", "ideas.id")
      .select("ideas.title")
      .where("ideas.stage", "in", ["prioritering", "pilot", "inforande"])
      .where("business_cases.idea_id", "is", null)
      .execute();
    expect(missing).toEqual([]);
  });

  it("replays every idea's gate decisions through the stage machine, by people who may take each move", async () => {
    const db = handle.db;
    const ideas = await db.selectFrom("ideas").select(["id", "title", "unit_id", "stage", "outcome"]).orderBy("id").execute();
    const decisions = await db.selectFrom("gate_decisions")
      .select(["idea_id", "from_stage", "to_stage", "outcome", "decided_by", "is_override", "idea_version"])
      .orderBy("idea_id").orderBy("decided_at").orderBy("idea_version").execute();
    const people = new Map<string, { roles: string[]; scopes: string[] }>();
    for (const r of await db.selectFrom("user_roles").select(["user_id", "role"]).execute()) {
      people.set(r.user_id, { roles: [...(people.get(r.user_id)?.roles ?? []), r.role], scopes: people.get(r.user_id)?.scopes ?? [] });
    }
    for (const s of await db.selectFrom("user_unit_scopes").select(["user_id", "unit_id"]).execute()) {
      people.get(s.user_id)!.scopes.push(s.unit_id);
    }
    let moves = 0;
    let overrides = 0;
    for (const idea of ideas) {
      const unitPath = await unitPathOf(db, idea.unit_id);
      let position: IdeaPosition = { stage: "inskickad", outcome: null };
      for (const d of decisions.filter((x) => x.idea_id === idea.id)) {
        const where = `${idea.title}: ${position.stage} → ${d.to_stage}/${d.outcome ?? "-"}`;
        expect(d.from_stage, where).toBe(position.stage);
        const transition = transitionsFrom(position).find((t) => t.to === d.to_stage && t.outcome === d.outcome);
        expect(transition, where).toBeDefined();
        const person = people.get(d.decided_by)!;
        const authority = authorityFor({
          coversUnit: person.roles.includes("kontaktperson") && unitPath.some((u) => person.scopes.includes(u)),
          isSteering: person.roles.includes("styrgrupp"),
          isAdmin: person.roles.includes("administrator"),
        }, transition!);
        expect(authority, where).not.toBeNull();
        expect(d.is_override, where).toBe(authority === "override");
        position = { stage: transition!.to, outcome: transition!.outcome };
        moves++;
        if (d.is_override) overrides++;
      }
      expect(position, idea.title).toEqual({ stage: idea.stage, outcome: idea.outcome });
    }
    expect(moves).toBe(decisions.length);
    expect(overrides).toBeGreaterThan(0);
  });

  it("had the evidence each past move required in place before it was decided", async () => {
    const db = handle.db;
    const activeCriteria = (await db.selectFrom("assessment_criteria").select("id").where("active", "=", true).execute()).length;
    const decisions = await db.selectFrom("gate_decisions").innerJoin("ideas", "ideas.id", "gate_decisions.idea_id")
      .select(["gate_decisions.idea_id", "ideas.title", "ideas.stage", "ideas.outcome", "from_stage", "to_stage",
        "gate_decisions.outcome as decidedOutcome", "decided_at"])
      .orderBy("gate_decisions.idea_id").orderBy("decided_at").execute();
    const checked = { prioritering: 0, pilot: 0, inforande: 0, stopped: 0 };
    for (const d of decisions) {
      const where = `${d.title} → ${d.to_stage}/${d.decidedOutcome ?? "-"}`;
      if (d.to_stage === "prioritering") {
        const completed = await db.selectFrom("assessments")
          .select((eb) => ["assessments.id", eb.selectFrom("assessment_scores").select(eb.fn.countAll<number>().as("n"))
            .whereRef("assessment_scores.assessment_id", "=", "assessments.id").as("scored")])
          .where("idea_id", "=", d.idea_id).where("completed_at", "<=", d.decided_at).orderBy("assessments.id").execute();
        expect(completed.length, where).toBeGreaterThan(0);
        for (const a of completed) expect(Number(a.scored), where).toBe(activeCriteria);
        const lines = await db.selectFrom("business_case_lines").select("id").where("idea_id", "=", d.idea_id).execute();
        expect(lines.length, where).toBeGreaterThan(0);
        checked.prioritering++;
      }
      if (d.to_stage === "pilot") {
        const screening = await db.selectFrom("security_screenings").selectAll().where("idea_id", "=", d.idea_id).executeTakeFirst();
        expect(screening?.completed_at, where).toBeTruthy();
        expect(screening!.completed_at!.getTime(), where).toBeLessThanOrEqual(d.decided_at.getTime());
        const plan = await db.selectFrom("pilot_plans").selectAll().where("idea_id", "=", d.idea_id).executeTakeFirst();
        expect(plan, where).toBeDefined();
        expect(plan!.created_at.getTime(), where).toBeLessThanOrEqual(d.decided_at.getTime());
        const indicators = await db.selectFrom("pilot_indicators").select(["name", "baseline", "target"])
          .where("idea_id", "=", d.idea_id).orderBy("position").execute();
        expect(indicators.length, where).toBeGreaterThanOrEqual(1);
        expect(indicators.length, where).toBeLessThanOrEqual(3);
        const units = await db.selectFrom("pilot_plan_units").select("unit_id").where("idea_id", "=", d.idea_id).execute();
        expect(planGaps({
          goal: plan!.goal, startsOn: plan!.starts_on, endsOn: plan!.ends_on, ownerId: plan!.owner_id,
          unitIds: units.map((u) => u.unit_id), indicators,
        }), where).toEqual([]);
        checked.pilot++;
      }
      const latestEvaluation = () => db.selectFrom("pilot_evaluations").selectAll()
        .where("idea_id", "=", d.idea_id).where("evaluated_at", "<=", d.decided_at)
        .orderBy("evaluated_at", "desc").orderBy("id", "desc").limit(1).executeTakeFirst();
      if (d.to_stage === "inforande") {
        expect((await latestEvaluation())?.verdict, where).toBe("scale_up");
        checked.inforande++;
      }
      if (d.from_stage === "pilot" && d.decidedOutcome === "avbruten_med_lardomar") {
        const evaluation = await latestEvaluation();
        expect(evaluation?.verdict, where).toBe("stop");
        const sentences = evaluation!.lessons_learned.split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 0);
        expect(sentences.length, where).toBeGreaterThanOrEqual(2);
        expect(sentences.length, where).toBeLessThanOrEqual(4);
        checked.stopped++;
      }
    }
    expect(checked.prioritering).toBeGreaterThan(20);
    expect(checked.pilot).toBeGreaterThan(10);
    expect(checked.inforande).toBeGreaterThan(5);
    expect(checked.stopped).toBeGreaterThanOrEqual(2);

    // The evidence the gates read today agrees for every idea past each gate.
    const ideas = await db.selectFrom("ideas").select(["id", "title", "stage", "outcome"]).where("submitted_at", "is not", null)
      .orderBy("id").execute();
    for (const idea of ideas) {
      const mine = decisions.filter((d) => d.idea_id === idea.id);
      const evidence = await gatherGateEvidence(db, idea.id);
      if (mine.some((d) => d.to_stage === "prioritering")) {
        expect(evidence.completedAssessments, idea.title).toBeGreaterThan(0);
        expect(evidence.hasBusinessCase, idea.title).toBe(true);
      }
      if (mine.some((d) => d.to_stage === "pilot")) {
        expect(evidence.securityScreeningCompleted, idea.title).toBe(true);
        expect(evidence.hasPilotPlan, idea.title).toBe(true);
      }
      if (idea.stage === "inforande" || idea.outcome === "inford") expect(evidence.latestPilotVerdict, idea.title).toBe("scale_up");
      if (idea.outcome === "avbruten_med_lardomar") expect(evidence.latestPilotVerdict, idea.title).toBe("stop");
    }
  });

  it("gives the demo accounts ideas ready for their next decision", async () => {
    const db = handle.db;
    const ostermalm = (await db.selectFrom("units").select("id").where("name", "=", "Östermalms stadsdelsförvaltning").executeTakeFirstOrThrow()).id;
    const kontakt = { coversUnit: true, isSteering: false, isAdmin: false };
    const steering = { coversUnit: false, isSteering: true, isAdmin: false };
    const unmetFor = async (ideaId: string, person: typeof kontakt, transitionId: string) => {
      const idea = await db.selectFrom("ideas").select(["stage", "outcome"]).where("id", "=", ideaId).executeTakeFirstOrThrow();
      const move = movesFor({ stage: idea.stage, outcome: idea.outcome }, person, await gatherGateEvidence(db, ideaId))
        .find((m) => m.transition.id === transitionId);
      return move?.unmet ?? null;
    };
    const inStage = async (stage: Stage, unitFilter: boolean) => {
      let q = db.selectFrom("ideas").select("id").where("stage", "=", stage).where("submitted_at", "is not", null);
      if (unitFilter) {
        const units = await sql<{ id: string }>`with recursive t as (select id from units where id = ${ostermalm}
          union all select u.id from units u join t on u.parent_id = t.id) select id from t`.execute(db);
        q = q.where("unit_id", "in", units.rows.map((u) => u.id));
      }
      return (await q.orderBy("id").execute()).map((r) => r.id);
    };
    const ostermalmAssessment = await inStage("bedomning", true);
    const unmet = await Promise.all(ostermalmAssessment.map((id) => unmetFor(id, kontakt, "to_prioritisation")));
    expect(unmet).toContainEqual([]);
    expect(unmet).toContainEqual(["completed_assessment"]);
    const prioritised = await Promise.all((await inStage("prioritering", false)).map((id) => unmetFor(id, steering, "start_pilot")));
    expect(prioritised).toContainEqual([]);
    expect(prioritised.some((u) => u !== null && u.length > 0)).toBe(true);
    const pilots = await inStage("pilot", false);
    const closable = await Promise.all(pilots.map(async (id) => ({
      verdict: (await gatherGateEvidence(db, id)).latestPilotVerdict, unmet: await unmetFor(id, steering, "pilot_avbruten_med_lardomar"),
    })));
    expect(closable).toContainEqual({ verdict: "stop", unmet: [] });
    expect(closable.map((c) => c.verdict)).toContain("iterate");
    expect(closable.map((c) => c.verdict)).toContain("scale_up");

    const { rows } = await sql<{ assigned: number; drafts: number; requested: number; approved: number; rejected: number }>`
      select (select count(*) from assessor_assignments a join ideas i on i.id = a.idea_id where i.stage = 'bedomning') as assigned,
             (select count(*) from assessments where completed_at is null) as drafts,
             (select count(*) from deviation_requests where status = 'requested') as requested,
             (select count(*) from deviation_requests where status = 'approved' and length(decision_motivation) > 20) as approved,
             (select count(*) from deviation_requests where status = 'rejected' and length(decision_motivation) > 20) as rejected`
      .execute(db);
    expect(rows[0]).toEqual({ assigned: expect.any(Number), drafts: 1, requested: 1, approved: 1, rejected: 1 });
    expect(Number(rows[0]!.assigned)).toBeGreaterThanOrEqual(3);
  });

  it("adds synthetic ideas with unique, continuing references", async () => {
    const before = await handle.db.selectFrom("ideas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    const indexesBefore = await sql<{ def: string }>`select indexdef as def from pg_indexes
      where tablename in ('ideas', 'idea_events', 'comments') order by indexdef`.execute(handle.db);
    const summary = await seedSyntheticData(handle.db, { ideas: 500, now, rebuildIndexes: true });
    const indexesAfter = await sql<{ def: string }>`select indexdef as def from pg_indexes
      where tablename in ('ideas', 'idea_events', 'comments') order by indexdef`.execute(handle.db);
    expect(indexesAfter.rows).toEqual(indexesBefore.rows);
    expect(indexesAfter.rows.length).toBeGreaterThan(10);
    expect(summary.events).toBe(5000);
    expect(summary.comments).toBe(1000);
    const { rows } = await sql<{ year: number; total: number; distinct_refs: number; highest: number }>`
      select reference_year as year, count(*) as total, count(distinct reference) as distinct_refs,
             max(reference_number) as highest
      from ideas where reference is not null group by reference_year`.execute(handle.db);
    for (const year of rows) {
      expect(year.distinct_refs).toBe(year.total);
      expect(year.highest).toBe(year.total);
    }
    const after = await handle.db.selectFrom("ideas").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
    expect(after.n - before.n).toBe(500);
  });
});
