import { describe, expect, it } from "vitest";
import type { Actor, IdeaResource } from "./permissions";
import {
  answersFromSubmission, deviationIsOpen, dpiaRecommended, flaggedAtSubmission, isCalendarDate, isScreeningComplete,
  mayReadScreening, missingScreeningFields, protectionLevel, type ScreeningAnswers, screeningEditable,
  screeningInconsistencies, stockholmDate, validUntilProblem, withdrawRefusal,
} from "./security-screening";

const complete: ScreeningAnswers = {
  confidentiality: 2, integrity: 3, availability: 1, handlesPersonalData: true, handlesSensitivePersonalData: false,
  dpiaNeeded: false, informationOwner: "Avdelningschef äldreomsorg",
};
const empty: ScreeningAnswers = {
  confidentiality: null, integrity: null, availability: null, handlesPersonalData: null,
  handlesSensitivePersonalData: null, dpiaNeeded: null, informationOwner: null,
};

describe("screening completeness", () => {
  it("is complete only when all seven questions are answered", () => {
    expect(isScreeningComplete(complete)).toBe(true);
    expect(missingScreeningFields(complete)).toEqual([]);
    expect(missingScreeningFields(empty)).toEqual([
      "confidentiality", "integrity", "availability", "handlesPersonalData", "handlesSensitivePersonalData", "dpiaNeeded",
      "informationOwner",
    ]);
    for (const field of Object.keys(complete) as (keyof ScreeningAnswers)[]) {
      const answers = { ...complete, [field]: null };
      expect(isScreeningComplete(answers), field).toBe(false);
      expect(missingScreeningFields(answers)).toEqual([field]);
    }
  });

  it("counts false and 'no' as answers, and a blank information owner as unanswered", () => {
    expect(isScreeningComplete({ ...complete, handlesPersonalData: false, dpiaNeeded: false })).toBe(true);
    expect(missingScreeningFields({ ...complete, informationOwner: "   " })).toEqual(["informationOwner"]);
  });
});

describe("screening consistency", () => {
  it("requires personal data and a DPIA when sensitive personal data is handled", () => {
    expect(screeningInconsistencies(complete)).toEqual([]);
    expect(screeningInconsistencies({ ...complete, handlesSensitivePersonalData: true, handlesPersonalData: false, dpiaNeeded: false }))
      .toEqual(["sensitive_without_personal", "sensitive_without_dpia"]);
    expect(screeningInconsistencies({ ...complete, handlesSensitivePersonalData: true, handlesPersonalData: null, dpiaNeeded: true }))
      .toEqual(["sensitive_without_personal"]);
    // An open DPIA answer in a draft is not a contradiction (the database allows null too).
    expect(screeningInconsistencies({ ...complete, handlesSensitivePersonalData: true, dpiaNeeded: null })).toEqual([]);
    expect(screeningInconsistencies(empty)).toEqual([]);
  });
});

describe("protection level", () => {
  it("is the highest of C, I and A", () => {
    expect(protectionLevel(complete)).toBe(3);
    expect(protectionLevel({ confidentiality: 4, integrity: 1, availability: 1 })).toBe(4);
    expect(protectionLevel({ confidentiality: 1, integrity: 1, availability: 1 })).toBe(1);
    expect(protectionLevel({ confidentiality: 1, integrity: 2, availability: 4 })).toBe(4);
  });

  it("is unknown until all three are answered", () => {
    expect(protectionLevel({ confidentiality: 4, integrity: null, availability: 1 })).toBeNull();
    expect(protectionLevel(empty)).toBeNull();
  });
});

describe("DPIA recommendation", () => {
  it("recommends one for sensitive data, or personal data with high confidentiality", () => {
    expect(dpiaRecommended({ handlesPersonalData: true, handlesSensitivePersonalData: true, confidentiality: 1 })).toBe(true);
    expect(dpiaRecommended({ handlesPersonalData: true, handlesSensitivePersonalData: false, confidentiality: 3 })).toBe(true);
    expect(dpiaRecommended({ handlesPersonalData: true, handlesSensitivePersonalData: false, confidentiality: 4 })).toBe(true);
    expect(dpiaRecommended({ handlesPersonalData: true, handlesSensitivePersonalData: false, confidentiality: 2 })).toBe(false);
    expect(dpiaRecommended({ handlesPersonalData: true, handlesSensitivePersonalData: null, confidentiality: null })).toBe(false);
    expect(dpiaRecommended({ handlesPersonalData: false, handlesSensitivePersonalData: false, confidentiality: 4 })).toBe(false);
  });
});

