// Swedish copy for the business case (nyttokalkyl): the editor, the case view, versions and the
// administrators' defaults. Twin: business-case.en.ts (typed to match).

export const businessCaseSv = {
  title: (reference: string) => `Nyttokalkyl för ${reference} – Idéslussen`,
  heading: "Nyttokalkyl",
};
