import type { portfolioChartsSv } from "./portfolio-charts.sv";
import { formatNumber } from "./number-format";

// English copy for the portfolio charts (/portfolio/diagram). Mirrors portfolio-charts.sv.ts.

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("en", n);
const ideas = (n: number) => (n === 1 ? "1 idea" : `${num(n)} ideas`);

export const portfolioChartsEn: typeof portfolioChartsSv = {
  title: "The portfolio in charts – Idéslussen",
  heading: "The portfolio in charts",
  lead: "The flow of ideas, where they come from, the portfolio's value against effort, costs and savings over time and how long ideas stay in each stage. Every chart is also a table.",
  backToPortfolio: "To the portfolio list",
  truncated: (limit: number) => `The portfolio has more than ${num(limit)} ideas. The value and cost charts show the first ${num(limit)}.`,
  ideas,
  filters: {
    label: "Filter the charts",
    errorSummaryTitle: "The filter could not be used",
    unit: "Department or unit",
    unitHint: "Units below the chosen one are included.",
    focusArea: "Focus area",
    stage: "Portfolio stage",
    stageHint: "Applies to the value/effort and costs/savings charts. Without a choice: prioritisation, pilot and implementation.",
    selfFinancing: "Self-financing",
    selfFinancingHint: "Applies to the value/effort and costs/savings charts.",
    yes: "Yes",
    no: "No",
    any: "All",
    apply: "Show",
    applying: "Loading …",
    clear: "Clear filters",
    unknownUnit: "The department or unit does not exist. Choose one from the list.",
  },
  funnel: {
    heading: "Ideas per stage",
    caption: "Number of submitted ideas per stage, and those closed as implemented",
    stage: "Stage",
    count: "Ideas",
    inford: "Implemented (closed)",
    summary: (total, largest, largestCount, inford) =>
      total === 0 ? "No ideas match the filter."
        : `${ideas(total)} in the flow. Most are in ${largest} (${num(largestCount)}). ${inford === 1 ? "1 idea has" : `${num(inford)} ideas have`} been implemented.`,
  },
  byUnit: {
    heading: "Ideas per department",
    caption: "Number of ideas per department (units counted under their department)",
    unit: "Department",
    count: "Ideas",
    rest: "Other departments",
    summary: (top, topCount, total, groups) =>
      `Most ideas come from ${top} (${num(topCount)} of ${num(total)}). ${groups === 1 ? "1 department has" : `${num(groups)} departments have`} ideas in the flow.`,
    summaryRest: (limit, rest) => ` The ${num(limit)} largest are shown one by one, the other ${num(rest)} together.`,
    none: "No ideas match the filter.",
  },
  byFocus: {
    heading: "Ideas per focus area",
    caption: "Number of ideas per focus area; an idea may have several focus areas",
    area: "Focus area",
    count: "Ideas",
    summary: (top, topCount, ideasCount, withoutArea) =>
      `An idea may have several focus areas and then counts in each, so the bars may add up to more than the ${num(ideasCount)} ideas. ` +
      `Most common is ${top} (${num(topCount)}).${withoutArea === 1 ? " 1 idea has no focus area." : withoutArea > 1 ? ` ${num(withoutArea)} ideas have no focus area.` : ""}`,
    none: "No ideas match the filter.",
  },
  bubbles: {
    heading: "Value against effort",
    caption: "The portfolio's ideas: weighted score, total cost and net present value",
    xAxis: "Weighted score",
    yAxis: "Total cost",
    idea: "Idea",
    score: "Weighted score",
    cost: "Total cost",
    npv: "Net present value",
    selfFinancing: "Self-financing",
    yes: "Yes",
    no: "No",
    legendSelf: "Self-financing (diamond)",
    legendNotSelf: "Not self-financing (circle)",
    legendNegative: "Hollow: negative net present value",
    summary: (plotted, total, self, negative) =>
      `${num(plotted)} of ${ideas(total)} in the portfolio are shown: x is the weighted score, y the total cost and the bubble's size the amount of the net present value. ` +
      `${num(self)} are self-financing and shown as diamonds, the others as circles. ` +
      `${negative === 1 ? "1 idea has a negative net present value and is" : `${num(negative)} ideas have a negative net present value and are`} shown hollow.`,
    none: "No idea in the portfolio has both a weighted score and a business case.",
    notPlottedHeading: "Not shown in the chart",
    notPlottedReason: { no_score: "no weighted score", no_case: "no business case", no_score_no_case: "no weighted score and no business case" },
  },
  cumulative: {
    heading: "Costs and savings over time",
    caption: "Cumulative costs and savings per calendar year in kronor, planned and actual",
    year: "Year",
    plannedCosts: "Planned costs",
    plannedSavings: "Planned savings",
    realisedCosts: "Actual costs",
    realisedSavings: "Actual savings",
    noActual: "–",
    summary: (ideaCount, first, last, costs, savings) =>
      `Plan for ${ideas(ideaCount)} ${first}–${last}: ${costs} in costs and ${savings} in savings in all (time savings valued at the case's hourly cost).`,
    summaryActuals: (withActuals, year, plannedCosts, realisedCosts, plannedSavings, realisedSavings) =>
      ` Actuals exist for ${ideas(withActuals)}. Up to ${year} costs were ${realisedCosts} (plan ${plannedCosts}) and savings ${realisedSavings} (plan ${plannedSavings}).`,
    summaryNoActuals: " No actuals have been recorded yet.",
    none: "No idea in the portfolio has a business case.",
  },
  stageTimes: {
    heading: "Time in stage",
    caption: "Days in each stage for ideas that have left it: median and 90th percentile",
    stage: "Stage",
    stays: "Stays",
    median: "Median (days)",
    p90: "90th percentile (days)",
    summary: (stage, median, stays) =>
      `Based on completed stays, that is ideas that left the stage by a decision. The longest median is in ${stage}: ${median} days (${stays === 1 ? "1 stay" : `${num(stays)} stays`}). ` +
      "Percentiles are linearly interpolated. The number of stays is in the table.",
    none: "No idea has left any stage yet.",
    days: (value) => `${value} days`,
  },
};
