import { z } from "zod";
import { PORTFOLIO_STAGES } from "~/domain/portfolio";
import { CLOSING_OUTCOMES, FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";

// The read-only API /api/v1: its query parameters and its answers. The OpenAPI document
// (/api/v1/openapi.json) is generated from these schemas with z.toJSONSchema, so it cannot drift.

export const API_MAX_PAGE_SIZE = 100;

const page = z.coerce.number({ error: "page måste vara ett heltal." }).int("page måste vara ett heltal.")
  .min(1, "page måste vara minst 1.").max(100_000, "page är för stort.").default(1)
  .meta({ description: "Sidnummer, från 1." });
const pageSize = z.coerce.number({ error: "pageSize måste vara ett heltal." }).int("pageSize måste vara ett heltal.")
  .min(1, "pageSize måste vara minst 1.").max(API_MAX_PAGE_SIZE, `pageSize får vara högst ${API_MAX_PAGE_SIZE}.`).default(25)
  .meta({ description: `Rader per sida, högst ${API_MAX_PAGE_SIZE}.` });
const unit = z.guid("unit måste vara ett enhets-id (uuid).").optional()
  .meta({ description: "Förvaltning eller enhet (uuid); dess underenheter ingår." });
const focusArea = z.enum(FOCUS_AREAS, { error: "Okänt fokusområde." }).optional().meta({ description: "Fokusområde." });
const q = z.string().trim().max(200, "q får vara högst 200 tecken.").optional().meta({ description: "Fritextsökning." });

export const apiIdeasQuerySchema = z.object({
  page, pageSize, unit, focusArea, q,
  stage: z.enum(STAGES, { error: "Okänt steg." }).optional().meta({ description: "Steg." }),
});
export type ApiIdeasQuery = z.output<typeof apiIdeasQuerySchema>;

export const apiPortfolioQuerySchema = z.object({
  page, pageSize, unit, focusArea, q,
  stage: z.enum(PORTFOLIO_STAGES, { error: "Okänt steg i portföljen." }).optional()
    .meta({ description: "Steg; utan det: prioritering, pilot och införande." }),
  selfFinancing: z.enum(["true", "false"], { error: "selfFinancing måste vara true eller false." }).optional()
    .meta({ description: "Bara självfinansierande (true) eller bara övriga (false)." }),
});
export type ApiPortfolioQuery = z.output<typeof apiPortfolioQuerySchema>;

const dateTime = z.iso.datetime({ offset: true });
const links = z.object({ html: z.string().meta({ description: "Idéns sida i Idéslussen (relativ länk)." }) });
const unitRef = z.object({ id: z.guid(), name: z.string() });

export const apiIdeaSchema = z.object({
  id: z.guid(),
  reference: z.string().nullable(),
  title: z.string(),
  kind: z.enum(IDEA_KINDS),
  stage: z.enum(STAGES),
  outcome: z.enum(CLOSING_OUTCOMES).nullable(),
  unit: unitRef,
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  supportCount: z.number().int(),
  merged: z.boolean(),
  submittedAt: dateTime,
  stageChangedAt: dateTime,
  links,
});

const pageLinks = z.object({ self: z.string(), next: z.string().nullable(), prev: z.string().nullable() });
const pagination = { page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pageCount: z.number().int(), links: pageLinks };

export const apiIdeasResponseSchema = z.object({ data: z.array(apiIdeaSchema), ...pagination });

export const apiPortfolioRowSchema = z.object({
  id: z.guid(),
  reference: z.string(),
  title: z.string(),
  unit: unitRef,
  focusAreas: z.array(z.enum(FOCUS_AREAS)),
  stage: z.enum(STAGES),
  outcome: z.enum(CLOSING_OUTCOMES).nullable(),
  weightedScore: z.number().nullable(),
  npv: z.number().nullable().meta({ description: "Nuvärde, hela kronor." }),
  financialNpv: z.number().nullable(),
  benefitCostRatio: z.number().nullable(),
  paybackMonths: z.number().nullable(),
  selfFinancing: z.boolean().nullable(),
  totalCosts: z.number().nullable(),
  totalSavings: z.number().nullable(),
  costsInBudgetYears: z.array(z.number()).meta({ description: "Kostnad per budgetår (samma år som costsByYear i svaret)." }),
  submittedAt: dateTime,
  stageChangedAt: dateTime,
  links,
});

export const apiPortfolioResponseSchema = z.object({
  totals: z.object({
    count: z.number().int(), withBusinessCase: z.number().int(), selfFinancingCount: z.number().int(),
    npv: z.number(), financialNpv: z.number(), totalCosts: z.number(), totalSavings: z.number(), meanScore: z.number().nullable(),
  }),
  countsByStage: z.record(z.enum(PORTFOLIO_STAGES), z.number().int())
    .meta({ description: "Antal idéer per steg med övriga filter (steg-filtret räknas inte här)." }),
  costsByYear: z.array(z.object({ year: z.number().int(), cost: z.number() }))
    .meta({ description: "Urvalets kostnad per budgetår: innevarande år och fyra till." }),
  data: z.array(apiPortfolioRowSchema),
  ...pagination,
});

export const apiErrorSchema = z.object({
  error: z.string(),
  fields: z.record(z.string(), z.string()).optional().meta({ description: "Fel per parameter (vid 400)." }),
});
