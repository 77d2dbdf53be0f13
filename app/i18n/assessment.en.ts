import type { assessmentSv } from "./assessment.sv";

// English copy for assessments. Mirrors assessment.sv.ts.

export const assessmentEn: typeof assessmentSv = {
  queue: {
    title: "My assessments – Idéslussen",
    heading: "My assessments",
  },
};
