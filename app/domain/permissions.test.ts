import { describe, expect, it } from "vitest";
import { navigationFor } from "./navigation";
import { type Action, ACTIONS, type Actor, can, coversUnit } from "./permissions";
import type { ClosingOutcome, Stage } from "./vocabulary";

const ostermalm = "unit-ostermalm";
const hemtjanst = "unit-hemtjanst-ostermalm";
const bromma = "unit-bromma";

const actor = (roles: Actor["roles"], scopeUnitIds: string[] = []): Actor => ({ id: "u1", roles, scopeUnitIds });
const medarbetare = actor(["medarbetare"]);
const kontaktperson = actor(["medarbetare", "kontaktperson"], [ostermalm]);
const styrgrupp = actor(["medarbetare", "styrgrupp"]);
const admin = actor(["medarbetare", "administrator"]);

const ideaIn = (unitPath: string[], stage: "inskickad" | "bedomning" | "prioritering" | "pilot") =>
  ({ unitPath, stage, submitterId: "someone" });

describe("can", () => {
  it("lets nobody do anything signed out", () => {
    expect(can(null, "idea.view")).toBe(false);
    expect(can(null, "idea.submit")).toBe(false);
  });

  it("lets every medarbetare submit, comment and support", () => {
    for (const action of ["idea.submit", "idea.comment", "idea.support", "idea.view"] as const) {
      expect(can(medarbetare, action)).toBe(true);
    }
  });

  it("keeps administration to administrators", () => {
    for (const who of [medarbetare, kontaktperson, styrgrupp]) {
      expect(can(who, "admin.access")).toBe(false);
      expect(can(who, "admin.users.manage")).toBe(false);
    }
    expect(can(admin, "admin.access")).toBe(true);
    expect(can(admin, "admin.audit.view")).toBe(true);
  });

  it("scopes a kontaktperson to their units and the units below them", () => {
    expect(coversUnit(kontaktperson, { unitPath: [ostermalm, hemtjanst] })).toBe(true);
    expect(coversUnit(kontaktperson, { unitPath: [bromma] })).toBe(false);
    expect(can(kontaktperson, "inbox.view", { unitPath: [ostermalm] })).toBe(true);
    expect(can(kontaktperson, "inbox.view", { unitPath: [bromma] })).toBe(false);
    expect(can(kontaktperson, "idea.assess", { unitPath: [ostermalm, hemtjanst] })).toBe(true);
    expect(can(kontaktperson, "idea.assess", { unitPath: [bromma] })).toBe(false);
    expect(can(medarbetare, "inbox.view")).toBe(false);
  });

  it("splits gate decisions: the unit's kontaktperson up to prioritering, the styrgrupp from there", () => {
    expect(can(kontaktperson, "idea.decide_gate", ideaIn([ostermalm], "bedomning"))).toBe(true);
    expect(can(kontaktperson, "idea.decide_gate", ideaIn([bromma], "bedomning"))).toBe(false);
    expect(can(kontaktperson, "idea.decide_gate", ideaIn([ostermalm], "prioritering"))).toBe(false);
    expect(can(styrgrupp, "idea.decide_gate", ideaIn([ostermalm], "prioritering"))).toBe(true);
    expect(can(styrgrupp, "idea.decide_gate", ideaIn([ostermalm], "bedomning"))).toBe(false);
    expect(can(admin, "idea.decide_gate", ideaIn([bromma], "pilot"))).toBe(true);
    expect(can(medarbetare, "idea.decide_gate", ideaIn([ostermalm], "inskickad"))).toBe(false);
  });

  it("opens the portfolio to the styrgrupp and administrators only", () => {
    expect(can(styrgrupp, "portfolio.prioritise")).toBe(true);
    expect(can(admin, "portfolio.view")).toBe(true);
    expect(can(kontaktperson, "portfolio.view")).toBe(false);
    expect(can(medarbetare, "portfolio.view")).toBe(false);
  });
});

describe("navigationFor", () => {
  it("shows the inbox only to those who have one", () => {
    expect(navigationFor(kontaktperson).map((i) => i.key)).toContain("inbox");
    expect(navigationFor(medarbetare).map((i) => i.key)).not.toContain("inbox");
    expect(navigationFor(null).map((i) => i.key)).toEqual(["home", "submitIdea"]);
  });

  it("shows administration only to administrators", () => {
    expect(navigationFor(admin).map((i) => i.key)).toContain("admin");
    expect(navigationFor(medarbetare).map((i) => i.key)).not.toContain("admin");
    expect(navigationFor(null).map((i) => i.key)).not.toContain("admin");
  });
});

describe("owner work and submitter names", () => {
  const idea = { unitPath: [ostermalm, hemtjanst], stage: "inskickad" as const, submitterId: "sub", ownerId: "owner-1" };

  it("lets the unit's kontaktperson, the owner and administrators manage an idea", () => {
    expect(can(kontaktperson, "idea.manage", idea)).toBe(true);
    expect(can({ ...medarbetare, id: "owner-1" }, "idea.manage", idea)).toBe(true);
    expect(can(admin, "idea.manage", idea)).toBe(true);
    expect(can(medarbetare, "idea.manage", idea)).toBe(false);
    expect(can(kontaktperson, "idea.manage", { ...idea, unitPath: [bromma] })).toBe(false);
  });

  it("hides a restricted submitter name from other medarbetare only", () => {
    const restricted = { ...idea, nameVisibility: "handlaggare_only" as const };
    expect(can(medarbetare, "idea.see_submitter", restricted)).toBe(false);
    expect(can({ ...medarbetare, id: "sub" }, "idea.see_submitter", restricted)).toBe(true);
    expect(can(kontaktperson, "idea.see_submitter", restricted)).toBe(true);
    expect(can(styrgrupp, "idea.see_submitter", restricted)).toBe(true);
    expect(can(medarbetare, "idea.see_submitter", { ...idea, nameVisibility: "public" })).toBe(true);
  });
});

