// Swedish copy for benefits realisation (nyttorealisering). Twin: benefits.en.ts.

export const benefitsSv = {
  title: (reference: string) => `Nyttorealisering för ${reference} – Idéslussen`,
  heading: "Nyttorealisering",
};
