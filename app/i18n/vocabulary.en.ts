import type { vocabularySv } from "./vocabulary.sv";

// English names of the code lists in app/domain/vocabulary.ts. Mirrors vocabulary.sv.ts.
export const vocabularyEn: typeof vocabularySv = {
  ideaKinds: {
    digital_tjanst: "Digital service",
    processforbattring: "Process improvement",
    produkt_teknik: "Product or technology",
    ovrigt: "Other",
  },
  targetGroups: {
    invanare: "Residents",
    barn_och_unga: "Children and young people",
    aldre: "Older people",
    personer_med_funktionsnedsattning: "People with disabilities",
    medarbetare: "Staff",
    foretag: "Companies",
    foreningar: "Associations",
  },
  focusAreas: {
    informationshantering: "Good information management",
    medveten_finansiering: "Conscious financing – self-financing development",
    leverantorers_potential: "Suppliers' and providers' potential",
    dialog_med_invanare: "Active dialogue with residents",
    strategiska_partnerskap: "Strategic partnerships",
    stodjande_metoder: "Supporting methods and meeting places",
  },
  approaches: {
    stockholmarnas_fokus: "Stockholmers' focus",
    helhetssyn: "Holistic view",
    hallbarhet: "Sustainability",
    handlingsutrymme: "Room for action",
    larande: "Learning",
    oppenhet: "Openness",
  },
  outcomes: {
    inford: "Implemented",
    avslagen: "Rejected",
    parkerad: "Parked",
    avbruten_med_lardomar: "Stopped with lessons learned",
  },
  unitKinds: {
    stadsdelsforvaltning: "District administration",
    fackforvaltning: "Specialist administration",
    bolag: "Company",
    avdelning: "Department",
    enhet: "Unit",
  },
};
