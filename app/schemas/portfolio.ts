import { z } from "zod";
import { PORTFOLIO_SORTS, PORTFOLIO_STAGES } from "~/domain/portfolio";
import { FOCUS_AREAS } from "~/domain/vocabulary";

// The portfolio's URL filters (GET /portfolio, its exports and GET /api/v1/portfolio). Every value
// lives in the URL so a view can be shared and exported as it is seen.

const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess(blankToUndefined, z.enum(values, { error: message }).optional());

export const portfolioFilterSchema = z.object({
  enhet: z.preprocess(blankToUndefined, z.guid("Välj en förvaltning eller enhet i listan.").optional()),
  fokus: optionalChoice(FOCUS_AREAS, "Välj ett fokusområde i listan."),
  steg: optionalChoice(PORTFOLIO_STAGES, "Välj ett steg i listan."),
  sjalvfinansierande: optionalChoice(["ja", "nej"] as const, "Välj ja eller nej."),
  sok: z.preprocess(blankToUndefined, z.string().trim().max(100, "Sökordet får vara högst 100 tecken.").optional()),
  sortering: optionalChoice(PORTFOLIO_SORTS, "Välj en sortering i listan.").transform((v) => v ?? "score"),
  ordning: optionalChoice(["stigande", "fallande"] as const, "Välj stigande eller fallande.").transform((v) => v ?? "fallande"),
  // A page number is not something a person types: a broken one shows the first page.
  sida: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type PortfolioFilterInput = z.output<typeof portfolioFilterSchema>;
export const PORTFOLIO_FILTER_FIELDS = ["enhet", "fokus", "steg", "sjalvfinansierande", "sok", "sortering", "ordning"] as const;
