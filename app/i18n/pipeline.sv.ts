import { formatNumber } from "./number-format";
// Swedish copy for the pipeline board (/pipeline). Twin: pipeline.en.ts (typed to match).

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("sv", n);
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export const pipelineSv = {
  title: "Idéflödet – Idéslussen",
  heading: "Idéflödet",
  lead:
    "Alla inskickade idéer steg för steg, från inskickad till avslutad. Varje kolumn visar de idéer som har väntat " +
    "längst i steget. Öppna en idé för att se detaljer, eller fatta beslut där du har ansvar för nästa steg.",
  filters: {
    label: "Filtrera idéflödet",
    unit: "Förvaltning eller enhet",
    unitHint: "Enheter under den valda ingår.",
    kind: "Typ av idé",
    focusArea: "Fokusområde",
    any: "Alla",
    apply: "Visa",
    applying: "Visar …",
    clear: "Rensa filter",
    errorSummaryTitle: "Filtret kunde inte användas",
    unknownUnit: "Enheten finns inte. Välj en förvaltning eller enhet i listan.",
  },
  summaryLabel: "Sammanfattning",
  summary: (total: number, parts: string[]) =>
    `${num(total)} ${plural(total, "idé", "idéer")} i flödet: ${parts.slice(0, -1).join(", ")} och ${parts.at(-1)}.`,
  summaryParts: {
    inskickad: (n: number) => `${num(n)} ${plural(n, "inskickad", "inskickade")}`,
    bedomning: (n: number) => `${num(n)} i bedömning`,
    prioritering: (n: number) => `${num(n)} i prioritering`,
    pilot: (n: number) => `${num(n)} i pilot`,
    inforande: (n: number) => `${num(n)} i införande`,
    avslutad: (n: number, days: number) => `${num(n)} ${plural(n, "avslutad", "avslutade")} de senaste ${days} dagarna`,
  },
  boardLabel: "Idéflödet, en kolumn per steg",
  columnCount: (n: number) => `${num(n)} ${plural(n, "idé", "idéer")}`,
  longestWaiting: (shown: number, count: number) => `Visar de ${num(shown)} som väntat längst av ${num(count)}.`,
  recentlyClosed: (days: number) => `Avslutade de senaste ${days} dagarna, senast avslutade först.`,
  emptyColumn: "Inga idéer i det här steget.",
  emptyClosed: (days: number) => `Inga idéer avslutade de senaste ${days} dagarna.`,
  showAll: (n: number) => `Visa alla ${num(n)}`,
  showAllLabel: (n: number, stage: string) => `Visa alla ${num(n)} ${plural(n, "idé", "idéer")} i steget ${stage}`,
  showAllClosed: (n: number) => `Visa alla ${num(n)} avslutade`,
  card: {
    unit: "Enhet",
    owner: "Ansvarig",
    noOwner: "Ingen ansvarig",
    inStage: "I steget",
    closed: "Avslutad",
    days: (n: number) => `${n} ${plural(n, "dag", "dagar")}`,
    daysAgo: (n: number) => (n === 0 ? "i dag" : `för ${n} ${plural(n, "dag", "dagar")} sedan`),
    outcome: "Utfall",
    overdue: "Försenad",
    overdueDetail: (limit: number) => `mer än ${limit} dagar i steget`,
    decide: "Fatta beslut",
    decideLabel: (title: string) => `Fatta beslut om ${title}`,
  },
  /** Validation and refusal messages of the forms (the schemas take them from here). */
  validation: {
    unitFromList: "Välj en förvaltning eller enhet i listan.",
  },
};
