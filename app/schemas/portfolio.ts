import { z } from "zod";
import { PORTFOLIO_SORTS, PORTFOLIO_STAGES } from "~/domain/portfolio";
import { FOCUS_AREAS } from "~/domain/vocabulary";
import { portfolioSv } from "~/i18n/portfolio.sv";

const msg = portfolioSv.validation;

// The portfolio's URL filters (GET /portfolio, its exports and GET /api/v1/portfolio). Every value
// lives in the URL so a view can be shared and exported as it is seen.

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());

export const portfolioFilterSchema = z.object({
  enhet: z.preprocess(blankToUndefined, z.guid(msg.unitFromList).optional()),
  fokus: optionalChoice(FOCUS_AREAS, msg.focusAreaFromList),
  steg: optionalChoice(PORTFOLIO_STAGES, msg.stageFromList),
  sjalvfinansierande: optionalChoice(["ja", "nej"] as const, msg.yesOrNo),
  sok: z.preprocess(blankToUndefined, z.string().trim().max(100, msg.searchTooLong).optional()),
  sortering: optionalChoice(PORTFOLIO_SORTS, msg.sortFromList).transform((v) => v ?? "score"),
  ordning: optionalChoice(["stigande", "fallande"] as const, msg.directionFromList).transform((v) => v ?? "fallande"),
  // A page number is not something a person types: a broken one shows the first page.
  sida: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PortfolioFilterInput = z.output<typeof portfolioFilterSchema>;
export const PORTFOLIO_FILTER_FIELDS = ["enhet", "fokus", "steg", "sjalvfinansierande", "sok", "sortering", "ordning"] as const;
