// Swedish copy for the portfolio page, the optimiser and prioritisation proposals (/portfolio, /portfolio/optimera, /portfolio/forslag).

export const portfolioSv = {
  title: "Portfölj – Idéslussen",
};
