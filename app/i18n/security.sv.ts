// Swedish copy for the information-security screening and deviation requests (avsteg).
// Twin: security.en.ts (typed to match).

export const securitySv = {
  screening: {
    title: (reference: string) => `Informationssäkerhet för ${reference} – Idéslussen`,
    heading: "Informationssäkerhetsbedömning",
  },
  deviations: {
    title: "Avsteg – Idéslussen",
    heading: "Avsteg från stadens gemensamma standarder",
  },
};
