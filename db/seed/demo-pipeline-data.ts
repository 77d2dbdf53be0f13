// Demo data for the stage-gate tables (issue 6): the parts that cannot be derived from an idea.
// Plain data only, keyed by idea title (db/seed/demo-pipeline.ts fails loudly on an unknown title).
// Completed assessments and security screenings are derived from the idea by the seeder; what is
// written here are the stories: pilot plans with indicators, evaluations with lessons learned,
// deviation requests, assessor assignments, a draft assessment and a few hand-written summaries.
// Days are "days before now"; a negative number is in the future.

import type { DeviationStatus, PilotVerdict } from "../../app/domain/vocabulary";

export interface DemoIndicator {
  name: string;
  measureUnit: string;
  baseline: number;
  target: number;
}

export interface DemoEvaluation {
  verdict: PilotVerdict;
  byKey: string;
  daysAgo: number;
  summary: string;
  lessons: string;
  /** One measured value per indicator, in the plan's order (null = not measured). */
  outcomes: (number | null)[];
  /** Optional comment per indicator, in the plan's order. */
  comments?: string[];
}

export interface DemoPilot {
  goal: string;
  /** Defaults to the idea's owner. */
  ownerKey?: string;
  /** Units taking part besides the idea's own unit. */
  otherUnitKeys: string[];
  /** Days before now the pilot starts (negative = in the future); defaults to a week after the pilot decision. */
  startsDaysAgo?: number;
  durationDays: number;
  /** Days before now the plan was written; defaults to shortly before the pilot decision. */
  plannedDaysAgo?: number;
  /** Days the plan was extended after an "iterate" evaluation (the plan is then at version 2). */
  extendedDays?: number;
  indicators: DemoIndicator[];
  evaluations: DemoEvaluation[];
}

export interface DemoDeviation {
  standard: string;
  description: string;
  justification: string;
  /** Days before now the deviation ends (negative = in the future); null = until further notice. */
  validUntilDaysAgo: number | null;
  requestedByKey: string;
  requestedDaysAgo: number;
  status: Exclude<DeviationStatus, "withdrawn">;
  decision?: { byKey: string; daysAgo: number; motivation: string };
}

export interface DemoExtraAssessment {
  assessorKey: string;
  daysAgo: number;
  /** A draft scores only the first `scoredCriteria` criteria and has no completion date. */
  completed: boolean;
  scoredCriteria?: number;
  /** Added to each derived score (then kept within 1–5), so assessors do not all agree. */
  scoreShift: number;
  summary: string;
  privateNote?: string;
}

export interface DemoPipelineStory {
  title: string;
  /** Overrides the derived summary of the completed assessment behind the move into prioritering. */
  assessmentSummary?: string;
  assessmentPrivateNote?: string;
  /** A completed assessment although the idea is still in bedömning (the kontaktperson's ready idea). */
  assessedInAssessment?: { daysAgo: number };
  assignments?: { assessorKey: string; byKey: string; daysAgo: number }[];
  extraAssessments?: DemoExtraAssessment[];
  /** A security screening before the move into pilot: completed, or begun (draft). */
  screening?: { completed: boolean; daysAgo: number; notes?: string };
  pilot?: DemoPilot;
  deviations?: DemoDeviation[];
}

