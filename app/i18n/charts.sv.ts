// Swedish copy for the business-case charts and their table alternatives. Twin: charts.en.ts.

export const chartsSv = {
  cumulative: { heading: "Ackumulerat netto per år" },
};
