// Swedish copy for assessments: the scorecard, assessor assignments, the assessment queue and the
// administrators' criteria pages. Twin: assessment.en.ts (typed to match).

export const assessmentSv = {
  queue: {
    title: "Mina bedömningar – Idéslussen",
    heading: "Mina bedömningar",
  },
};