export const demoPipelineStories: DemoPipelineStory[] = [
  // ===== Bedömning =====
  {
    // Östermalm: business case in place, assessment missing – the kontaktperson can add it and move on.
    title: "Ruttplanering med kartstöd för hemtjänstens besök",
    assignments: [{ assessorKey: "kontaktperson", byKey: "kontaktperson", daysAgo: 30 }],
  },
  {
    // Östermalm: assessment and business case complete – ready for prioritering.
    title: "Fuktlarmssensorer i sängar på vård- och omsorgsboende",
    assessedInAssessment: { daysAgo: 12 },
    assessmentSummary:
      "Fuktlarm minskar onödiga nattliga kontroller och ger de boende ostörd sömn. Erfarenheterna från Nacka och " +
      "Järfälla är goda och kalkylen visar att investeringen betalar sig inom tre år. Larmen hanterar uppgifter om " +
      "hälsa, så informationssäkerhetsbedömningen och en konsekvensbedömning måste vara klara före en pilot.",
    assessmentPrivateNote: "Fråga Lena Karlsson om nattpersonalen kan vara referensgrupp.",
    assignments: [{ assessorKey: "kontaktperson", byKey: "kontaktperson", daysAgo: 40 }],
  },
  {
    title: "Automatisk inhämtning av uppgifter från andra myndigheter vid ansökan om ekonomiskt bistånd",
    assignments: [
      { assessorKey: "kontaktperson", byKey: "kontaktperson", daysAgo: 20 },
      { assessorKey: "styrgrupp", byKey: "kontaktperson", daysAgo: 20 },
    ],
    extraAssessments: [{
      assessorKey: "styrgrupp", daysAgo: 6, completed: false, scoredCriteria: 3, scoreShift: 0,
      summary: "Stor nytta för de sökande och handläggarna. Jag väntar på Stadsledningskontorets besked om SSBTEK innan jag bedömer genomförbarhet och risk.",
    }],
  },
  {
    title: "Återuppringning i stället för telefonkö hos Kontaktcenter",
    assignments: [
      { assessorKey: "daniel-akesson", byKey: "daniel-akesson", daysAgo: 60 },
      { assessorKey: "maria-fredriksson", byKey: "daniel-akesson", daysAgo: 60 },
    ],
  },

  // ===== Prioritering =====
  {
    title: "Nyckelfri hemtjänst med digitala lås",
    extraAssessments: [{
      assessorKey: "ahmed-hassan", daysAgo: 165, completed: true, scoreShift: -1,
      summary: "Tydlig tidsvinst, men låssystemet saknar stöd för stadens gemensamma inloggning. Det behöver lösas eller hanteras som ett avsteg innan en pilot.",
    }],
    screening: { completed: false, daysAgo: 25 },
    deviations: [{
      standard: "Stadens gemensamma inloggningstjänst för medarbetare",
      description: "Låsleverantörens app använder egen inloggning med engångskod via sms i stället för stadens gemensamma inloggning.",
      justification:
        "Låssystemet stöder ännu inte stadens inloggningstjänst. Leverantören har lovat stöd under nästa år. Under tiden " +
        "skyddas appen med tvåfaktorsinloggning och behörigheterna styrs från verksamhetssystemet, så att en medarbetare " +
        "som slutar förlorar åtkomsten samma dag.",
      validUntilDaysAgo: -365, requestedByKey: "kontaktperson", requestedDaysAgo: 21, status: "requested",
    }],
  },
  {
    title: "Digital bokning av samlingslokaler för föreningar och invånare",
    extraAssessments: [{
      assessorKey: "ahmed-hassan", daysAgo: 145, completed: true, scoreShift: 1,
      summary: "Återanvänder Serviceförvaltningens bokningstjänst, vilket gör idén billig och lätt att sprida till andra stadsdelar.",
    }],
  },
  {
    title: "Digital ansökan om ekonomiskt bistånd med automatisk beräkning",
    extraAssessments: [{
      assessorKey: "ahmed-hassan", daysAgo: 210, completed: true, scoreShift: 0,
      summary: "Stor nytta om e-tjänsten byggs gemensamt för alla stadsdelar. Kostnaden är hög för en enskild stadsdel.",
    }],
  },
  {
    title: "Ljudböcker på modersmål i förskolan i samarbete med biblioteket",
    extraAssessments: [{
      assessorKey: "ahmed-hassan", daysAgo: 132, completed: true, scoreShift: 1,
      summary: "Låg kostnad och tydlig pedagogisk nytta. Samarbetet med biblioteket kan användas av alla stadsdelar.",
    }],
  },
  {
    // Ready for pilot: screening and plan complete (the styrgrupp decides).
    title: "Ruttoptimering för skolskjuts",
    extraAssessments: [{
      assessorKey: "ahmed-hassan", daysAgo: 100, completed: true, scoreShift: -1,
      summary: "Mycket god återbetalning. Restiderna för elever med funktionsnedsättning måste följas noga i piloten.",
    }],
    screening: { completed: true, daysAgo: 40 },
    pilot: {
      goal:
        "Pröva ruttoptimering för skolskjutsen i två skolområden under vårterminen och jämföra kostnad och restid " +
        "med dagens manuella planering. Ingen elev ska få längre restid än i dag.",
      otherUnitKeys: [],
      startsDaysAgo: -21,
      durationDays: 140,
      plannedDaysAgo: 30,
      indicators: [
        { name: "Kostnad för skolskjuts i pilotområdena", measureUnit: "kr/månad", baseline: 410000, target: 350000 },
        { name: "Genomsnittlig restid per elev och resa", measureUnit: "minuter", baseline: 34, target: 28 },
      ],
      evaluations: [],
    },
  },
  {
    // Screening complete, pilot plan missing.
    title: "Videosamtal med anhöriga via surfplatta för hemtjänsttagare",
    screening: { completed: true, daysAgo: 20 },
  },

  // ===== Pilot =====
  {
    // The pilot was evaluated with verdict "iterate" and keeps running with a changed alarm chain.
    title: "Automatiska läkemedelsdispensrar hos hemtjänsttagare",
    pilot: {
      goal: "Pröva automatiska läkemedelsdispensrar hos 25 brukare i hemtjänsten på Östermalm under sex månader.",
      otherUnitKeys: [],
      durationDays: 182,
      extendedDays: 91,
      indicators: [
        { name: "Andel doser som tas i rätt tid", measureUnit: "procent", baseline: 82, target: 95 },
        { name: "Korta läkemedelsbesök per vecka i pilotgruppen", measureUnit: "besök", baseline: 240, target: 120 },
        { name: "Brukare som är nöjda med stödet", measureUnit: "procent", baseline: 70, target: 85 },
      ],
      evaluations: [{
        verdict: "iterate", byKey: "kontaktperson", daysAgo: 55,
        summary:
          "Följsamheten blev klart bättre, men antalet besök minskade mindre än väntat. När en dos missades gick larmet " +
          "direkt till hemtjänsten, som ofta åkte ut i onödan. Piloten förlängs tre månader med en ny larmkedja.",
        lessons:
          "Larm vid missad dos bör först gå till brukaren och en anhörig per telefon innan hemtjänsten åker ut, annars äts " +
          "tidsvinsten upp av onödiga besök. Välj dispensrar med både ljud- och ljussignal till brukare med nedsatt hörsel. " +
          "Introduktionen fungerar bäst när distriktssköterskan är med från början.",
        outcomes: [93, 170, 74],
        comments: ["", "Många extra besök efter larm om missad dos.", "Flera tyckte att ljudsignalen var för svag."],
      }],
    },
  },
  {
    title: "Automatiserad fakturahantering med RPA för återkommande avtalsfakturor",
    pilot: {
      goal: "Pröva automatisk hantering av avtalsfakturor från fem stora leverantörer under fyra månader.",
      otherUnitKeys: [],
      durationDays: 122,
      indicators: [
        { name: "Andel avtalsfakturor som hanteras utan manuell handpåläggning", measureUnit: "procent", baseline: 0, target: 80 },
        { name: "Konteringsfel per 1 000 fakturor", measureUnit: "fel", baseline: 14, target: 4 },
      ],
      evaluations: [],
    },
  },
  {
    // Evaluated with verdict "stop": the styrgrupp can close it as avbruten med lärdomar.
    title: "Chattbot för frågor om förskola och barnomsorgsavgift",
    pilot: {
      goal:
        "Pröva en chattbot på stadens webbplats som svarar på frågor om förskoleplacering och barnomsorgsavgift, " +
        "dygnet runt, under sex månader.",
      otherUnitKeys: [],
      durationDays: 182,
      indicators: [
        { name: "Andel frågor som chattboten löser utan handläggare", measureUnit: "procent", baseline: 0, target: 40 },
        { name: "Samtal till Kontaktcenter om barnomsorgsavgift", measureUnit: "samtal/månad", baseline: 3200, target: 2400 },
        { name: "Invånare som är nöjda med svaret", measureUnit: "procent", baseline: 72, target: 75 },
      ],
      evaluations: [{
        verdict: "stop", byKey: "daniel-akesson", daysAgo: 18,
        summary:
          "Chattboten löste bara 14 procent av frågorna på egen hand och samtalen till Kontaktcenter minskade knappt. " +
          "De flesta frågor gällde den egna fakturan eller placeringen och kunde inte besvaras utan inloggning.",
        lessons:
          "Analysera vilka frågor invånarna faktiskt ställer innan en chattbot byggs: här gällde åtta av tio frågor det egna " +
          "ärendet, som kräver inloggning med e-legitimation. En chattbot utan inloggning tillför lite när den allmänna " +
          "informationen redan finns på webben. Ett bättre nästa steg är att visa faktura och placeringsstatus i e-tjänsten " +
          "efter inloggning.",
        outcomes: [14, 3050, 51],
        comments: ["", "Minskningen ligger inom den vanliga variationen mellan månader.", "De missnöjda ville ha svar om sin egen faktura."],
      }],
    },
  },
  {
    // Evaluated with verdict "scale_up": ready for införande.
    title: "Interaktiva aktivitetsbord för personer med demenssjukdom",
    pilot: {
      goal: "Pröva interaktiva aktivitetsbord på två vård- och omsorgsboenden under sex månader och följa de boendes oro och delaktighet.",
      otherUnitKeys: [],
      durationDays: 182,
      indicators: [
        { name: "Skattad oro hos de boende (NPI, medelvärde)", measureUnit: "poäng", baseline: 6.2, target: 4.5 },
        { name: "Boende som deltar i aktivitet minst tre gånger i veckan", measureUnit: "procent", baseline: 35, target: 60 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "mirja-virtanen", daysAgo: 9,
        summary:
          "Oron minskade och betydligt fler boende deltog i aktiviteter. Borden användes mest på eftermiddagarna, när oron " +
          "brukar vara som störst.",
        lessons:
          "Borden användes när någon ur personalen satt med och valde aktivitet tillsammans med de boende; utan det blev de " +
          "stående. Utse ett ombud per avdelning och avsätt tid i schemat. Spel och bilder med kända platser i Stockholm " +
          "väckte flest samtal.",
        outcomes: [4.1, 64],
      }],
    },
  },
  {
    title: "Uppkopplad gatubelysning med automatiskt fellarm och dimring",
    pilot: {
      goal: "Pröva uppkopplade armaturer med fellarm och dimring i Hägerstensåsen och Västberga under ett år.",
      otherUnitKeys: ["hagersten-alvsjo"],
      durationDays: 365,
      indicators: [
        { name: "Elförbrukning för armaturerna i pilotområdet", measureUnit: "MWh/år", baseline: 820, target: 490 },
        { name: "Tid från fel till åtgärdad lampa", measureUnit: "dagar", baseline: 12, target: 3 },
        { name: "Invånare som känner sig trygga i området på kvällen", measureUnit: "procent", baseline: 61, target: 65 },
      ],
      evaluations: [],
    },
    deviations: [{
      standard: "Stadens principer för öppna standarder och utbytbarhet",
      description: "Använda leverantörens eget styrsystem och radioprotokoll för armaturerna i stället för ett system med öppet gränssnitt.",
      justification: "Leverantörens system finns färdigt och piloten kan starta tre månader tidigare än om ett öppet styrsystem ska upphandlas.",
      validUntilDaysAgo: -30, requestedByKey: "nikola-petrovic", requestedDaysAgo: 380, status: "rejected",
      decision: {
        byKey: "styrgrupp", daysAgo: 370,
        motivation:
          "Styrgruppen avslår avsteget. Belysningen ska kunna styras oberoende av leverantör under hela sin livslängd, och " +
          "ett slutet protokoll skulle låsa staden vid en leverantör i 20 år. Piloten ska använda ett styrsystem med öppet " +
          "gränssnitt (TALQ), även om starten blir senare.",
      },
    }],
  },
  {
    title: "Säkra videomöten mellan socialsekreterare och klienter",
    pilot: {
      goal: "Pröva säkra videomöten inom vuxenenheten och barn- och ungdomsenheten i Farsta under sex månader.",
      otherUnitKeys: [],
      durationDays: 182,
      indicators: [
        { name: "Andel uteblivna möten", measureUnit: "procent", baseline: 18, target: 10 },
        { name: "Socialsekreterarnas restid", measureUnit: "timmar/månad", baseline: 60, target: 35 },
      ],
      evaluations: [],
    },
    deviations: [{
      standard: "Microsoft Teams som stadens gemensamma verktyg för videomöten",
      description: "Använda en videotjänst för vård och omsorg där klienten loggar in med BankID, i stället för Teams.",
      justification:
        "Mötena omfattas av socialtjänstsekretess och klienten måste kunna identifieras säkert. Teams ger inte stark " +
        "identifiering av externa deltagare, vilket den upphandlade videotjänsten gör.",
      validUntilDaysAgo: -170, requestedByKey: "tomas-lundgren", requestedDaysAgo: 215, status: "approved",
      decision: {
        byKey: "maria-fredriksson", daysAgo: 200,
        motivation:
          "Styrgruppen godkänner avsteget under pilotperioden och ett år till. Stark identifiering av klienten väger tyngre " +
          "än ett gemensamt verktyg. Avsteget omprövas när stadens Teams-miljö stöder BankID för externa deltagare.",
      },
    }],
  },
  {
    title: "Gemensamma Teams-rum för samverkan kring unga i riskzon",
    pilot: {
      goal: "Pröva gemensamma Teams-rum för socialtjänst, skola och polis i Skärholmen under en termin.",
      otherUnitKeys: [],
      durationDays: 150,
      indicators: [
        { name: "Tid från orosanmälan till första samverkansmöte", measureUnit: "dagar", baseline: 14, target: 5 },
        { name: "Fysiska samverkansmöten per månad", measureUnit: "möten", baseline: 22, target: 12 },
      ],
      evaluations: [],
    },
  },

  // ===== Införande =====
  {
    title: "Intern möbelbank för återbruk av möbler mellan förvaltningar",
    pilot: {
      goal: "Pröva en intern möbelbank under hösten med Utbildningsförvaltningen och Södermalms stadsdelsförvaltning som beställare.",
      otherUnitKeys: ["utbildning", "sodermalm"],
      durationDays: 120,
      indicators: [
        { name: "Återbrukade möbler", measureUnit: "st", baseline: 0, target: 1000 },
        { name: "Undvikna inköp", measureUnit: "kronor", baseline: 0, target: 400000 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "maria-fredriksson", daysAgo: 330,
        summary: "Piloten återbrukade 1 450 möbler och undvek inköp för drygt 600 000 kronor, långt över målen.",
        lessons:
          "Efterfrågan var störst på kontorsstolar och förvaringsmöbler, medan stora konferensbord var svåra att placera. " +
          "Bilder och mått i katalogen var avgörande för att beställarna skulle våga välja begagnat.",
        outcomes: [1450, 610000],
      }],
    },
  },
  {
    title: "Digital in- och utcheckning av barn i förskolan",
    pilot: {
      goal: "Pröva närvarofunktionen i det stadsgemensamma systemet på fem förskolor under höstterminen.",
      otherUnitKeys: [],
      durationDays: 120,
      indicators: [
        { name: "Tid för närvaroadministration per avdelning och vecka", measureUnit: "minuter", baseline: 150, target: 75 },
        { name: "Felaktiga avgiftsunderlag per månad", measureUnit: "st", baseline: 18, target: 5 },
        { name: "Vårdnadshavare som tycker att incheckningen är enkel", measureUnit: "procent", baseline: 60, target: 80 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "kontaktperson", daysAgo: 245,
        summary: "Tiden för närvaroadministration halverades och felaktiga avgiftsunderlag nästan försvann.",
        lessons:
          "Surfplattan vid entrén behöver sitta fast och laddas automatiskt, annars används papperslistan igen. " +
          "Vårdnadshavare med annat modersmål behövde en visning på plats; en kort film på flera språk hjälpte.",
        outcomes: [70, 2, 86],
      }],
    },
  },
  {
    title: "E-tjänst för anmälan om värmepump med kartstöd",
    pilot: {
      goal: "Erbjuda e-tjänsten parallellt med pappersblanketten under tre månader och jämföra kompletteringar och handläggningstid.",
      otherUnitKeys: [],
      durationDays: 91,
      indicators: [
        { name: "Andel ofullständiga anmälningar", measureUnit: "procent", baseline: 50, target: 20 },
        { name: "Handläggningstid", measureUnit: "dagar", baseline: 21, target: 10 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "ahmed-hassan", daysAgo: 290,
        summary: "Andelen ofullständiga anmälningar sjönk från 50 till 12 procent och handläggningstiden mer än halverades.",
        lessons:
          "Kartstödet gjorde störst skillnad: de flesta kompletteringar gällde tidigare var borrhålet låg. " +
          "Obligatoriska fält ska bara vara de som handläggaren verkligen behöver, annars avbryter fastighetsägarna.",
        outcomes: [12, 9],
      }],
    },
  },
  {
    title: "Digital inskrivning på Jobbtorg Stockholm med BankID",
    pilot: {
      goal: "Pröva digital inskrivning med BankID på två jobbtorg under tre månader, med möjlighet att skriva in sig med stöd på plats.",
      otherUnitKeys: [],
      durationDays: 91,
      indicators: [
        { name: "Tid för första mötet med jobbcoach", measureUnit: "minuter", baseline: 90, target: 70 },
        { name: "Deltagare som är nöjda med inskrivningen", measureUnit: "procent", baseline: 70, target: 80 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "maria-fredriksson", daysAgo: 205,
        summary: "Första mötet blev i snitt 25 minuter kortare och deltagarna var nöjdare än tidigare.",
        lessons:
          "Var femte deltagare behövde hjälp på plats, oftast för att de saknade BankID. Stödet på plats måste finnas kvar " +
          "och e-tjänsten ska gå att använda på lätt svenska.",
        outcomes: [65, 88],
      }],
    },
  },
  {
    title: "Meröppna bibliotek med självbetjäning kvällar och helger",
    pilot: {
      goal: "Pröva meröppet med självbetjäning kvällar och helger på två filialer under sex månader.",
      otherUnitKeys: [],
      durationDays: 182,
      indicators: [
        { name: "Besök per vecka på pilotfilialerna", measureUnit: "besök", baseline: 2400, target: 3000 },
        { name: "Besökare som känner sig trygga under meröppna tider", measureUnit: "procent", baseline: 70, target: 85 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "ingrid-blom", daysAgo: 352,
        summary: "Besöken ökade med 45 procent och inga allvarliga incidenter inträffade.",
        lessons:
          "Besökarna kom främst för att plugga och låna på kvällar och söndagar. Tydlig skyltning och en kamera vid entrén " +
          "räckte för att både besökare och personal skulle känna sig trygga.",
        outcomes: [3480, 91],
      }],
    },
  },
  {
    title: "E-tjänst med kartstöd för ansökan om uteserveringar",
    pilot: {
      goal: "Pröva e-tjänsten för ansökningar om uteservering i innerstaden inför sommarsäsongen.",
      otherUnitKeys: [],
      durationDays: 120,
      indicators: [
        { name: "Handläggningstid", measureUnit: "dagar", baseline: 42, target: 21 },
        { name: "Företag som är nöjda med e-tjänsten", measureUnit: "procent", baseline: 65, target: 80 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "nikola-petrovic", daysAgo: 226,
        summary: "Handläggningstiden halverades och nio av tio företag var nöjda.",
        lessons:
          "Att företagen ritade uteserveringen direkt i kartan tog bort de flesta kompletteringar. Ansökningarna kom ändå " +
          "i en topp i mars; en påminnelse till förra årets sökande i januari kan jämna ut flödet.",
        outcomes: [20, 90],
      }],
    },
  },

  // ===== Avslutade =====
  {
    title: "Digital reseräkning och utläggshantering i mobilen",
    pilot: {
      goal: "Pröva mobil reseräkning och utläggshantering på Serviceförvaltningen och Stadsledningskontoret under tre månader.",
      otherUnitKeys: ["slk"],
      durationDays: 70,
      indicators: [
        { name: "Handläggningstid per reseräkning", measureUnit: "minuter", baseline: 25, target: 10 },
        { name: "Reseräkningar som måste rättas", measureUnit: "procent", baseline: 12, target: 5 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "daniel-akesson", daysAgo: 540,
        summary: "Handläggningstiden per reseräkning minskade från 25 till 6 minuter och nästan inga behövde rättas.",
        lessons: "Att fotografera kvittot direkt i appen tog bort de flesta fel. Cheferna behövde en kort instruktion om attest i mobilen.",
        outcomes: [6, 3],
      }],
    },
  },
  {
    title: "Skanning på begäran av efterfrågade arkivhandlingar",
    pilot: {
      goal: "Pröva skanning på begäran av bygglovsritningar under tre månader.",
      otherUnitKeys: [],
      durationDays: 91,
      indicators: [
        { name: "Beställningar som kan levereras från redan skannat material", measureUnit: "procent", baseline: 0, target: 25 },
        { name: "Leveranstid för beställda handlingar", measureUnit: "dagar", baseline: 10, target: 3 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "ahmed-hassan", daysAgo: 476,
        summary: "40 procent av beställningarna kunde levereras direkt från redan skannat material och leveranstiden sjönk till två dagar.",
        lessons: "Samma ritningar beställs om och om igen, så varje skanning betalar sig snabbt. Metadata måste sättas vid skanningen, annars hittas filerna inte.",
        outcomes: [40, 2],
      }],
    },
  },
  {
    title: "Dokumentation i mobilen direkt vid besöket i hemtjänsten",
    pilot: {
      goal: "Pröva dokumentation i mobilen direkt vid besöket i två hemtjänstgrupper under tre månader.",
      otherUnitKeys: [],
      durationDays: 70,
      indicators: [
        { name: "Dokumentationstid per pass", measureUnit: "minuter", baseline: 45, target: 30 },
        { name: "Besök som dokumenteras samma dag", measureUnit: "procent", baseline: 70, target: 95 },
      ],
      evaluations: [{
        verdict: "scale_up", byKey: "kontaktperson", daysAgo: 560,
        summary: "Personalen sparade i snitt 20 minuter per pass och nästan alla besök dokumenterades samma dag.",
        lessons: "Färdiga fraser i appen hjälpte medarbetare med svenska som andraspråk. Mobilerna behöver större skärm än de gamla tjänstetelefonerna.",
        outcomes: [25, 97],
      }],
    },
  },
  {
    // Stopped: the lessons are the point.
    title: "Sällskapsrobot på vård- och omsorgsboende",
    pilot: {
      goal: "Pröva sällskapsrobotar på ett vård- och omsorgsboende under sex månader, utvärderat av forskare vid Karolinska Institutet.",
      otherUnitKeys: [],
      durationDays: 182,
      indicators: [
        { name: "Användningstillfällen per boende och vecka", measureUnit: "gånger", baseline: 0, target: 3 },
        { name: "Skattad ensamhet hos de boende (1–5)", measureUnit: "poäng", baseline: 3.4, target: 2.8 },
      ],
      evaluations: [{
        verdict: "stop", byKey: "mirja-virtanen", daysAgo: 372,
        summary:
          "De boende använde robotarna sällan efter de första veckorna och den skattade ensamheten förändrades inte. " +
          "Flera boende med demenssjukdom blev oroliga av robotens röst.",
        lessons:
          "Personalen valdes inte in i arbetet från början och hann inte introducera robotarna, så de blev stående. " +
          "En syntetisk röst kan skrämma personer med demenssjukdom; prova tekniken i liten skala i två veckor innan en " +
          "längre pilot. Välfärdsteknik för sällskap fungerar bättre i grupp än en och en.",
        outcomes: [0.5, 3.3],
      }],
    },
  },
  {
    title: "Automatisk översättning av veckobrev till vårdnadshavare",
    pilot: {
      goal: "Pröva automatisk översättning av förskolornas veckobrev på sex förskolor under hösten.",
      otherUnitKeys: [],
      durationDays: 120,
      indicators: [
        { name: "Översättningar som modersmålspedagogerna bedömer som begripliga", measureUnit: "procent", baseline: 0, target: 90 },
        { name: "Vårdnadshavare som förstår veckobrevet", measureUnit: "procent", baseline: 55, target: 80 },
      ],
      evaluations: [{
        verdict: "stop", byKey: "leila-mansour", daysAgo: 246,
        summary:
          "Översättningarna fungerade väl på arabiska och engelska men var ofta obegripliga på somaliska och tigrinja, " +
          "som är stora språk i stadsdelen.",
        lessons:
          "Maskinöversättning kan inte skickas till vårdnadshavare utan att modersmålskunnig personal granskar texten, och " +
          "granskningen tog nästan lika lång tid som att översätta själv. Korta, återkommande standardmeddelanden med " +
          "bildstöd når fram bättre än fri text; det tas vidare i idén om bildstöd i förskolans app.",
        outcomes: [58, 63],
        comments: ["Arabiska och engelska över 90 procent, somaliska och tigrinja under 40 procent.", ""],
      }],
    },
  },
];
