import { describe, expect, it } from "vitest";
import { knownNotice } from "~/utils/locale";

describe("knownNotice", () => {
  const notices = { sparat: "Sparat." } as Record<string, string>;
  it("gives the text of a page's own notice code", () => {
    expect(knownNotice(notices, "sparat")).toBe("Sparat.");
  });
  it("gives nothing for unknown codes, missing codes and inherited properties", () => {
    for (const code of ["okand", "", null, undefined, "constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(knownNotice(notices, code)).toBeNull();
    }
  });
});
