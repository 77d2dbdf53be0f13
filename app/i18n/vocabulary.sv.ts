// Swedish names of the code lists in app/domain/vocabulary.ts. Twin: vocabulary.en.ts.
export const vocabularySv = {
  ideaKinds: {
    digital_tjanst: "Digital tjänst",
    processforbattring: "Processförbättring",
    produkt_teknik: "Produkt eller teknik",
    ovrigt: "Övrigt",
  },
  targetGroups: {
    invanare: "Invånare",
    barn_och_unga: "Barn och unga",
    aldre: "Äldre",
    personer_med_funktionsnedsattning: "Personer med funktionsnedsättning",
    medarbetare: "Medarbetare",
    foretag: "Företag",
    foreningar: "Föreningar",
  },
  focusAreas: {
    informationshantering: "God informationshantering",
    medveten_finansiering: "Medveten finansiering – självfinansierande utveckling",
    leverantorers_potential: "Leverantörers och utförares potential",
    dialog_med_invanare: "Aktiv dialog med invånarna",
    strategiska_partnerskap: "Strategiska partnerskap",
    stodjande_metoder: "Stödjande metoder och mötesplatser",
  },
  approaches: {
    stockholmarnas_fokus: "Stockholmarnas fokus",
    helhetssyn: "Helhetssyn",
    hallbarhet: "Hållbarhet",
    handlingsutrymme: "Handlingsutrymme",
    larande: "Lärande",
    oppenhet: "Öppenhet",
  },
  outcomes: {
    inford: "Införd",
    avslagen: "Avslagen",
    parkerad: "Parkerad",
    avbruten_med_lardomar: "Avbruten med lärdomar",
  },
  unitKinds: {
    stadsdelsforvaltning: "Stadsdelsförvaltning",
    fackforvaltning: "Fackförvaltning",
    bolag: "Bolag",
    avdelning: "Avdelning",
    enhet: "Enhet",
  },
};
