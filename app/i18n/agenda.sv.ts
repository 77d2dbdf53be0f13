// Swedish copy for the steering group's meeting agenda (/portfolio/agenda).

export const agendaSv = {
  title: "Dagordning för styrgruppen – Idéslussen",
};
