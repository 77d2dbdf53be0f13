import { z } from "zod";
import { FOCUS_AREAS, IDEA_KINDS } from "~/domain/vocabulary";
import { ideasSv } from "~/i18n/ideas.sv";
import { inboxSv } from "~/i18n/inbox.sv";
import { pipelineSv } from "~/i18n/pipeline.sv";

const msg = pipelineSv.validation;

// The pipeline board's filters (GET /pipeline): every value lives in the URL so a view can be shared.
// The names match /ideas (enhet, typ, fokus), so "Visa alla" carries the same filters over.

/** An empty select ("any") is the same as leaving the parameter out. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const pipelineFilterSchema = z.object({
  enhet: optional(z.guid(msg.unitFromList)),
  typ: optional(z.enum(IDEA_KINDS, { error: inboxSv.validation.ideaKindFromList })),
  fokus: optional(z.enum(FOCUS_AREAS, { error: ideasSv.validation.focusAreaFromList })),
});
export type PipelineFilterInput = z.output<typeof pipelineFilterSchema>;

export const PIPELINE_FILTER_FIELDS = ["enhet", "typ", "fokus"] as const;