describe("flagged at submission", () => {
  it("flags personal data, sensitive personal data and 'did not know'", () => {
    expect(flaggedAtSubmission({ handlesPersonalData: true, handlesSensitivePersonalData: false })).toBe(true);
    expect(flaggedAtSubmission({ handlesPersonalData: true, handlesSensitivePersonalData: true })).toBe(true);
    expect(flaggedAtSubmission({ handlesPersonalData: null, handlesSensitivePersonalData: null })).toBe(true);
    expect(flaggedAtSubmission({ handlesPersonalData: false, handlesSensitivePersonalData: false })).toBe(false);
    expect(flaggedAtSubmission({ handlesPersonalData: false, handlesSensitivePersonalData: null })).toBe(false);
  });

  it("prefills a first draft from the submission, and nothing else", () => {
    expect(answersFromSubmission({ handlesPersonalData: true, handlesSensitivePersonalData: false, informationOwner: " Enhetschef " }))
      .toEqual({ ...empty, handlesPersonalData: true, handlesSensitivePersonalData: false, informationOwner: "Enhetschef" });
    expect(answersFromSubmission({ handlesPersonalData: null, handlesSensitivePersonalData: null, informationOwner: "" })).toEqual(empty);
  });
});

describe("who edits and reads a screening", () => {
  it("is editable up to and including prioritering, never for a merged idea", () => {
    expect(screeningEditable({ stage: "inskickad", merged: false })).toBe(true);
    expect(screeningEditable({ stage: "bedomning", merged: false })).toBe(true);
    expect(screeningEditable({ stage: "prioritering", merged: false })).toBe(true);
    expect(screeningEditable({ stage: "pilot", merged: false })).toBe(false);
    expect(screeningEditable({ stage: "inforande", merged: false })).toBe(false);
    expect(screeningEditable({ stage: "avslutad", merged: false })).toBe(false);
    expect(screeningEditable({ stage: "bedomning", merged: true })).toBe(false);
  });

  const idea: IdeaResource = { unitPath: ["forvaltning", "enhet"], submitterId: "submitter", stage: "bedomning", ownerId: "owner" };
  const actor = (id: string, roles: Actor["roles"], scopeUnitIds: string[] = []): Actor => ({ id, roles, scopeUnitIds });

  it("is read by the submitter and by those who handle the idea, not by other staff", () => {
    expect(mayReadScreening(actor("submitter", ["medarbetare"]), idea)).toBe(true);
    expect(mayReadScreening(actor("owner", ["medarbetare"]), idea)).toBe(true);
    expect(mayReadScreening(actor("kp", ["medarbetare", "kontaktperson"], ["forvaltning"]), idea)).toBe(true);
    expect(mayReadScreening(actor("sg", ["medarbetare", "styrgrupp"]), idea)).toBe(true);
    expect(mayReadScreening(actor("admin", ["administrator"]), idea)).toBe(true);
    expect(mayReadScreening(actor("someone", ["medarbetare"]), idea)).toBe(false);
    expect(mayReadScreening(actor("other-kp", ["medarbetare", "kontaktperson"], ["annan"]), idea)).toBe(false);
    expect(mayReadScreening(null, idea)).toBe(false);
  });
});

describe("deviation requests", () => {
  it("are decided or withdrawn only while requested", () => {
    expect(deviationIsOpen("requested")).toBe(true);
    for (const status of ["approved", "rejected", "withdrawn"] as const) expect(deviationIsOpen(status)).toBe(false);
  });

  it("are withdrawn by the requester or an administrator", () => {
    const open = { status: "requested" as const, requestedBy: "u1" };
    expect(withdrawRefusal({ id: "u1", isAdmin: false }, open)).toBeNull();
    expect(withdrawRefusal({ id: "u2", isAdmin: true }, open)).toBeNull();
    expect(withdrawRefusal({ id: "u2", isAdmin: false }, open)).toBe("not_requester");
    expect(withdrawRefusal({ id: "u1", isAdmin: false }, { ...open, status: "approved" })).toBe("not_open");
    expect(withdrawRefusal({ id: "u1", isAdmin: true }, { ...open, status: "withdrawn" })).toBe("not_open");
  });

  it("may not be valid until a day in the past", () => {
    const today = "2026-05-10";
    expect(validUntilProblem(null, today)).toBeNull();
    expect(validUntilProblem("", today)).toBeNull();
    expect(validUntilProblem("2026-05-10", today)).toBeNull();
    expect(validUntilProblem("2027-01-31", today)).toBeNull();
    expect(validUntilProblem("2026-05-09", today)).toBe("past");
    expect(validUntilProblem("2025-12-31", today)).toBe("past");
    expect(validUntilProblem("2026-02-30", today)).toBe("invalid");
    expect(validUntilProblem("10/5/2026", today)).toBe("invalid");
    expect(validUntilProblem("2100-01-01", today)).toBe("too_late");
  });

  it("knows real calendar dates", () => {
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2027-02-29")).toBe(false);
    expect(isCalendarDate("2026-13-01")).toBe(false);
    expect(isCalendarDate("2026-1-01")).toBe(false);
  });
});

describe("stockholmDate", () => {
  it("gives the calendar date in Stockholm, not in UTC", () => {
    expect(stockholmDate(new Date("2026-05-10T21:59:00Z"))).toBe("2026-05-10");
    expect(stockholmDate(new Date("2026-05-10T22:01:00Z"))).toBe("2026-05-11"); // CEST = UTC+2
    expect(stockholmDate(new Date("2026-01-10T23:30:00Z"))).toBe("2026-01-11"); // CET = UTC+1
  });
});
