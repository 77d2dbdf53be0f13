// Swedish copy for the portfolio charts (/portfolio/diagram).

export const portfolioChartsSv = {
  title: "Portföljen i diagram – Idéslussen",
};
