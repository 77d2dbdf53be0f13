import { describe, expect, it } from "vitest";
import { actionDataFromZod } from "../../app/components/admin/action-data";
import { pageWindow } from "../../app/components/admin/pagination";
import { inTreeOrder, pathLabel, type UnitNode } from "../../app/components/admin/unit-order";
import { containsPattern } from "../../app/models/like-pattern.server";
import { unitCreateSchema } from "../../app/schemas/admin-unit";
import { userActionSchema } from "../../app/schemas/admin-user";
import { auditFilterSchema } from "../../app/schemas/audit-filter";

const unit = (id: string, name: string, parentId: string | null, shortName: string | null = null): UnitNode =>
  ({ id, name, parentId, shortName, kind: parentId ? "avdelning" : "stadsdelsforvaltning", active: true });

describe("admin helpers", () => {
  it("orders units as a tree, siblings by Swedish name, with unambiguous path labels", () => {
    const units = [
      unit("c", "Förskoleavdelningen", "o"), unit("o", "Östermalms stadsdelsförvaltning", null, "Östermalm"),
      unit("b", "Bromma stadsdelsförvaltning", null, "Bromma"), unit("d", "Förskoleavdelningen", "b"),
      unit("a", "Avdelningen för äldreomsorg", "o"), unit("x", "Föräldralös", "saknas"),
    ];
    const ordered = inTreeOrder(units);
    expect(ordered.map((entry) => entry.unit.id)).toEqual(["b", "d", "x", "o", "a", "c"]);
    expect(ordered.map(pathLabel)).toContain("Östermalm › Förskoleavdelningen");
    expect(ordered.map(pathLabel)).toContain("Bromma › Förskoleavdelningen");
    expect(ordered.find((entry) => entry.unit.id === "c")?.depth).toBe(1);
  });

  it("shows the first, last and nearby page numbers with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
  });

  it("escapes LIKE wildcards and lower-cases the search text", () => {
    expect(containsPattern("Åsa_100%")).toBe("%åsa\\_100\\%%");
    expect(containsPattern("a\\b")).toBe("%a\\\\b%");
  });

  it("reports a checkbox item's error on its group and an unknown intent on the form", () => {
    const parsed = userActionSchema.safeParse({ intent: "access", roles: ["kung"], scopeUnitIds: [] });
    expect(parsed.success).toBe(false);
    const data = actionDataFromZod("access", parsed.error!, {});
    expect(Object.keys(data.fieldErrors ?? {})).toEqual(["roles"]);
    const unknown = userActionSchema.safeParse({ intent: "allt" });
    expect(actionDataFromZod("allt", unknown.error!, {}).formError).toMatch(/Okänd åtgärd/);
  });

  it("knows which unit kinds sit at the top", () => {
    const top = unitCreateSchema.safeParse({ intent: "create", name: "Micasa Fastigheter", kind: "bolag", parentId: "" });
    expect(top.success && top.data.parentId).toBe(null);
    const orphan = unitCreateSchema.safeParse({ intent: "create", name: "Enhet X", kind: "enhet", parentId: "" });
    expect(orphan.error?.issues[0]?.path).toEqual(["parentId"]);
  });

  it("accepts only real calendar dates in the audit filter", () => {
    expect(auditFilterSchema.safeParse({ fran: "2028-02-29" }).success).toBe(true);
    expect(auditFilterSchema.safeParse({ fran: "2026-02-29" }).success).toBe(false);
    expect(auditFilterSchema.safeParse({ till: "1 mars" }).success).toBe(false);
    expect(auditFilterSchema.parse({ efter: "abc" }).efter).toBeUndefined();
  });
});
