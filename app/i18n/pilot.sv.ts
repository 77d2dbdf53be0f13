// Swedish copy for pilots (plan and evaluation) and the lessons-learned page.
// Twin: pilot.en.ts (typed to match).

export const pilotSv = {
  page: {
    title: (reference: string) => `Pilot för ${reference} – Idéslussen`,
    heading: "Pilot",
  },
  lessons: {
    title: "Lärdomar – Idéslussen",
    heading: "Lärdomar från piloter",
  },
};
