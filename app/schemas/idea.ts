import { z } from "zod";
import { IDEA_LIMITS } from "./limits";
import { APPROACHES, FOCUS_AREAS, IDEA_KINDS, TARGET_GROUPS } from "~/domain/vocabulary";
import { securitySv } from "~/i18n/security.sv";
import { submitSv } from "~/i18n/submit.sv";

const msg = submitSv.validation;

// "Lämna en idé": one schema for the browser (react-hook-form) and the server (re-validation).
// Every value arrives as the string a form posts, so the form also works without JavaScript.
// intent=draft checks only the title and the limits; intent=submit checks that the idea is complete.

export const IDEA_INTENTS = ["draft", "submit"] as const;
export const TRI_STATE = ["ja", "nej", "vet_ej"] as const;
export type TriState = (typeof TRI_STATE)[number];

export { IDEA_LIMITS } from "./limits";
const MAX_HOURS = 100_000;
const MAX_KRONOR = 1_000_000_000_000;

/** "12 000", "12000" or "" → 12000 or null; anything else is an error with a Swedish message. */
export function parseWholeNumber(value: string): number | null | "invalid" {
  const compact = value.replace(/[\s\u00a0\u202f]/g, "");
  if (compact === "") return null;
  if (!/^\d{1,15}$/.test(compact)) return "invalid";
  return Number(compact);
}

const wholeNumber = (max: number, tooLarge: string) =>
  z.string().max(40, msg.wholeNumber).superRefine((value, ctx) => {
    const parsed = parseWholeNumber(value);
    if (parsed === "invalid") ctx.addIssue({ code: "custom", message: msg.wholeNumberNoDecimals });
    else if (parsed !== null && parsed > max) ctx.addIssue({ code: "custom", message: tooLarge });
  });

// react-hook-form reads a radio group with nothing chosen as null (once it has been touched); a posted form
// sends "". Both mean "not answered", which the submit check below reports with its Swedish message.
const radio = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.union([z.enum(values, { message }), z.literal(""), z.null()], { message }).transform((v) => v ?? "");

const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.array(z.enum(values, { message })).max(values.length, message);

export const ideaFormSchema = z.object({
  intent: z.enum(IDEA_INTENTS, { message: msg.intent }),
  submissionKey: z.string().uuid(msg.formInvalid),
  title: z.string().trim().min(1, msg.titleRequired).max(IDEA_LIMITS.title, msg.titleTooLong),
  problem: z.string().trim().max(IDEA_LIMITS.text, msg.problemTooLong),
  proposedSolution: z.string().trim().max(IDEA_LIMITS.text, msg.solutionTooLong),
  kind: radio(IDEA_KINDS, msg.kindRequired),
  targetGroups: list(TARGET_GROUPS, msg.targetGroupsFromList),
  unitId: z.string().max(40),
  focusAreas: list(FOCUS_AREAS, msg.focusAreasFromList),
  approaches: list(APPROACHES, msg.approachesFromList),
  expectedBenefits: z.string().trim().max(IDEA_LIMITS.text, msg.benefitsTooLong),
  hoursSavedPerMonth: wholeNumber(MAX_HOURS, msg.hoursTooMany),
  savingsPerYear: wholeNumber(MAX_KRONOR, msg.amountTooLarge),
  estimatedCost: wholeNumber(MAX_KRONOR, msg.amountTooLarge),
  personalData: radio(TRI_STATE, msg.yesNoUnknown),
  sensitivePersonalData: radio(TRI_STATE, msg.yesNoUnknown),
  informationOwner: z.string().trim().max(IDEA_LIMITS.informationOwner, msg.informationOwnerTooLong),
  // A lone checkbox: react-hook-form gives its value ("ja") or false; a posted form gives "ja" or "".
  hideName: z.union([z.boolean(), z.string().max(10)]).transform((v) => v === true || v === "ja"),
}).superRefine((value, ctx) => {
  const missing = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (value.sensitivePersonalData === "ja" && value.personalData !== "ja") {
    missing("sensitivePersonalData", securitySv.errors.sensitiveWithoutPersonal);
  }
  if (value.intent !== "submit") return;
  if (!value.problem) missing("problem", msg.problemRequired);
  if (!value.proposedSolution) missing("proposedSolution", msg.solutionRequired);
  if (!value.kind) missing("kind", msg.kindRequired);
  if (value.targetGroups.length === 0) missing("targetGroups", msg.targetGroupRequired);
  if (!value.unitId) missing("unitId", msg.unitRequired);
  if (!value.personalData) missing("personalData", securitySv.errors.missing.handlesPersonalData);
  if (!value.sensitivePersonalData) missing("sensitivePersonalData", securitySv.errors.missing.handlesSensitivePersonalData);
});

export type IdeaFormValues = z.input<typeof ideaFormSchema>;

/** The form's fields as the server reads them from a posted form (checkbox groups repeat a name). */
export function ideaFormValuesFrom(form: FormData): IdeaFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const many = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return {
    intent: text("intent") as IdeaFormValues["intent"],
    submissionKey: text("submissionKey"),
    title: text("title"),
    problem: text("problem"),
    proposedSolution: text("proposedSolution"),
    kind: text("kind") as IdeaFormValues["kind"],
    targetGroups: many("targetGroups") as IdeaFormValues["targetGroups"],
    unitId: text("unitId"),
    focusAreas: many("focusAreas") as IdeaFormValues["focusAreas"],
    approaches: many("approaches") as IdeaFormValues["approaches"],
    expectedBenefits: text("expectedBenefits"),
    hoursSavedPerMonth: text("hoursSavedPerMonth"),
    savingsPerYear: text("savingsPerYear"),
    estimatedCost: text("estimatedCost"),
    personalData: text("personalData") as IdeaFormValues["personalData"],
    sensitivePersonalData: text("sensitivePersonalData") as IdeaFormValues["sensitivePersonalData"],
    informationOwner: text("informationOwner"),
    hideName: form.get("hideName") === "ja" ? "ja" : "",
  };
}

/** What gets stored: numbers as numbers, tri-state answers as true/false/null ("vet inte" = null). */
export function ideaContentOf(values: z.output<typeof ideaFormSchema>) {
  const num = (v: string) => {
    const parsed = parseWholeNumber(v);
    return parsed === "invalid" ? null : parsed;
  };
  const tri = (v: TriState | "") => (v === "ja" ? true : v === "nej" ? false : null);
  return {
    title: values.title,
    problem: values.problem,
    proposedSolution: values.proposedSolution,
    kind: values.kind || "ovrigt" as const,
    targetGroups: values.targetGroups,
    unitId: values.unitId,
    focusAreas: values.focusAreas,
    approaches: values.approaches,
    expectedBenefits: values.expectedBenefits,
    hoursSavedPerMonth: num(values.hoursSavedPerMonth),
    savingsPerYear: num(values.savingsPerYear),
    estimatedCost: num(values.estimatedCost),
    personalData: tri(values.personalData),
    sensitivePersonalData: tri(values.sensitivePersonalData),
    informationOwner: values.informationOwner || null,
    nameVisibility: values.hideName ? "handlaggare_only" as const : "public" as const,
  };
}
export type IdeaContent = ReturnType<typeof ideaContentOf>;
