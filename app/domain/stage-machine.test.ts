import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  authorityFor, type DeciderFacts, type GateEvidence, type IdeaPosition, movesFor, planGateDecision,
  TRANSITIONS, transitionsFrom, unmetRequirements,
} from "./stage-machine";
import { CLOSING_OUTCOMES, PILOT_VERDICTS, STAGES, type Stage } from "./vocabulary";

const FORWARD_ORDER: readonly Stage[] = ["inskickad", "bedomning", "prioritering", "pilot", "inforande"];
const START: IdeaPosition = { stage: "inskickad", outcome: null };
const nobody: DeciderFacts = { coversUnit: false, isSteering: false, isAdmin: false };
const unitContact: DeciderFacts = { ...nobody, coversUnit: true };
const steering: DeciderFacts = { ...nobody, isSteering: true };
const admin: DeciderFacts = { ...nobody, isAdmin: true };
const nothing: GateEvidence = {
  hasOwner: false, completedAssessments: 0, hasBusinessCase: false, securityScreeningCompleted: false,
  hasPilotPlan: false, latestPilotVerdict: null,
};
const everything: GateEvidence = {
  hasOwner: true, completedAssessments: 2, hasBusinessCase: true, securityScreeningCompleted: true,
  hasPilotPlan: true, latestPilotVerdict: "scale_up",
};

const evidenceArb: fc.Arbitrary<GateEvidence> = fc.record({
  hasOwner: fc.boolean(),
  completedAssessments: fc.nat(3),
  hasBusinessCase: fc.boolean(),
  securityScreeningCompleted: fc.boolean(),
  hasPilotPlan: fc.boolean(),
  latestPilotVerdict: fc.constantFrom(null, ...PILOT_VERDICTS),
});
const personArb: fc.Arbitrary<DeciderFacts> = fc.record({ coversUnit: fc.boolean(), isSteering: fc.boolean(), isAdmin: fc.boolean() });
/** One attempted step: who tries, which move (by index among the moves from here), with what evidence. */
/** Biased towards the first listed move (forward) and met gates, so that histories reach deep stages. */
const stepArb = fc.record({
  person: personArb,
  evidence: fc.oneof({ weight: 3, arbitrary: fc.constant(everything) }, { weight: 2, arbitrary: evidenceArb }),
  pick: fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.nat(20) }),
  motivation: fc.constantFrom("", "  ", "Motiverat.", "Motiverat."),
});

interface RecordedDecision { from: IdeaPosition; to: IdeaPosition; transitionId: string; isOverride: boolean; evidence: GateEvidence; person: DeciderFacts }

/** Runs attempted steps through planGateDecision, keeping a decision for every move actually taken. */
function simulate(steps: { person: DeciderFacts; evidence: GateEvidence; pick: number; motivation: string }[]) {
  let position = START;
  const decisions: RecordedDecision[] = [];
  const path: IdeaPosition[] = [position];
  for (const step of steps) {
    const moves = transitionsFrom(position);
    if (moves.length === 0) break;
    const transition = moves[step.pick % moves.length]!;
    const plan = planGateDecision({ position, transitionId: transition.id, person: step.person, evidence: step.evidence, motivation: step.motivation });
    if (!plan.ok) continue;
    decisions.push({ from: position, to: plan.next, transitionId: plan.transition.id, isOverride: plan.isOverride, evidence: step.evidence, person: step.person });
    position = plan.next;
    path.push(position);
  }
  return { position, decisions, path };
}

