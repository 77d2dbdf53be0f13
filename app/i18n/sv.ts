import { vocabularySv } from "./vocabulary.sv";
import { submitSv } from "./submit.sv";
import { ideasSv } from "./ideas.sv";
import { inboxSv } from "./inbox.sv";
import { adminSv } from "./admin.sv";
import { ssoSv } from "./sso.sv";
import { gatesSv } from "./gates.sv";
import { assessmentSv } from "./assessment.sv";
import { securitySv } from "./security.sv";
import { pilotSv } from "./pilot.sv";
import { pipelineSv } from "./pipeline.sv";
import { businessCaseSv } from "./business-case.sv";
import { chartsSv } from "./charts.sv";
import { benefitsSv } from "./benefits.sv";
import { portfolioSv } from "./portfolio.sv";
import { portfolioChartsSv } from "./portfolio-charts.sv";
import { agendaSv } from "./agenda.sv";
import { goodExamplesSv } from "./good-examples.sv";
import { exportsSv } from "./exports.sv";
import { accessibilityFeedbackSv } from "./accessibility-feedback.sv";
import { formatNumber } from "./number-format";

// Swedish UI copy – the product's first language. Every key here has its twin in en.ts.
/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("sv", n);
export const sv = {
  shell: {
    productName: "Idéslussen",
    tagline: "Stockholms stad",
    skipToContent: "Hoppa till huvudinnehållet",
    mainNavigation: "Huvudmeny",
    nav: { allIdeas: "Alla idéer", notifications: "Notiser", unread: (n: number) => `${num(n)} olästa`, settings: "Inställningar", home: "Start", submitIdea: "Lämna en idé", myIdeas: "Mina idéer", inbox: "Inkorg", pipeline: "Idéflödet", assessments: "Mina bedömningar", lessons: "Lärdomar", deviations: "Avsteg", portfolio: "Portfölj", goodExamples: "Goda exempel", admin: "Administration", signIn: "Logga in" },
    footerAbout: "Idéslussen är Stockholms stads gemensamma väg för idéer om bättre och digitala tjänster.",
    accessibility: "Tillgänglighetsredogörelse",
    language: {
      /** The switch shows the other language, in that language (so it has lang set to it). */
      switchTo: "In English",
      switchToLang: "en",
      invalid: "Välj svenska eller engelska.",
    },
  },
  home: {
    title: "Idéslussen – från idé till bättre service",
    heading: "Har du en idé som gör stadens service bättre?",
    lead:
      "Idéslussen är Stockholms stads gemensamma ingång för idéer om förbättringar, innovation och digitalisering. " +
      "Här lämnar du din idé, ser vem som ansvarar för den och följer den ända fram till beslut.",
    submitIdea: "Lämna en idé",
    whoHeading: "För vem?",
    roles: [
      { title: "Medarbetare", text: "Alla som arbetar i staden kan lämna idéer, följa sina idéer, kommentera och stödja andras." },
      { title: "Kontaktpersoner", text: "Varje förvaltning har kontaktpersoner som tar emot, bedömer och återkopplar på förvaltningens idéer." },
      { title: "Styrgruppen", text: "Styrgruppen prioriterar stadens gemensamma portfölj, fattar beslut vid varje steg och följer upp nyttan." },
      { title: "Administratörer", text: "Administratörer sköter enheter, användare, steg och bedömningskriterier." },
    ],
    howHeading: "Så går det till",
    howLead: "Varje idé har en namngiven ansvarig och ett motiverat beslut vid varje steg.",
    stagesHeading: "Idéer i Idéslussen just nu",
    stagesCaption: "Antal inskickade idéer per steg",
    stageColumn: "Steg",
    countColumn: "Antal idéer",
    noIdeasYet: "Inga idéer har lämnats in ännu. Bli den första – lämna en idé!",
    selfFinancingHeading: "Självfinansierande utveckling",
    selfFinancingText:
      "Stadens kvalitetsprogram säger att utvecklingsprojekt ska vara självfinansierande: kostnaderna ska vägas upp av " +
      "de besparingar de ger. Därför får varje idé som går vidare en nyttokalkyl med kostnader och besparingar år för år.",
  },
  stages: {
    inskickad: { name: "Inskickad", description: "Idén har kommit in och fått en ansvarig kontaktperson." },
    bedomning: { name: "Bedömning", description: "Kontaktpersonen utreder nytta, kostnad och informationssäkerhet." },
    prioritering: { name: "Prioritering", description: "Styrgruppen väger idén mot andra och mot budgeten." },
    pilot: { name: "Pilot", description: "Idén prövas i liten skala och utvärderas." },
    inforande: { name: "Införande", description: "Lösningen införs och sprids till fler verksamheter." },
    avslutad: { name: "Avslutad", description: "Införd, avslagen, parkerad eller avbruten med lärdomar – alltid med motivering." },
  },
  accessibilityStatement: {
    title: "Tillgänglighetsredogörelse – Idéslussen",
    heading: "Tillgänglighet för Idéslussen",
    intro:
      "Stockholms stad står bakom Idéslussen. Vi vill att så många som möjligt ska kunna använda tjänsten. " +
      "Den här redogörelsen beskriver hur Idéslussen uppfyller lagen om tillgänglighet till digital offentlig service (DOS-lagen), " +
      "kända tillgänglighetsproblem och hur du kan rapportera brister till oss så att vi kan åtgärda dem.",
    statusHeading: "Hur tillgänglig är tjänsten?",
    status:
      "Målet är att Idéslussen ska uppfylla WCAG 2.1 nivå AA. Tjänsten uppfyller den delvis, på grund av bristerna nedan. " +
      "Varje sida som våra webbläsartester besöker granskas automatiskt med axe-core mot WCAG 2.1 A och AA, i full bredd och i 360 pixlars bredd. " +
      "Automatiska tester hittar inte alla brister.",
    knownIssuesHeading: "Kända brister",
    knownIssues: [
      "Diagrammen (till exempel i nyttokalkylen och portföljens diagram) är dolda för skärmläsare. Samma uppgifter finns i en sammanfattning och en tabell vid varje diagram.",
      "Alla delar av tjänsten har ännu inte testats manuellt med skärmläsare.",
      "E-postnotiser skickas som ren text, utan rubriker eller annan struktur, och alltid på svenska. Notiser i tjänsten skrivs också på svenska även om du har valt engelska.",
      "Exporterade filer (CSV och Excel) och utskrifter har inte granskats för tillgänglighet på samma sätt som webbsidorna.",
    ],
    reportHeading: "Rapportera brister",
    report:
      "Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, använd formuläret nedan. " +
      "Du behöver inte logga in. Rapporten går direkt till Idéslussens administratörer, som får en notis om den. " +
      "Du får ett referensnummer när rapporten är skickad. Om du lämnar din e-postadress och vill ha svar kan en administratör kontakta dig.",
    supervisionHeading: "Tillsyn",
    supervision:
      "Myndigheten för digital förvaltning (Digg) ansvarar för tillsyn av lagen om tillgänglighet till digital offentlig service. " +
      "Om du inte är nöjd med hur vi hanterar dina synpunkter kan du kontakta Digg.",
    supervisionLink: "Anmäl bristande tillgänglighet till Digg",
    updated: "Redogörelsen uppdaterades senast",
  },
  auth: {
    loginTitle: "Logga in – Idéslussen",
    loginHeading: "Logga in",
    loginLead: "Logga in för att lämna idéer, följa dem och se beslut.",
    ssoButton: "Logga in med stadens konto",
    ssoHint: "Använd ditt vanliga jobbkonto i Stockholms stad.",
    orLocal: "Eller logga in med lokalt konto",
    email: "E-postadress",
    password: "Lösenord",
    submit: "Logga in",
    submitting: "Loggar in …",
    invalidCredentials: "Fel e-postadress eller lösenord.",
    deactivated: "Ditt konto är inaktiverat. Kontakta en administratör om du behöver komma åt Idéslussen.",
    tooManyAttempts: (minutes: number) =>
      `För många misslyckade inloggningsförsök. Vänta ${minutes} ${minutes === 1 ? "minut" : "minuter"} och försök igen.`,
    errorSummaryTitle: "Inloggningen gick inte att genomföra",
    demoHeading: "Demokonton",
    demoText: "Den här installationen kör med demodata. Alla demokonton har lösenordet",
    signOut: "Logga ut",
    signedInAs: "Inloggad som",
    signedOut: "Du är utloggad.",
  },
  roles: {
    medarbetare: "Medarbetare",
    kontaktperson: "Kontaktperson",
    styrgrupp: "Styrgrupp",
    administrator: "Administratör",
  },
  admin: adminSv,
  vocabulary: vocabularySv,
  submit: submitSv,
  ideas: ideasSv,
  inbox: inboxSv,
  gates: gatesSv,
  assessment: assessmentSv,
  security: securitySv,
  pilot: pilotSv,
  pipeline: pipelineSv,
  businessCase: businessCaseSv,
  charts: chartsSv,
  benefits: benefitsSv,
  portfolio: portfolioSv,
  portfolioCharts: portfolioChartsSv,
  agenda: agendaSv,
  goodExamples: goodExamplesSv,
  exports: exportsSv,
  accessibilityFeedback: accessibilityFeedbackSv,
  sso: ssoSv,
  /** Validation messages shared by many forms (the schemas take them from here). */
  validation: {
    searchTooLong: "Sökningen får vara högst 200 tecken.",
    unitFromList: "Välj en enhet i listan.",
    reload: "Ladda om sidan och försök igen.",
    unknownIntent: "Okänd åtgärd. Ladda om sidan och försök igen.",
    nameTooLong: "Namnet får vara högst 200 tecken.",
    emailTooLong: "E-postadressen är för lång.",
    crossSiteRefused: "Förfrågan avvisades: den kom från en annan webbplats än Idéslussen.",
  },
  errors: {
    signInRequired: "Du behöver logga in.",
    forbiddenAction: "Du har inte behörighet att göra detta.",
    notFoundTitle: "Sidan finns inte",
    notFoundText: "Sidan du försökte nå finns inte eller har flyttats. Kontrollera adressen eller gå tillbaka till startsidan.",
    forbiddenTitle: "Du har inte behörighet",
    forbiddenText: "Du saknar behörighet att se den här sidan. Kontakta en administratör om du tror att det är fel.",
    serverErrorTitle: "Något gick fel",
    serverErrorText: "Ett oväntat fel inträffade. Inget av det du redan sparat har gått förlorat. Försök igen om en stund.",
    signInTitle: "Du behöver logga in",
    signInText: "Du är inte inloggad längre, kanske för att du varit inaktiv en stund. Logga in och försök igen.",
    signIn: "Logga in",
    backHome: "Till startsidan",
    badRequestTitle: "Förfrågan kunde inte läsas",
    badRequestText: "Det som skickades kom inte fram som ett formulär. Ladda om sidan och försök igen. Inget av det du redan sparat har gått förlorat.",
  },
};

export type Messages = typeof sv;
