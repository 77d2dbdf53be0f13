import type { chartsSv } from "./charts.sv";

// English copy for the business-case charts. Mirrors charts.sv.ts.

export const chartsEn: typeof chartsSv = {
  heading: "Charts",
  showTable: "Show as a table",
  showTableContext: (chart: string) => `: ${chart}`,
  year: "Year",
  duration: (years: number, months: number) => {
    const y = years === 1 ? "1 year" : `${years} years`;
    const m = months === 1 ? "1 month" : `${months} months`;
    if (years === 0) return m;
    return months === 0 ? y : `${y} and ${m}`;
  },
  cumulative: {
    heading: "Cumulative net by year",
    summaryBreakEven: (duration: string, year: number) => `The case breaks even after ${duration}, during ${year}.`,
    summaryAtOnce: "The case is never in deficit – it breaks even from the start.",
    summaryNever: (years: number) => `The case does not break even within ${years} years.`,
    caption: "Net and cumulative net by year in kronor, at the end of each year",
    net: "Net for the year",
    cumulative: "Cumulative net at year end",
    breakEvenLabel: (year: number) => `Breaks even ${year}`,
    breakEvenRow: "Breaks even",
    tooltipStart: "At the start",
    tooltipEndOf: (year: number) => `At the end of ${year}`,
    line: "Cumulative net",
  },
  costsSavings: {
    heading: "Costs and savings by year",
    summary: (costs: string, savings: string, years: number) =>
      `Over ${years} years the development costs ${costs} and saves ${savings}, time saved included.`,
    caption: "Costs and savings by year and kind in kronor; time saved valued at the hourly cost",
    oneOffCost: "One-off cost",
    runningCost: "Running cost",
    saving: "Saving",
    timeSaving: "Time saved (valued)",
    costs: "Total costs",
    savings: "Total savings",
    hours: (hours: string) => `${hours} hours`,
    costsStack: "Costs",
    savingsStack: "Savings",
  },
  units: {
    heading: "Costs and savings by unit",
    summaryBoth: (gainer: string, gain: string, bearer: string, cost: string) =>
      `${gainer} gains the most (${gain} net); ${bearer} bears the largest net cost (${cost}).`,
    summaryGainOnly: (gainer: string, gain: string) => `No unit loses; ${gainer} gains the most (${gain} net).`,
    summaryCostOnly: (bearer: string, cost: string) => `No unit gets back more than it pays; ${bearer} bears the largest net cost (${cost}).`,
    summaryEven: "Every unit gets back as much as it pays.",
    none: "The case has no lines by unit yet.",
    caption: "Costs each unit bears and savings it receives over the whole period, sorted by net",
    unit: "Unit",
    costs: "Costs",
    savings: "Savings",
    net: "Net",
  },
};
