// Swedish copy for good examples and adopting them (/goda-exempel).

export const goodExamplesSv = {
  title: "Goda exempel – Idéslussen",
};
