import type { agendaSv } from "./agenda.sv";
import { formatNumber } from "./number-format";

// English copy for the steering group's meeting agenda (/portfolio/agenda). Mirrors agenda.sv.ts.

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("en", n);
export const agendaEn: typeof agendaSv = {
  title: "Steering group agenda – Idéslussen",
  heading: "Steering group agenda",
  meetingHeading: (title: string | null, date: string | null) =>
    [title ?? "Steering group meeting", date].filter(Boolean).join(" "),
  lead: "Ideas waiting for the steering group's decision (in prioritisation, in implementation, and pilots that have been evaluated), the longest waiting first. Each idea gets a summary page when you print.",
  backToPortfolio: "Back to the portfolio",
  print: "Print",
  printHint: "You can also print with the browser's print function.",
  options: {
    legend: "Adjust the agenda",
    unit: "Administration",
    anyUnit: "All administrations",
    date: "Meeting date",
    dateHint: "YYYY-MM-DD, shown in the heading.",
    meetingTitle: "Meeting title",
    meetingTitleHint: "For example “Steering group meeting no. 4”. Shown in the heading.",
    submit: "Show agenda",
    pending: "Loading …",
    clear: "Clear",
    errorSummaryTitle: "The agenda could not be shown",
  },
  count: (shown: number, total: number) =>
    shown === total ? (total === 1 ? "1 idea is waiting for a decision." : `${num(total)} ideas are waiting for a decision.`)
      : `${num(total)} ideas are waiting for a decision; the ${num(shown)} that have waited longest are shown.`,
  empty: "No ideas are waiting for the steering group's decision right now. Ideas that contact persons send for decision show up here before the next meeting.",
  contents: "Contents",
  item: {
    unit: "Unit",
    stage: "Stage",
    waiting: "Has waited",
    days: (n: number) => (n === 1 ? "1 day" : `${n} days`),
    score: "Weighted score",
    scoreValue: (score: string, assessors: number) => `${score} (${assessors === 1 ? "1 assessor" : `${assessors} assessors`})`,
    noScore: "Not assessed",
    problem: "Problem",
    solution: "Proposed solution",
    businessCase: "Business case",
    noBusinessCase: "The idea has no business case.",
    nextGate: (stage: string) => `Next decision: ${stage}`,
    noRequirements: "The decision has no requirements that must be met.",
    decide: "Decide",
    decideContext: (reference: string) => ` on ${reference}`,
    openIdea: "Open the idea",
    empty: "–",
  },
  errors: {
    unknownUnit: "The administration does not exist.",
  },
  validation: {
    meetingDateFormat: "Enter the meeting date as YYYY-MM-DD.",
    meetingDateNotInCalendar: "The meeting date does not exist in the calendar.",
    meetingTitleTooLong: "The meeting title may be at most 120 characters.",
  },
};
