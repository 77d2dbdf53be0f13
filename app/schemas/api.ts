import { z } from "zod";
import { API_MAX_PAGE_SIZE } from "./limits";
import { PORTFOLIO_STAGES } from "~/domain/portfolio";
import { CLOSING_OUTCOMES, FOCUS_AREAS, IDEA_KINDS, STAGES } from "~/domain/vocabulary";
import { exportsSv } from "~/i18n/exports.sv";

const msg = exportsSv.validation;

// The read-only API /api/v1: its query parameters and its answers. The OpenAPI document
// (/api/v1/openapi.json) is generated from these schemas with z.toJSONSchema, so it cannot drift.

export { API_MAX_PAGE_SIZE } from "./limits";

const page = z.coerce.number({ error: msg.apiPageInteger }).int(msg.apiPageInteger)
  .min(1, msg.apiPageMin).max(100_000, msg.apiPageTooLarge).default(1)
  .meta({ description: "Sidnummer, från 1." });
const pageSize = z.coerce.number({ error: msg.apiPageSizeInteger }).int(msg.apiPageSizeInteger)
  .min(1, msg.apiPageSizeMin).max(API_MAX_PAGE_SIZE, msg.apiPageSizeMax).default(25)
  .meta({ description: `Rader per sida, högst ${API_MAX_PAGE_SIZE}.` });
const unit = z.guid(msg.apiUnit).optional()
  .meta({ description: "Förvaltning eller enhet (uuid); dess underenheter ingår." });
const focusArea = z.enum(FOCUS_AREAS, { error: msg.apiFocusArea }).optional().meta({ description: "Fokusområde." });
const q = z.string().trim().max(200, msg.apiQ).optional().meta({ description: "Fritextsökning." });

export const apiIdeasQuerySchema = z.object({
  page, pageSize, unit, focusArea, q,
  stage: z.enum(STAGES, { error: msg.apiStage }).optional().meta({ description: "Steg." }),
});
export type ApiIdeasQuery = z.output<typeof apiIdeasQuerySchema>;

export const apiPortfolioQuerySchema = z.object({
  page, pageSize, unit, focusArea, q,
  stage: z.enum(PORTFOLIO_STAGES, { error: msg.apiPortfolioStage }).optional()
    .meta({ description: "Steg; utan det: prioritering, pilot och införande." }),
  selfFinancing: z.enum(["true", "false"], { error: msg.apiSelfFinancing }).optional()
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
