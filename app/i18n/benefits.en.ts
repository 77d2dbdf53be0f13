import type { benefitsSv } from "./benefits.sv";

// English copy for benefits realisation. Mirrors benefits.sv.ts.

export const benefitsEn: typeof benefitsSv = {
  title: (reference: string) => `Benefits realisation for ${reference} – Idéslussen`,
  heading: "Benefits realisation",
};
