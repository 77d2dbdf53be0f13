import { z } from "zod";
import { FOCUS_AREAS, IDEA_KINDS } from "~/domain/vocabulary";

// The pipeline board's filters (GET /pipeline): every value lives in the URL so a view can be shared.
// The names match /ideas (enhet, typ, fokus), so "Visa alla" carries the same filters over.

/** An empty select ("any") is the same as leaving the parameter out. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const pipelineFilterSchema = z.object({
  enhet: optional(z.guid("Välj en förvaltning eller enhet i listan.")),
  typ: optional(z.enum(IDEA_KINDS, { error: "Välj en typ av idé i listan." })),
  fokus: optional(z.enum(FOCUS_AREAS, { error: "Välj ett fokusområde i listan." })),
});
export type PipelineFilterInput = z.output<typeof pipelineFilterSchema>;

export const PIPELINE_FILTER_FIELDS = ["enhet", "typ", "fokus"] as const;
