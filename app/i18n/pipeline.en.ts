import type { pipelineSv } from "./pipeline.sv";
import { formatNumber } from "./number-format";

// English copy for the pipeline board. Mirrors pipeline.sv.ts.

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("en", n);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const pipelineEn: typeof pipelineSv = {
  title: "Pipeline – Idéslussen",
  heading: "Pipeline",
  lead:
    "Every submitted idea, stage by stage, from submitted to closed. Each column shows the ideas that have waited " +
    "longest in the stage. Open an idea for details, or decide where the next step is yours.",
  filters: {
    label: "Filter the pipeline",
    unit: "Administration or unit",
    unitHint: "Units below the chosen one are included.",
    kind: "Kind of idea",
    focusArea: "Focus area",
    any: "All",
    apply: "Show",
    applying: "Showing …",
    clear: "Clear filters",
    errorSummaryTitle: "The filter could not be used",
    unknownUnit: "The unit does not exist. Choose an administration or unit from the list.",
  },
  summaryLabel: "Summary",
  summary: (total, parts) =>
    `${num(total)} ${plural(total, "idea", "ideas")} in the pipeline: ${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}.`,
  summaryParts: {
    inskickad: (n) => `${num(n)} submitted`,
    bedomning: (n) => `${num(n)} in assessment`,
    prioritering: (n) => `${num(n)} in prioritisation`,
    pilot: (n) => `${num(n)} in pilot`,
    inforande: (n) => `${num(n)} in implementation`,
    avslutad: (n, days) => `${num(n)} closed in the last ${days} days`,
  },
  boardLabel: "The pipeline, one column per stage",
  columnCount: (n) => `${num(n)} ${plural(n, "idea", "ideas")}`,
  longestWaiting: (shown, count) => `Showing the ${num(shown)} that have waited longest of ${num(count)}.`,
  recentlyClosed: (days) => `Closed in the last ${days} days, most recent first.`,
  emptyColumn: "No ideas in this stage.",
  emptyClosed: (days) => `No ideas closed in the last ${days} days.`,
  showAll: (n) => `Show all ${num(n)}`,
  showAllLabel: (n, stage) => `Show all ${num(n)} ${plural(n, "idea", "ideas")} in the stage ${stage}`,
  showAllClosed: (n) => `Show all ${num(n)} closed`,
  card: {
    unit: "Unit",
    owner: "Owner",
    noOwner: "No owner",
    inStage: "In stage",
    closed: "Closed",
    days: (n) => `${n} ${plural(n, "day", "days")}`,
    daysAgo: (n) => (n === 0 ? "today" : `${n} ${plural(n, "day", "days")} ago`),
    outcome: "Outcome",
    overdue: "Overdue",
    overdueDetail: (limit) => `more than ${limit} days in the stage`,
    decide: "Decide",
    decideLabel: (title) => `Decide on ${title}`,
  },
  validation: {
    unitFromList: "Choose an administration or unit from the list.",
  },
};
