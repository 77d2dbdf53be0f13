// Codes shared by the database constraints, the forms and the UI. Swedish labels live with the UI copy.

export const STAGES = ["inskickad", "bedomning", "prioritering", "pilot", "inforande", "avslutad"] as const;
export type Stage = (typeof STAGES)[number];

export const CLOSING_OUTCOMES = ["inford", "avslagen", "parkerad", "avbruten_med_lardomar"] as const;
export type ClosingOutcome = (typeof CLOSING_OUTCOMES)[number];

export const ROLES = ["medarbetare", "kontaktperson", "styrgrupp", "administrator"] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ["stadsdelsforvaltning", "fackforvaltning", "bolag", "avdelning", "enhet"] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
/** Kinds that sit at the top of the tree (directly under the city). */
export const TOP_LEVEL_UNIT_KINDS: readonly UnitKind[] = ["stadsdelsforvaltning", "fackforvaltning", "bolag"];

export const IDEA_KINDS = ["digital_tjanst", "processforbattring", "produkt_teknik", "ovrigt"] as const;
export type IdeaKind = (typeof IDEA_KINDS)[number];

export const TARGET_GROUPS = [
  "invanare",
  "barn_och_unga",
  "aldre",
  "personer_med_funktionsnedsattning",
  "medarbetare",
  "foretag",
  "foreningar",
] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

/** The six strategic focus areas of the quality programme (KS 2021/866). */
export const FOCUS_AREAS = [
  "informationshantering",
  "medveten_finansiering",
  "leverantorers_potential",
  "dialog_med_invanare",
  "strategiska_partnerskap",
  "stodjande_metoder",
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

/** The six approaches (förhållningssätt) of the quality programme. */
export const APPROACHES = [
  "stockholmarnas_fokus",
  "helhetssyn",
  "hallbarhet",
  "handlingsutrymme",
  "larande",
  "oppenhet",
] as const;
export type Approach = (typeof APPROACHES)[number];

export const BUSINESS_CASE_LINE_KINDS = ["one_off_cost", "running_cost", "saving", "time_saving"] as const;
export type BusinessCaseLineKind = (typeof BUSINESS_CASE_LINE_KINDS)[number];

export const NAME_VISIBILITIES = ["public", "handlaggare_only"] as const;
export type NameVisibility = (typeof NAME_VISIBILITIES)[number];

export const LOCALES = ["sv", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** Information-security levels (MSB/KLASSA style): 1 = low, 4 = very high protection needs. */
export const SECURITY_LEVELS = [1, 2, 3, 4] as const;
export type SecurityLevel = (typeof SECURITY_LEVELS)[number];

export const DEVIATION_STATUSES = ["requested", "approved", "rejected", "withdrawn"] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

/** The verdict of a pilot evaluation. */
export const PILOT_VERDICTS = ["scale_up", "iterate", "stop"] as const;
export type PilotVerdict = (typeof PILOT_VERDICTS)[number];

/** Assessment scale: 1–5 on every criterion. */
export const ASSESSMENT_SCORES = [1, 2, 3, 4, 5] as const;
export type AssessmentScore = (typeof ASSESSMENT_SCORES)[number];
