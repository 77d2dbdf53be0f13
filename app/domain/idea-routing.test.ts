import { describe, expect, it } from "vitest";
import { chooseOwner, type RoutingRule } from "./idea-routing";

const path = ["forvaltning", "avdelning", "enhet"];
const rule = (id: string, unitId: string | null, kind: RoutingRule["kind"], priority = 100): RoutingRule =>
  ({ id, unitId, kind, ownerId: `owner-${id}`, priority });
const contacts = [{ userId: "kp-forvaltning", scopeUnitIds: ["forvaltning"] }];

describe("chooseOwner", () => {
  it("prefers unit and kind over unit over kind over the kontaktperson", () => {
    const rules = [rule("kind", null, "digital_tjanst"), rule("unit", "forvaltning", null), rule("both", "forvaltning", "digital_tjanst")];
    expect(chooseOwner({ unitPath: path, kind: "digital_tjanst", rules, contacts })).toEqual({ ownerId: "owner-both", via: "rule", ruleId: "both" });
    expect(chooseOwner({ unitPath: path, kind: "digital_tjanst", rules: rules.slice(0, 2), contacts }).ownerId).toBe("owner-unit");
    expect(chooseOwner({ unitPath: path, kind: "digital_tjanst", rules: rules.slice(0, 1), contacts }).ownerId).toBe("owner-kind");
    expect(chooseOwner({ unitPath: path, kind: "digital_tjanst", rules: [], contacts })).toEqual({ ownerId: "kp-forvaltning", via: "kontaktperson" });
  });

  it("ignores rules for other units and other kinds", () => {
    const rules = [rule("other-unit", "elsewhere", null), rule("other-kind", "enhet", "ovrigt")];
    expect(chooseOwner({ unitPath: path, kind: "processforbattring", rules, contacts }).via).toBe("kontaktperson");
  });

  it("takes the nearest unit first, then the lowest priority number", () => {
    const rules = [rule("far", "forvaltning", null, 1), rule("near", "avdelning", null, 500), rule("near-first", "avdelning", null, 10)];
    expect(chooseOwner({ unitPath: path, kind: "ovrigt", rules, contacts }).ownerId).toBe("owner-near-first");
  });

  it("takes the kontaktperson with the nearest scope, and nobody when no scope covers the unit", () => {
    const two = [...contacts, { userId: "kp-avdelning", scopeUnitIds: ["x", "avdelning"] }];
    expect(chooseOwner({ unitPath: path, kind: "ovrigt", rules: [], contacts: two }).ownerId).toBe("kp-avdelning");
    expect(chooseOwner({ unitPath: ["annan"], kind: "ovrigt", rules: [], contacts: two })).toEqual({ ownerId: null, via: "none" });
  });
});
