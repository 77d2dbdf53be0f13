import type { agendaSv } from "./agenda.sv";

// English copy for the steering group's meeting agenda (/portfolio/agenda). Mirrors agenda.sv.ts.

export const agendaEn: typeof agendaSv = {
  title: "Steering group agenda – Idéslussen",
};
