import type { pilotSv } from "./pilot.sv";

// English copy for pilots and lessons learned. Mirrors pilot.sv.ts.

export const pilotEn: typeof pilotSv = {
  page: {
    title: (reference: string) => `Pilot for ${reference} – Idéslussen`,
    heading: "Pilot",
  },
  lessons: {
    title: "Lessons learned – Idéslussen",
    heading: "Lessons learned from pilots",
  },
};
