// Swedish copy for the business-case charts and their table alternatives. Twin: charts.en.ts.

export const chartsSv = {
  heading: "Diagram",
  showTable: "Visa som tabell",
  /** Completes "Visa som tabell" for screen readers, so the expanders are told apart. */
  showTableContext: (chart: string) => `: ${chart}`,
  year: "År",
  duration: (years: number, months: number) => {
    const y = years === 1 ? "1 år" : `${years} år`;
    const m = months === 1 ? "1 månad" : `${months} månader`;
    if (years === 0) return m;
    return months === 0 ? y : `${y} och ${m}`;
  },
  cumulative: {
    heading: "Ackumulerat netto per år",
    summaryBreakEven: (duration: string, year: number) => `Kalkylen går jämnt upp efter ${duration}, under ${year}.`,
    summaryAtOnce: "Kalkylen är aldrig på minus – den går jämnt upp från start.",
    summaryNever: (years: number) => `Kalkylen går inte jämnt upp inom ${years} år.`,
    caption: "Netto och ackumulerat netto per år i kronor, vid årets slut",
    net: "Netto under året",
    cumulative: "Ackumulerat netto vid årets slut",
    breakEvenLabel: (year: number) => `Jämnt upp ${year}`,
    breakEvenRow: "Går jämnt upp",
    tooltipStart: "Vid start",
    tooltipEndOf: (year: number) => `Vid slutet av ${year}`,
    line: "Ackumulerat netto",
  },
  costsSavings: {
    heading: "Kostnader och besparingar per år",
    summary: (costs: string, savings: string, years: number) =>
      `Under ${years} år kostar utvecklingen ${costs} och sparar ${savings}, frigjord tid inräknad.`,
    caption: "Kostnader och besparingar per år och slag i kronor; frigjord tid värderad till timkostnaden",
    oneOffCost: "Engångskostnad",
    runningCost: "Löpande kostnad",
    saving: "Besparing",
    timeSaving: "Frigjord tid (värderad)",
    costs: "Kostnader totalt",
    savings: "Besparingar totalt",
    hours: (hours: string) => `${hours} timmar`,
    costsStack: "Kostnader",
    savingsStack: "Besparingar",
  },
  units: {
    heading: "Kostnader och besparingar per enhet",
    summaryBoth: (gainer: string, gain: string, bearer: string, cost: string) =>
      `Störst nettobesparing får ${gainer} (${gain}); störst nettokostnad bär ${bearer} (${cost}).`,
    summaryGainOnly: (gainer: string, gain: string) => `Ingen enhet går back; störst nettobesparing får ${gainer} (${gain}).`,
    summaryCostOnly: (bearer: string, cost: string) => `Ingen enhet får tillbaka mer än den betalar; störst nettokostnad bär ${bearer} (${cost}).`,
    summaryEven: "Varje enhet får tillbaka lika mycket som den betalar.",
    none: "Kalkylen har inga rader per enhet än.",
    caption: "Kostnader som varje enhet bär och besparingar den får under hela kalkylperioden, sorterat efter netto",
    unit: "Enhet",
    costs: "Kostnader",
    savings: "Besparingar",
    net: "Netto",
  },
};
