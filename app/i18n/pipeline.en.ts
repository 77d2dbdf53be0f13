import type { pipelineSv } from "./pipeline.sv";

// English copy for the pipeline board. Mirrors pipeline.sv.ts.

export const pipelineEn: typeof pipelineSv = {
  title: "Pipeline – Idéslussen",
  heading: "Pipeline",
};
