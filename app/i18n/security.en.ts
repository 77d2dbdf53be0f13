import type { securitySv } from "./security.sv";

// English copy for the security screening and deviation requests. Mirrors security.sv.ts.

export const securityEn: typeof securitySv = {
  screening: {
    title: (reference: string) => `Information security for ${reference} – Idéslussen`,
    heading: "Information-security screening",
  },
  deviations: {
    title: "Deviations – Idéslussen",
    heading: "Deviations from the city's common standards",
  },
};
