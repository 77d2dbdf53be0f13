import { describe, expect, it } from "vitest";
import type { Actor } from "./permissions";
import { buildPipelineColumns, closedSince, type PipelineIdea, waitLimitDays } from "./pipeline";
import { STAGES, type Stage } from "./vocabulary";

const now = new Date("2026-03-15T10:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

const idea = (id: string, stage: Stage, unitId: string, days: number, extra: Partial<PipelineIdea> = {}): PipelineIdea => ({
  id, reference: `IDE-2026-${id}`, title: `Idé ${id}`, stage, outcome: stage === "avslutad" ? "parkerad" : null,
  unitId, unitName: unitId, submitterId: "submitter", ownerId: null, ownerName: null, stageChangedAt: daysAgo(days), ...extra,
});

const kontakt: Actor = { id: "k", roles: ["medarbetare", "kontaktperson"], scopeUnitIds: ["ostermalm"] };
const steering: Actor = { id: "s", roles: ["medarbetare", "styrgrupp"], scopeUnitIds: [] };
const employee: Actor = { id: "m", roles: ["medarbetare"], scopeUnitIds: [] };
const admin: Actor = { id: "a", roles: ["medarbetare", "administrator"], scopeUnitIds: [] };

const ideas = [
  idea("1", "inskickad", "hemtjanst", 20),
  idea("2", "bedomning", "hemtjanst", 10),
  idea("3", "bedomning", "bromma", 61),
  idea("4", "prioritering", "hemtjanst", 5),
  idea("5", "pilot", "bromma", 300),
  idea("6", "avslutad", "hemtjanst", 30),
  idea("7", "avslutad", "bromma", 40, { outcome: "inford" }),
];
// Hemtjänsten lies under Östermalm (the kontaktperson's scope); Bromma does not.
const coveringScope = new Map([["hemtjanst", "ostermalm"], ["ostermalm", "ostermalm"]]);

const columnsFor = (actor: Actor) => buildPipelineColumns({
  counts: { inskickad: { count: 1, total: 1 }, avslutad: { count: 2, total: 9 } }, ideas, actor, coveringScope,
  inboxOverdueDays: 14, now,
});
const card = (actor: Actor, id: string) => columnsFor(actor).flatMap((c) => c.cards).find((c) => c.id === id)!;

describe("buildPipelineColumns", () => {
  it("gives one column per stage in order, with counts defaulting to zero", () => {
    const columns = columnsFor(employee);
    expect(columns.map((c) => c.stage)).toEqual([...STAGES]);
    expect(columns[0]).toMatchObject({ count: 1, total: 1 });
    expect(columns[2]).toMatchObject({ stage: "prioritering", count: 0, total: 0 });
    expect(columns[5]).toMatchObject({ count: 2, total: 9 });
    expect(columns[1]!.cards.map((c) => c.id)).toEqual(["2", "3"]);
  });

  it("flags ideas that waited longer than their stage allows, never closed ones", () => {
    expect(card(employee, "1")).toMatchObject({ daysInStage: 20, overdueAfterDays: 14 });
    expect(card(employee, "2").overdueAfterDays).toBeNull();
    expect(card(employee, "3").overdueAfterDays).toBe(60);
    expect(card(employee, "5").overdueAfterDays).toBe(270);
    expect(card(employee, "7").overdueAfterDays).toBeNull();
  });

  it("offers a gate decision to the kontaktperson only in their units and stages", () => {
    expect(card(kontakt, "1").mayDecide).toBe(true);
    expect(card(kontakt, "2").mayDecide).toBe(true);
    expect(card(kontakt, "3").mayDecide).toBe(false); // Bromma
    expect(card(kontakt, "4").mayDecide).toBe(false); // prioritering is the styrgrupp's
    expect(card(kontakt, "6").mayDecide).toBe(true); // a parked idea may be revived
    expect(card(kontakt, "7").mayDecide).toBe(false); // införd is final
  });

  it("offers the styrgrupp the moves from prioritering on, administrators everything open, employees nothing", () => {
    expect(["1", "2", "4", "5", "6"].map((id) => card(steering, id).mayDecide)).toEqual([false, false, true, true, true]);
    expect(["1", "3", "4", "5", "6", "7"].map((id) => card(admin, id).mayDecide)).toEqual([true, true, true, true, true, false]);
    expect(columnsFor(employee).flatMap((c) => c.cards).some((c) => c.mayDecide)).toBe(false);
  });
});

describe("waitLimitDays and closedSince", () => {
  it("uses the inbox setting for inskickad and no limit for closed ideas", () => {
    expect(waitLimitDays("inskickad", 7)).toBe(7);
    expect(waitLimitDays("bedomning", 7)).toBe(60);
    expect(waitLimitDays("avslutad", 7)).toBeNull();
  });

  it("counts the closed window back from now", () => {
    expect(closedSince(now).toISOString()).toBe(daysAgo(90).toISOString());
  });
});
