// Swedish copy for the pipeline board (/pipeline). Twin: pipeline.en.ts (typed to match).

export const pipelineSv = {
  title: "Idéflödet – Idéslussen",
  heading: "Idéflödet",
};
