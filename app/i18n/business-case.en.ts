import type { businessCaseSv } from "./business-case.sv";

// English copy for the business case. Mirrors business-case.sv.ts.

export const businessCaseEn: typeof businessCaseSv = {
  title: (reference: string) => `Business case for ${reference} – Idéslussen`,
  heading: "Business case",
};