describe("the stage machine", () => {
  it("only moves forward one stage at a time (no gate is skipped)", () => {
    for (const t of TRANSITIONS.filter((t) => t.kind === "forward")) {
      expect(FORWARD_ORDER.indexOf(t.to) - FORWARD_ORDER.indexOf(t.from)).toBe(1);
    }
  });

  it("closes with an outcome exactly when the move ends in avslutad", () => {
    for (const t of TRANSITIONS) expect(t.to === "avslutad").toBe(t.outcome !== null);
    for (const t of TRANSITIONS.filter((t) => t.to === "avslutad")) expect(CLOSING_OUTCOMES).toContain(t.outcome);
  });

  it("has a move out of every stage but a final close, and revives only parked ideas", () => {
    for (const stage of STAGES.filter((s) => s !== "avslutad")) expect(transitionsFrom({ stage, outcome: null }).length).toBeGreaterThan(0);
    expect(transitionsFrom({ stage: "avslutad", outcome: "parkerad" }).map((t) => t.to)).toEqual(["bedomning"]);
    for (const outcome of ["inford", "avslagen", "avbruten_med_lardomar"] as const) {
      expect(transitionsFrom({ stage: "avslutad", outcome })).toEqual([]);
    }
  });

  it("requires assessment and business case for prioritering, screening and plan for pilot, an evaluation to leave a pilot", () => {
    const into = (to: Stage) => TRANSITIONS.filter((t) => t.to === to && t.kind === "forward");
    for (const t of into("prioritering")) expect(t.requires).toEqual(expect.arrayContaining(["completed_assessment", "business_case"]));
    for (const t of into("pilot")) expect(t.requires).toEqual(expect.arrayContaining(["security_screening", "pilot_plan"]));
    for (const t of TRANSITIONS.filter((t) => t.from === "pilot")) expect(t.requires).toContain("pilot_evaluation");
  });

  it("stops a pilot only as avbruten_med_lardomar and implements only after a scale-up verdict", () => {
    const fromPilot = transitionsFrom({ stage: "pilot", outcome: null });
    expect(fromPilot.filter((t) => t.to === "avslutad").map((t) => t.outcome)).toEqual(["avbruten_med_lardomar"]);
    const implement = fromPilot.find((t) => t.to === "inforande")!;
    expect(unmetRequirements(implement, { ...everything, latestPilotVerdict: "stop" })).toEqual(["pilot_verdict_scale_up"]);
    expect(unmetRequirements(implement, everything)).toEqual([]);
  });

  it("gives the unit's kontaktperson the moves up to and into prioritering and the styrgrupp the rest", () => {
    for (const t of TRANSITIONS) {
      const early = t.from === "inskickad" || t.from === "bedomning";
      expect(authorityFor(unitContact, t) === "regular").toBe(early || t.kind === "revive");
      expect(authorityFor(steering, t) === "regular").toBe(!early);
      expect(authorityFor(admin, t)).toBe("override");
      expect(authorityFor(nobody, t)).toBeNull();
    }
  });

  it("refuses an unknown move, a move by the wrong person, an unmet gate and an empty motivation", () => {
    const base = { position: { stage: "bedomning", outcome: null } as IdeaPosition, evidence: everything, motivation: "Ja." };
    expect(planGateDecision({ ...base, transitionId: "start_pilot", person: unitContact })).toEqual({ ok: false, reason: "no_such_move" });
    expect(planGateDecision({ ...base, transitionId: "to_prioritisation", person: steering })).toEqual({ ok: false, reason: "not_allowed" });
    expect(planGateDecision({ ...base, transitionId: "to_prioritisation", person: unitContact, evidence: { ...everything, hasBusinessCase: false } }))
      .toEqual({ ok: false, reason: "requirements_unmet", unmet: ["business_case"] });
    expect(planGateDecision({ ...base, transitionId: "to_prioritisation", person: unitContact, motivation: " \n" }))
      .toEqual({ ok: false, reason: "motivation_required" });
    expect(planGateDecision({ ...base, transitionId: "to_prioritisation", person: unitContact })).toMatchObject({
      ok: true, isOverride: false, next: { stage: "prioritering", outcome: null },
    });
  });

  it("lets an administrator override who decides but never the gate itself", () => {
    const position: IdeaPosition = { stage: "prioritering", outcome: null };
    expect(planGateDecision({ position, transitionId: "start_pilot", person: admin, evidence: everything, motivation: "Brådskande." }))
      .toMatchObject({ ok: true, isOverride: true });
    expect(planGateDecision({ position, transitionId: "start_pilot", person: admin, evidence: { ...everything, hasPilotPlan: false }, motivation: "Brådskande." }))
      .toEqual({ ok: false, reason: "requirements_unmet", unmet: ["pilot_plan"] });
    // An administrator who is also in the styrgrupp decides regularly.
    expect(planGateDecision({ position, transitionId: "start_pilot", person: { ...admin, isSteering: true }, evidence: everything, motivation: "Ja." }))
      .toMatchObject({ ok: true, isOverride: false });
  });

  it("lists for a person exactly the moves they may take, each with what is missing", () => {
    expect(movesFor(START, nobody, everything)).toEqual([]);
    const moves = movesFor({ stage: "bedomning", outcome: null }, unitContact, nothing);
    expect(moves.map((m) => m.transition.id)).toEqual(["to_prioritisation", "bedomning_avslagen", "bedomning_parkerad"]);
    expect(moves[0]!.unmet).toEqual(["owner", "completed_assessment", "business_case"]);
  });
});

