import { z } from "zod";
import { goodExamplesSv } from "~/i18n/good-examples.sv";
import { sv } from "~/i18n/sv";

// The good-example forms' schemas, used by the server (and usable by the client). Swedish messages.

export const MOTIVATION_MAX = 2000;

export const markGoodExampleSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("mark"),
    motivation: z.string().trim().min(1, goodExamplesSv.mark.errors.motivationRequired).max(MOTIVATION_MAX, goodExamplesSv.mark.errors.motivationTooLong),
  }),
  z.object({ intent: z.literal("unmark"), motivation: z.string().optional() }),
], { error: goodExamplesSv.mark.errors.intent });

export const adoptGoodExampleSchema = z.object({
  unitId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, goodExamplesSv.adopt.errors.unit),
});

export const goodExampleListSchema = z.object({
  sok: z.string().trim().max(200, sv.validation.searchTooLong).optional().transform((v) => (v ? v : null)),
  sida: z.coerce.number().int().min(1).max(10_000).catch(1),
});
