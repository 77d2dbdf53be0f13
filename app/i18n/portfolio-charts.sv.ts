import { formatNumber } from "./number-format";
// Swedish copy for the portfolio charts (/portfolio/diagram). Twin: portfolio-charts.en.ts.

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("sv", n);
const ideas = (n: number) => (n === 1 ? "1 idé" : `${num(n)} idéer`);

export const portfolioChartsSv = {
  title: "Portföljen i diagram – Idéslussen",
  heading: "Portföljen i diagram",
  lead: "Flödet av idéer, var de kommer ifrån, portföljens värde mot insats, kostnader och besparingar över tid och hur länge idéer stannar i varje steg. Varje diagram finns också som tabell.",
  backToPortfolio: "Till portföljlistan",
  truncated: (limit: number) => `Portföljen har fler än ${num(limit)} idéer. Diagrammen över värde och kostnader visar de ${num(limit)} första.`,
  ideas,
  filters: {
    label: "Filtrera diagrammen",
    errorSummaryTitle: "Filtret kunde inte användas",
    unit: "Förvaltning eller enhet",
    unitHint: "Enheter under den valda räknas med.",
    focusArea: "Fokusområde",
    stage: "Steg i portföljen",
    stageHint: "Gäller diagrammen över värde mot insats och kostnader mot besparingar. Utan val: prioritering, pilot och införande.",
    selfFinancing: "Självfinansierande",
    selfFinancingHint: "Gäller diagrammen över värde mot insats och kostnader mot besparingar.",
    yes: "Ja",
    no: "Nej",
    any: "Alla",
    apply: "Visa",
    applying: "Hämtar …",
    clear: "Rensa filter",
    unknownUnit: "Förvaltningen eller enheten finns inte. Välj en i listan.",
  },
  funnel: {
    heading: "Idéer per steg",
    caption: "Antal inskickade idéer per steg, samt avslutade som införda",
    stage: "Steg",
    count: "Antal idéer",
    inford: "Införda (avslutade)",
    summary: (total: number, largest: string, largestCount: number, inford: number) =>
      total === 0 ? "Inga idéer matchar filtret."
        : `${ideas(total)} i flödet. Flest finns i steget ${largest} (${num(largestCount)}). ${inford === 1 ? "1 idé har" : `${num(inford)} idéer har`} införts.`,
  },
  byUnit: {
    heading: "Idéer per förvaltning",
    caption: "Antal idéer per förvaltning (enheter räknade till sin förvaltning)",
    unit: "Förvaltning",
    count: "Antal idéer",
    rest: "Övriga förvaltningar",
    summary: (top: string, topCount: number, total: number, groups: number) =>
      `Flest idéer kommer från ${top} (${num(topCount)} av ${num(total)}). ${groups === 1 ? "1 förvaltning har" : `${num(groups)} förvaltningar har`} idéer i flödet.`,
    summaryRest: (limit: number, rest: number) => ` De ${num(limit)} största visas var för sig, övriga ${num(rest)} tillsammans.`,
    none: "Inga idéer matchar filtret.",
  },
  byFocus: {
    heading: "Idéer per fokusområde",
    caption: "Antal idéer per fokusområde; en idé kan ha flera fokusområden",
    area: "Fokusområde",
    count: "Antal idéer",
    summary: (top: string, topCount: number, ideasCount: number, withoutArea: number) =>
      `En idé kan ha flera fokusområden och räknas då i vart och ett, så staplarna kan tillsammans bli fler än de ${num(ideasCount)} idéerna. ` +
      `Vanligast är ${top} (${num(topCount)}).${withoutArea > 0 ? ` ${ideas(withoutArea)} saknar fokusområde.` : ""}`,
    none: "Inga idéer matchar filtret.",
  },
  bubbles: {
    heading: "Värde mot insats",
    caption: "Portföljens idéer: viktad poäng, total kostnad och nettonuvärde",
    xAxis: "Viktad poäng",
    yAxis: "Total kostnad",
    idea: "Idé",
    score: "Viktad poäng",
    cost: "Total kostnad",
    npv: "Nettonuvärde",
    selfFinancing: "Självfinansierande",
    yes: "Ja",
    no: "Nej",
    legendSelf: "Självfinansierande (romb)",
    legendNotSelf: "Inte självfinansierande (cirkel)",
    legendNegative: "Ihålig: negativt nettonuvärde",
    summary: (plotted: number, total: number, self: number, negative: number) =>
      `${num(plotted)} av ${ideas(total)} i portföljen visas: x är viktad poäng, y total kostnad och bubblans storlek nettonuvärdets belopp. ` +
      `${num(self)} är självfinansierande och visas som romber, övriga som cirklar. ` +
      `${negative === 1 ? "1 idé har negativt nettonuvärde och visas ihålig." : `${num(negative)} idéer har negativt nettonuvärde och visas ihåliga.`}`,
    none: "Ingen idé i portföljen har både viktad poäng och nyttokalkyl.",
    notPlottedHeading: "Visas inte i diagrammet",
    notPlottedReason: { no_score: "saknar viktad poäng", no_case: "saknar nyttokalkyl", no_score_no_case: "saknar viktad poäng och nyttokalkyl" },
  },
  cumulative: {
    heading: "Kostnader och besparingar över tid",
    caption: "Ackumulerade kostnader och besparingar per kalenderår i kronor, planerat och utfall",
    year: "År",
    plannedCosts: "Planerade kostnader",
    plannedSavings: "Planerade besparingar",
    realisedCosts: "Utfall kostnader",
    realisedSavings: "Utfall besparingar",
    noActual: "–",
    summary: (ideaCount: number, first: number, last: number, costs: string, savings: string) =>
      `Plan för ${ideas(ideaCount)} ${first}–${last}: sammanlagt ${costs} i kostnader och ${savings} i besparingar (frigjord tid värderad till kalkylens timkostnad).`,
    summaryActuals: (withActuals: number, year: number, plannedCosts: string, realisedCosts: string, plannedSavings: string, realisedSavings: string) =>
      ` Utfall finns för ${ideas(withActuals)}. Till och med ${year} var kostnaderna ${realisedCosts} (plan ${plannedCosts}) och besparingarna ${realisedSavings} (plan ${plannedSavings}).`,
    summaryNoActuals: " Inget utfall är registrerat ännu.",
    none: "Ingen idé i portföljen har en nyttokalkyl.",
  },
  stageTimes: {
    heading: "Tid i steg",
    caption: "Dagar i varje steg för idéer som har lämnat steget: median och 90:e percentil",
    stage: "Steg",
    stays: "Antal vistelser",
    median: "Median (dagar)",
    p90: "90:e percentil (dagar)",
    summary: (stage: string, median: string, stays: number) =>
      `Räknat på avslutade vistelser, det vill säga idéer som har lämnat steget genom ett beslut. Längst median har ${stage}: ${median} dagar (${stays === 1 ? "1 vistelse" : `${num(stays)} vistelser`}). ` +
      "Percentilerna är linjärt interpolerade. Antalet vistelser står i tabellen.",
    none: "Ingen idé har lämnat något steg ännu.",
    days: (value: string) => `${value} dagar`,
  },
};
