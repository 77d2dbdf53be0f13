import { type Actor, can, type IdeaResource } from "./permissions";
import type { DeviationStatus, SecurityLevel, Stage } from "./vocabulary";

// Rules of the information-security screening (MSB/KLASSA style) and of deviation requests (avsteg).
// The database checks the same consistency rules (0005: security_screenings_* and
// deviation_requests_* constraints); these give the user a message before it gets that far.

/** The answers of a screening; null = not answered yet (a draft may leave anything open). */
export interface ScreeningAnswers {
  confidentiality: SecurityLevel | null;
  integrity: SecurityLevel | null;
  availability: SecurityLevel | null;
  handlesPersonalData: boolean | null;
  handlesSensitivePersonalData: boolean | null;
  dpiaNeeded: boolean | null;
  informationOwner: string | null;
}

/** Every question a completed screening has answered, in the order the form asks them. */
export const SCREENING_FIELDS = [
  "confidentiality", "integrity", "availability", "handlesPersonalData", "handlesSensitivePersonalData", "dpiaNeeded",
  "informationOwner",
] as const satisfies readonly (keyof ScreeningAnswers)[];
export type ScreeningField = (typeof SCREENING_FIELDS)[number];

/** The questions still unanswered (a blank information owner counts as unanswered). */
export function missingScreeningFields(answers: ScreeningAnswers): ScreeningField[] {
  return SCREENING_FIELDS.filter((field) => {
    const value = answers[field];
    return value === null || (typeof value === "string" && value.trim() === "");
  });
}

export function isScreeningComplete(answers: ScreeningAnswers): boolean {
  return missingScreeningFields(answers).length === 0;
}

export type ScreeningInconsistency =
  /** Sensitive personal data (GDPR art. 9) is personal data too. */
  | "sensitive_without_personal"
  /** Processing sensitive personal data needs a DPIA (konsekvensbedömning). */
  | "sensitive_without_dpia";

/** Answers that contradict each other, whether or not the screening is complete. */
export function screeningInconsistencies(answers: ScreeningAnswers): ScreeningInconsistency[] {
  const problems: ScreeningInconsistency[] = [];
  if (answers.handlesSensitivePersonalData === true && answers.handlesPersonalData !== true) {
    problems.push("sensitive_without_personal");
  }
  if (answers.handlesSensitivePersonalData === true && answers.dpiaNeeded === false) problems.push("sensitive_without_dpia");
  return problems;
}

/** The overall protection level: the highest of C, I and A; null until all three are answered. */
export function protectionLevel(answers: Pick<ScreeningAnswers, "confidentiality" | "integrity" | "availability">): SecurityLevel | null {
  const { confidentiality: c, integrity: i, availability: a } = answers;
  if (c === null || i === null || a === null) return null;
  return Math.max(c, i, a) as SecurityLevel;
}

/**
 * Whether a DPIA is advisable from the answers: sensitive personal data, or personal data whose
 * confidentiality needs are high (3) or very high (4).
 */
export function dpiaRecommended(answers: Pick<ScreeningAnswers, "handlesPersonalData" | "handlesSensitivePersonalData" | "confidentiality">): boolean {
  if (answers.handlesSensitivePersonalData === true) return true;
  return answers.handlesPersonalData === true && answers.confidentiality !== null && answers.confidentiality >= 3;
}

/** What the submitter answered about personal data when the idea was sent in. */
export interface SubmissionAnswers {
  handlesPersonalData: boolean | null;
  handlesSensitivePersonalData: boolean | null;
  informationOwner: string | null;
}

/**
 * An idea is flagged at submission when the submitter said it handles personal data or sensitive
 * personal data, or did not know (no answer on personal data).
 */
export function flaggedAtSubmission(idea: Pick<SubmissionAnswers, "handlesPersonalData" | "handlesSensitivePersonalData">): boolean {
  return idea.handlesPersonalData !== false || idea.handlesSensitivePersonalData === true;
}

/** The first draft of a screening: what the submitter already told us, nothing more. */
export function answersFromSubmission(idea: SubmissionAnswers): ScreeningAnswers {
  return {
    confidentiality: null,
    integrity: null,
    availability: null,
    handlesPersonalData: idea.handlesPersonalData,
    handlesSensitivePersonalData: idea.handlesSensitivePersonalData,
    // Whether a DPIA is needed is the screener's call; the form shows when one is recommended.
    dpiaNeeded: null,
    informationOwner: idea.informationOwner?.trim() ? idea.informationOwner.trim() : null,
  };
}

/** Stages in which the screening may still change; from pilot on it is the record the gate relied on. */
export const SCREENING_EDITABLE_STAGES: readonly Stage[] = ["inskickad", "bedomning", "prioritering"];

export function screeningEditable(idea: { stage: Stage; merged: boolean }): boolean {
  return !idea.merged && SCREENING_EDITABLE_STAGES.includes(idea.stage);
}

/**
 * Who may read an idea's screening: those who handle the idea (they may screen it) and its
 * submitter. The levels and notes can describe weaknesses in systems and information, so they are
 * not shown to everyone who may see the idea.
 */
export function mayReadScreening(actor: Actor | null, idea: IdeaResource): boolean {
  if (!actor) return false;
  return idea.submitterId === actor.id || can(actor, "idea.screen_security", idea);
}

// ---------------------------------------------------------------------------------------------
// Deviation requests (avsteg)
// ---------------------------------------------------------------------------------------------

export type DeviationDecision = "approved" | "rejected";
export const DEVIATION_DECISIONS: readonly DeviationDecision[] = ["approved", "rejected"];

/** Only an open request is decided or withdrawn; a decided one is final (a change is a new request). */
export function deviationIsOpen(status: DeviationStatus): boolean {
  return status === "requested";
}

export type WithdrawRefusal = "not_open" | "not_requester";

/** The requester, or an administrator, withdraws an open request; null when allowed. */
export function withdrawRefusal(
  actor: { id: string; isAdmin: boolean },
  request: { status: DeviationStatus; requestedBy: string },
): WithdrawRefusal | null {
  if (!deviationIsOpen(request.status)) return "not_open";
  if (request.requestedBy !== actor.id && !actor.isAdmin) return "not_requester";
  return null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The latest date a deviation may be requested until (a sanity bound, not a policy). */
export const LATEST_VALID_UNTIL = "2099-12-31";

export type ValidUntilProblem = "invalid" | "past" | "too_late";

/**
 * Checks "valid until" when a deviation is requested: empty means until further notice; otherwise a
 * real date, not before `today` (YYYY-MM-DD in Europe/Stockholm, passed in by the caller).
 */
export function validUntilProblem(validUntil: string | null, today: string): ValidUntilProblem | null {
  if (validUntil === null || validUntil === "") return null;
  if (!isCalendarDate(validUntil)) return "invalid";
  if (validUntil < today) return "past";
  if (validUntil > LATEST_VALID_UNTIL) return "too_late";
  return null;
}

/** The calendar date (YYYY-MM-DD) of an instant in Stockholm: what "today" means for "valid until". */
export function stockholmDate(instant: Date): string {
  return STOCKHOLM_DATE.format(instant);
}
const STOCKHOLM_DATE = new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" });
