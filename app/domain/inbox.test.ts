import { describe, expect, it } from "vitest";
import { isOverdue, parseReference, olderThanCutoff, wholeDaysBetween } from "./inbox";

const now = new Date("2026-03-15T10:00:00Z");
const daysAgo = (days: number, extraMs = 0) => new Date(now.getTime() - days * 86_400_000 - extraMs);

describe("wholeDaysBetween", () => {
  it("counts elapsed 24-hour periods and never goes negative", () => {
    expect(wholeDaysBetween(daysAgo(0), now)).toBe(0);
    expect(wholeDaysBetween(daysAgo(1, -1), now)).toBe(0);
    expect(wholeDaysBetween(daysAgo(1), now)).toBe(1);
    expect(wholeDaysBetween(daysAgo(30, 5000), now)).toBe(30);
    expect(wholeDaysBetween(new Date(now.getTime() + 86_400_000), now)).toBe(0);
  });

  it("is not fooled by the switch to summer time in Stockholm", () => {
    // 2026-03-29 02:00 CET → 03:00 CEST: the calendar day is 23 hours, elapsed days still count 24 h.
    expect(wholeDaysBetween(new Date("2026-03-28T12:00:00Z"), new Date("2026-03-30T12:00:00Z"))).toBe(2);
  });
});

describe("isOverdue", () => {
  it("flags an idea that has waited in inskickad longer than the setting", () => {
    expect(isOverdue({ stage: "inskickad", stageChangedAt: daysAgo(15) }, 14, now)).toBe(true);
    expect(isOverdue({ stage: "inskickad", stageChangedAt: daysAgo(14) }, 14, now)).toBe(false);
    expect(isOverdue({ stage: "inskickad", stageChangedAt: daysAgo(3) }, 2, now)).toBe(true);
  });

  it("never flags ideas in later stages", () => {
    expect(isOverdue({ stage: "bedomning", stageChangedAt: daysAgo(200) }, 14, now)).toBe(false);
    expect(isOverdue({ stage: "avslutad", stageChangedAt: daysAgo(200) }, 1, now)).toBe(false);
  });
});

describe("olderThanCutoff", () => {
  it("moves back whole days from now", () => {
    expect(olderThanCutoff(7, now).toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });
});

describe("parseReference", () => {
  it("accepts the reference as people type it", () => {
    expect(parseReference("IDE-2026-0042")).toEqual({ year: 2026, number: 42 });
    expect(parseReference(" ide-2026-42 ")).toEqual({ year: 2026, number: 42 });
    expect(parseReference("IDE 2026 12345")).toEqual({ year: 2026, number: 12345 });
  });

  it("refuses anything else", () => {
    for (const bad of ["", "2026-0042", "IDE-26-0042", "IDE-2026-0000", "IDE-1999-0001", "IDE-2026-0042; drop", "IDÉ-2026-1"]) {
      expect(parseReference(bad)).toBeNull();
    }
  });
});
