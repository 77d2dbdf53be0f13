import { z } from "zod";

// The good-example forms' schemas, used by the server (and usable by the client). Swedish messages.

export const MOTIVATION_MAX = 2000;

export const markGoodExampleSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("mark"),
    motivation: z.string().trim().min(1, "Skriv en motivering.").max(MOTIVATION_MAX, "Motiveringen får vara högst 2000 tecken."),
  }),
  z.object({ intent: z.literal("unmark"), motivation: z.string().optional() }),
], { error: "Välj om idén ska markeras eller om markeringen ska tas bort." });

export const adoptGoodExampleSchema = z.object({
  unitId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "Välj en av de enheter du är kontaktperson för."),
});

export const goodExampleListSchema = z.object({
  sok: z.string().trim().max(200, "Sökningen får vara högst 200 tecken.").optional().transform((v) => (v ? v : null)),
  sida: z.coerce.number().int().min(1).max(10_000).catch(1),
});
