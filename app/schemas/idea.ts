import { z } from "zod";
import { APPROACHES, FOCUS_AREAS, IDEA_KINDS, TARGET_GROUPS } from "~/domain/vocabulary";

// "Lämna en idé": one schema for the browser (react-hook-form) and the server (re-validation).
// Every value arrives as the string a form posts, so the form also works without JavaScript.
// intent=draft checks only the title and the limits; intent=submit checks that the idea is complete.

export const IDEA_INTENTS = ["draft", "submit"] as const;
export const TRI_STATE = ["ja", "nej", "vet_ej"] as const;
export type TriState = (typeof TRI_STATE)[number];

export const IDEA_LIMITS = { title: 200, text: 10000, informationOwner: 200 } as const;
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
  z.string().max(40, "Ange ett heltal, till exempel 12 000.").superRefine((value, ctx) => {
    const parsed = parseWholeNumber(value);
    if (parsed === "invalid") ctx.addIssue({ code: "custom", message: "Ange ett heltal utan decimaler, till exempel 12 000. Lämna tomt om du inte vet." });
    else if (parsed !== null && parsed > max) ctx.addIssue({ code: "custom", message: tooLarge });
  });

const list = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.array(z.enum(values, { message })).max(values.length, message);

export const ideaFormSchema = z.object({
  intent: z.enum(IDEA_INTENTS, { message: "Välj om du vill spara utkast eller skicka in." }),
  submissionKey: z.string().uuid("Formuläret är ogiltigt. Ladda om sidan och försök igen."),
  title: z.string().trim().min(1, "Ge idén en rubrik.").max(IDEA_LIMITS.title, `Rubriken får vara högst ${IDEA_LIMITS.title} tecken.`),
  problem: z.string().trim().max(IDEA_LIMITS.text, `Beskrivningen får vara högst ${IDEA_LIMITS.text} tecken.`),
  proposedSolution: z.string().trim().max(IDEA_LIMITS.text, `Förslaget får vara högst ${IDEA_LIMITS.text} tecken.`),
  kind: z.union([z.enum(IDEA_KINDS), z.literal("")], { message: "Välj vilken sorts idé det är." }),
  targetGroups: list(TARGET_GROUPS, "Välj bland målgrupperna i listan."),
  unitId: z.string().max(40),
  focusAreas: list(FOCUS_AREAS, "Välj bland fokusområdena i listan."),
  approaches: list(APPROACHES, "Välj bland förhållningssätten i listan."),
  expectedBenefits: z.string().trim().max(IDEA_LIMITS.text, `Nyttan får beskrivas med högst ${IDEA_LIMITS.text} tecken.`),
  hoursSavedPerMonth: wholeNumber(MAX_HOURS, "Ange högst 100 000 timmar i månaden."),
  savingsPerYear: wholeNumber(MAX_KRONOR, "Beloppet är orimligt stort. Ange hela kronor."),
  estimatedCost: wholeNumber(MAX_KRONOR, "Beloppet är orimligt stort. Ange hela kronor."),
  personalData: z.union([z.enum(TRI_STATE), z.literal("")], { message: "Svara ja, nej eller vet inte." }),
  sensitivePersonalData: z.union([z.enum(TRI_STATE), z.literal("")], { message: "Svara ja, nej eller vet inte." }),
  informationOwner: z.string().trim().max(IDEA_LIMITS.informationOwner, `Högst ${IDEA_LIMITS.informationOwner} tecken.`),
  // A lone checkbox: react-hook-form gives its value ("ja") or false; a posted form gives "ja" or "".
  hideName: z.union([z.boolean(), z.string().max(10)]).transform((v) => v === true || v === "ja"),
}).superRefine((value, ctx) => {
  const missing = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
  if (value.sensitivePersonalData === "ja" && value.personalData !== "ja") {
    missing("sensitivePersonalData", "Känsliga personuppgifter är också personuppgifter: svara ja på frågan om personuppgifter, eller ändra svaret här.");
  }
  if (value.intent !== "submit") return;
  if (!value.problem) missing("problem", "Beskriv problemet: vem berörs och hur ofta?");
  if (!value.proposedSolution) missing("proposedSolution", "Beskriv ditt förslag till lösning.");
  if (!value.kind) missing("kind", "Välj vilken sorts idé det är.");
  if (value.targetGroups.length === 0) missing("targetGroups", "Välj minst en målgrupp.");
  if (!value.unitId) missing("unitId", "Välj den enhet idén gäller.");
  if (!value.personalData) missing("personalData", "Svara på om idén hanterar personuppgifter.");
  if (!value.sensitivePersonalData) missing("sensitivePersonalData", "Svara på om idén hanterar känsliga personuppgifter.");
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