describe("the stage machine under random histories (property tests)", () => {
  it("never lets a path skip a gate: every move taken had its requirements met and an allowed decider", () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
      const { decisions } = simulate(steps);
      for (const d of decisions) {
        const transition = TRANSITIONS.find((t) => t.id === d.transitionId)!;
        expect(unmetRequirements(transition, d.evidence)).toEqual([]);
        expect(authorityFor(d.person, transition)).not.toBeNull();
        expect(d.isOverride).toBe(authorityFor(d.person, transition) === "override");
      }
    }), { numRuns: 500 });
  });

  it("records a decision for every move: the path is exactly the chain of decisions", () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 40 }), (steps) => {
      const { decisions, path, position } = simulate(steps);
      expect(decisions.length).toBe(path.length - 1);
      decisions.forEach((d, i) => {
        expect(d.from).toEqual(path[i]);
        expect(d.to).toEqual(path[i + 1]);
      });
      expect(position).toEqual(path.at(-1));
      if (position.stage === "avslutad") expect(position.outcome).not.toBeNull();
      else expect(position.outcome).toBeNull();
    }), { numRuns: 500 });
  });

  it("reaches pilot, införande or införd only through every earlier gate", () => {
    fc.assert(fc.property(fc.array(stepArb, { maxLength: 60 }), (steps) => {
      const { decisions } = simulate(steps);
      let passedAssessmentGate = false;
      let passedPilotGate = false;
      let evaluated = false;
      for (const d of decisions) {
        if (d.to.stage === "prioritering" && d.from.stage === "bedomning") passedAssessmentGate = true;
        if (d.to.stage === "pilot") {
          expect(passedAssessmentGate).toBe(true);
          passedPilotGate = true;
        }
        if (d.from.stage === "pilot") {
          expect(d.evidence.latestPilotVerdict).not.toBeNull();
          evaluated = true;
        }
        if (d.to.stage === "inforande") expect(passedPilotGate && evaluated).toBe(true);
        if (d.to.outcome === "inford") expect(passedPilotGate && evaluated).toBe(true);
      }
    }), { numRuns: 500 });
  });

  it("explores deep histories (so the properties above are not vacuous)", () => {
    const reached = new Set(fc.sample(fc.array(stepArb, { maxLength: 60 }), { numRuns: 500, seed: 42 })
      .map((steps) => simulate(steps).position)
      .map((p) => (p.outcome ? `${p.stage}:${p.outcome}` : p.stage)));
    for (const end of ["pilot", "inforande", "avslutad:inford", "avslutad:avbruten_med_lardomar", "avslutad:parkerad"]) {
      expect(reached).toContain(end);
    }
  });

  it("lets only allowed roles move: nobody without a role ever moves an idea", () => {
    fc.assert(fc.property(fc.array(stepArb.map((s) => ({ ...s, person: nobody })), { maxLength: 30 }), (steps) => {
      expect(simulate(steps).decisions).toEqual([]);
    }), { numRuns: 200 });
  });
});
