import { describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { formatNumber as formatNumberFromIndex, numberFormatter as numberFormatterFromIndex } from "../../app/i18n/index";
import { formatNumber, numberFormatter } from "../../app/i18n/number-format";
import { sv } from "../../app/i18n/sv";

// Counts in messages are grouped the way each language writes numbers (decision 0014): Swedish with
// U+202F NARROW NO-BREAK SPACE ("100 057"), English with commas ("100,057"). Plurals follow the raw
// number; ordinals and identifiers (line numbers, versions, years, days) stay plain.

const THIN = "\u202f";

describe("counts in the message catalogues", () => {
  it("index.ts re-exports the one number formatter", () => {
    expect(formatNumberFromIndex).toBe(formatNumber);
    expect(numberFormatterFromIndex).toBe(numberFormatter);
    expect(formatNumber("sv", 1200000)).toBe(`1${THIN}200${THIN}000`);
    expect(formatNumber("en", 1200000)).toBe("1,200,000");
  });

  it("groups the ideas list result and its range", () => {
    expect(sv.ideas.list.result(100057, 1, 25)).toBe(`100${THIN}057 idéer, visar 1–25.`);
    expect(en.ideas.list.result(100057, 1, 25)).toBe("100,057 ideas, showing 1–25.");
    expect(sv.ideas.list.result(100057, 100026, 100050)).toBe(`100${THIN}057 idéer, visar 100${THIN}026–100${THIN}050.`);
    expect(en.ideas.list.result(100057, 100026, 100050)).toBe("100,057 ideas, showing 100,026–100,050.");
    // Plural on the raw number; small numbers unchanged.
    expect(sv.ideas.list.result(1, 1, 1)).toBe("1 idé, visar 1–1.");
    expect(en.ideas.list.result(1, 1, 1)).toBe("1 idea, showing 1–1.");
    expect(sv.ideas.list.result(0, 0, 0)).toBe("Inga idéer hittades.");
  });

  it("groups the portfolio caption", () => {
    expect(sv.portfolio.table.caption(1, 25, 25023)).toBe(`Idéer 1–25 av 25${THIN}023 i portföljen`);
    expect(en.portfolio.table.caption(1, 25, 25023)).toBe("Ideas 1–25 of 25,023 in the portfolio");
    expect(sv.portfolio.table.caption(1001, 1025, 25023)).toBe(`Idéer 1${THIN}001–1${THIN}025 av 25${THIN}023 i portföljen`);
  });

  it("groups the pipeline's summary, column counts and 'show all'", () => {
    expect(sv.pipeline.columnCount(4711)).toBe(`4${THIN}711 idéer`);
    expect(en.pipeline.columnCount(4711)).toBe("4,711 ideas");
    expect(sv.pipeline.columnCount(1)).toBe("1 idé");
    expect(sv.pipeline.showAll(4711)).toBe(`Visa alla 4${THIN}711`);
    expect(en.pipeline.showAllLabel(4711, "Bedömning")).toBe("Show all 4,711 ideas in the stage Bedömning");
    expect(sv.pipeline.summaryParts.avslutad(1200, 30)).toBe(`1${THIN}200 avslutade de senaste 30 dagarna`);
    const parts = [sv.pipeline.summaryParts.inskickad(12000), sv.pipeline.summaryParts.pilot(3)];
    expect(sv.pipeline.summary(12003, parts)).toBe(`12${THIN}003 idéer i flödet: 12${THIN}000 inskickade och 3 i pilot.`);
    expect(en.pipeline.longestWaiting(25, 4711)).toBe("Showing the 25 that have waited longest of 4,711.");
  });

  it("groups the other list results and counts in both languages", () => {
    const cases: [string, string, string][] = [
      [sv.inbox.result(2500, 26, 50), en.inbox.result(2500, 26, 50), "2500"],
      [sv.admin.users.result(12345, 1, 25), en.admin.users.result(12345, 1, 25), "12345"],
      [sv.ideas.notifications.result(1500, 1001), en.ideas.notifications.result(1500, 1001), "1500"],
      [sv.ideas.outbox.result(30000), en.ideas.outbox.result(30000), "30000"],
      [sv.pilot.lessons.result(1200, 1, 25), en.pilot.lessons.result(1200, 1, 25), "1200"],
      [sv.security.list.result(1200), en.security.list.result(1200), "1200"],
      [sv.accessibilityFeedback.admin.shown(50, 1200), en.accessibilityFeedback.admin.shown(50, 1200), "1200"],
      [sv.agenda.count(40, 1200), en.agenda.count(40, 1200), "1200"],
      [sv.portfolioCharts.truncated(2000), en.portfolioCharts.truncated(2000), "2000"],
      [sv.portfolioCharts.funnel.summary(15000, "Pilot", 1200, 3), en.portfolioCharts.funnel.summary(15000, "Pilot", 1200, 3), "15000"],
      [sv.goodExamples.adoptedCount(1200), en.goodExamples.adoptedCount(1200), "1200"],
      [sv.submit.similar.supporters(1200), en.submit.similar.supporters(1200), "1200"],
      [sv.shell.nav.unread(1200), en.shell.nav.unread(1200), "1200"],
    ];
    for (const [svText, enText, raw] of cases) {
      const n = Number(raw);
      expect(svText, svText).toContain(formatNumber("sv", n));
      expect(svText, svText).toMatch(/\d\u202f\d{3}/);
      expect(enText, enText).toContain(formatNumber("en", n));
      expect(`${svText} ${enText}`).not.toContain(raw);
    }
    expect(sv.ideas.notifications.result(1500, 1001)).toBe(`1${THIN}500 notiser, 1${THIN}001 olästa.`);
    expect(en.admin.users.result(12345, 1, 25)).toBe("12,345 users found. Showing 1–25.");
  });

  it("leaves ordinals, identifiers, years and days plain", () => {
    expect(sv.businessCase.editor.rowLabel(1200)).toBe("Rad 1200");
    expect(sv.pipeline.summaryParts.avslutad(2, 1000)).toContain("1000 dagarna");
    expect(sv.portfolio.table.costIn(2027)).toBe("Kostnad 2027");
  });
});