describe("the whole permission matrix (one row per action; a new action without a row fails)", () => {
  const submitter = { ...medarbetare, id: "submitter" };
  const assessor = { ...medarbetare, id: "assessor" };
  const pilotOwner = { ...medarbetare, id: "pilot-owner" };
  const otherContact = actor(["medarbetare", "kontaktperson"], [bromma]);
  const people = { signedOut: null, medarbetare, submitter, assessor, pilotOwner, kontaktperson, otherContact, styrgrupp, admin };
  type Person = keyof typeof people;
  // An Östermalm idea in bedömning, submitted by "submitter", assessed by "assessor", piloted by "pilot-owner".
  const idea = {
    unitPath: [ostermalm, hemtjanst], submitterId: "submitter", stage: "bedomning" as const, outcome: null,
    ownerId: null, assessorIds: ["assessor"], pilotOwnerId: "pilot-owner",
  };
  const Y = true, N = false;
  //                         signedOut medarb submitter assessor pilotOwner kontakt otherKontakt styrgrupp admin
  const matrix: Record<Action, boolean[]> = {
    "idea.submit":             [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "idea.view":               [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "idea.comment":            [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "idea.support":            [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "idea.follow_own":         [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "inbox.view":              [N, N, N, N, N, Y, N, N, Y],
    "idea.manage":             [N, N, N, N, N, Y, N, N, Y],
    "idea.see_submitter":      [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "idea.assess":             [N, N, N, Y, N, Y, N, Y, Y],
    "idea.view_assessments":   [N, N, N, Y, N, Y, N, Y, Y],
    "idea.assign_assessors":   [N, N, N, N, N, Y, N, Y, Y],
    "idea.screen_security":    [N, N, N, N, N, Y, N, Y, Y],
    "idea.request_deviation":  [N, N, N, N, N, Y, N, Y, Y],
    "idea.plan_pilot":         [N, N, N, N, N, Y, N, Y, Y],
    "idea.evaluate_pilot":     [N, N, N, N, Y, Y, N, Y, Y],
    "idea.decide_gate":        [N, N, N, N, N, Y, N, N, Y],
    "idea.edit_business_case": [N, N, N, N, N, Y, N, Y, Y],
    "idea.record_benefits":    [N, N, N, N, Y, Y, N, Y, Y],
    "deviation.decide":        [N, N, N, N, N, N, N, Y, Y],
    "deviation.list":          [N, N, N, N, N, Y, Y, Y, Y],
    "pipeline.view":           [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "lessons.view":            [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "assessment.queue":        [N, N, N, N, N, Y, Y, Y, Y],
    "portfolio.view":          [N, N, N, N, N, N, N, Y, Y],
    "portfolio.prioritise":    [N, N, N, N, N, N, N, Y, Y],
    "portfolio.export":        [N, N, N, N, N, N, N, Y, Y],
    "idea.export":             [N, N, N, N, N, Y, Y, Y, Y],
    "good_examples.view":      [N, Y, Y, Y, Y, Y, Y, Y, Y],
    "good_example.mark":       [N, N, N, N, N, N, N, Y, Y],
    "good_example.adopt":      [N, N, N, N, N, Y, Y, N, Y],
    "admin.access":            [N, N, N, N, N, N, N, N, Y],
    "admin.users.manage":      [N, N, N, N, N, N, N, N, Y],
    "admin.units.manage":      [N, N, N, N, N, N, N, N, Y],
    "admin.audit.view":        [N, N, N, N, N, N, N, N, Y],
    "admin.criteria.manage":   [N, N, N, N, N, N, N, N, Y],
    "admin.routing.manage":    [N, N, N, N, N, N, N, N, Y],
    "admin.settings.manage":   [N, N, N, N, N, N, N, N, Y],
    "admin.api_tokens.manage": [N, N, N, N, N, N, N, N, Y],
    "admin.accessibility_feedback.manage": [N, N, N, N, N, N, N, N, Y],
  };

  it("covers every action", () => {
    expect(Object.keys(matrix).sort()).toEqual([...ACTIONS].sort());
  });

  for (const [action, expected] of Object.entries(matrix) as [Action, boolean[]][]) {
    it(action, () => {
      const actual = (Object.keys(people) as Person[]).map((p) => can(people[p], action, idea));
      expect(actual).toEqual(expected);
    });
  }

  it("follows the stage machine for gates: styrgrupp from prioritering, revival of parked ideas, nothing after införd", () => {
    const at = (stage: Stage, outcome: ClosingOutcome | null = null) => ({ ...idea, stage, outcome });
    expect(can(styrgrupp, "idea.decide_gate", at("pilot"))).toBe(true);
    expect(can(kontaktperson, "idea.decide_gate", at("pilot"))).toBe(false);
    expect(can(kontaktperson, "idea.decide_gate", at("avslutad", "parkerad"))).toBe(true);
    expect(can(styrgrupp, "idea.decide_gate", at("avslutad", "parkerad"))).toBe(true);
    for (const who of [kontaktperson, styrgrupp, admin]) expect(can(who, "idea.decide_gate", at("avslutad", "inford"))).toBe(false);
  });
});
