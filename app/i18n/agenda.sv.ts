import { formatNumber } from "./number-format";
// Swedish copy for the steering group's meeting agenda (/portfolio/agenda).

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("sv", n);
export const agendaSv = {
  title: "Dagordning för styrgruppen – Idéslussen",
  heading: "Dagordning för styrgruppen",
  meetingHeading: (title: string | null, date: string | null) =>
    [title ?? "Styrgruppsmöte", date].filter(Boolean).join(" "),
  lead: "Idéer som väntar på styrgruppens beslut (i prioritering, i införande och pilotprojekt som har utvärderats), de som har väntat längst först. Varje idé har en sida med sammanfattning när du skriver ut.",
  backToPortfolio: "Tillbaka till portföljen",
  print: "Skriv ut",
  printHint: "Du kan också skriva ut med webbläsarens utskriftsfunktion.",
  options: {
    legend: "Anpassa dagordningen",
    unit: "Förvaltning",
    anyUnit: "Alla förvaltningar",
    date: "Mötesdatum",
    dateHint: "ÅÅÅÅ-MM-DD, visas i rubriken.",
    meetingTitle: "Mötets rubrik",
    meetingTitleHint: "Till exempel ”Styrgruppsmöte nr 4”. Visas i rubriken.",
    submit: "Visa dagordning",
    pending: "Hämtar …",
    clear: "Rensa",
    errorSummaryTitle: "Dagordningen kunde inte visas",
  },
  count: (shown: number, total: number) =>
    shown === total ? (total === 1 ? "1 idé väntar på beslut." : `${num(total)} idéer väntar på beslut.`)
      : `${num(total)} idéer väntar på beslut; de ${num(shown)} som har väntat längst visas.`,
  empty: "Inga idéer väntar på styrgruppens beslut just nu. Idéer som kontaktpersonerna skickar till beslut visas här inför nästa möte.",
  contents: "Innehåll",
  item: {
    unit: "Enhet",
    stage: "Steg",
    waiting: "Har väntat",
    days: (n: number) => (n === 1 ? "1 dag" : `${n} dagar`),
    score: "Viktad poäng",
    scoreValue: (score: string, assessors: number) => `${score} (${assessors === 1 ? "1 bedömare" : `${assessors} bedömare`})`,
    noScore: "Inte bedömd",
    problem: "Problem",
    solution: "Föreslagen lösning",
    businessCase: "Nyttokalkyl",
    noBusinessCase: "Idén har ingen nyttokalkyl.",
    nextGate: (stage: string) => `Nästa beslut: ${stage}`,
    noRequirements: "Beslutet har inga krav som måste vara uppfyllda.",
    decide: "Besluta",
    decideContext: (reference: string) => ` om ${reference}`,
    openIdea: "Öppna idén",
    empty: "–",
  },
  errors: {
    unknownUnit: "Förvaltningen finns inte.",
  },
  /** Validation and refusal messages of the forms (the schemas take them from here). */
  validation: {
    meetingDateFormat: "Ange mötesdatum som ÅÅÅÅ-MM-DD.",
    meetingDateNotInCalendar: "Mötesdatumet finns inte i kalendern.",
    meetingTitleTooLong: "Mötets rubrik får vara högst 120 tecken.",
  },
};
