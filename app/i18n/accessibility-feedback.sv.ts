import { formatNumber } from "./number-format";
// Swedish copy for reports about accessibility problems: the form on /tillganglighet, the
// administrators' list (/admin/tillganglighet) and the notification. Twin: accessibility-feedback.en.ts.

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("sv", n);
export const accessibilityFeedbackSv = {
  form: {
    heading: "Rapportera ett tillgänglighetsproblem",
    lead:
      "Beskriv vad som inte fungerar. Du behöver inte vara inloggad. Rapporten går till Idéslussens administratörer.",
    signedInNote: (name: string) => `Du är inloggad som ${name}. Rapporten sparas med ditt namn.`,
    description: "Vad är problemet?",
    descriptionHint: "Till exempel vad du försökte göra, vad som hände och vilket hjälpmedel du använder, om du vill berätta det.",
    pageUrl: "Vilken sida gäller det? (frivilligt)",
    pageUrlHint: "Adressen eller namnet på sidan.",
    name: "Ditt namn (frivilligt)",
    email: "Din e-postadress (frivilligt)",
    wantsReply: "Jag vill ha svar",
    wantsReplyHint: "Fyll då i din e-postadress, så kan en administratör svara dig.",
    submit: "Skicka rapporten",
    submitting: "Skickar …",
    errorSummaryTitle: "Rapporten kunde inte skickas",
    sent: (reference: string) =>
      `Tack! Din rapport är skickad till administratörerna. Referens: ${reference}.`,
  },
  errors: {
    descriptionRequired: "Beskriv problemet.",
    descriptionTooLong: "Beskrivningen får vara högst 5 000 tecken.",
    pageUrlTooLong: "Sidans adress får vara högst 500 tecken.",
    nameTooLong: "Namnet får vara högst 200 tecken.",
    emailInvalid: "Ange en giltig e-postadress, till exempel fornamn.efternamn@stockholm.se.",
    emailTooLong: "E-postadressen får vara högst 320 tecken.",
    emailRequiredForReply: "Ange din e-postadress om du vill ha svar.",
    tooMany: "Du har skickat många rapporter på kort tid. Vänta en stund och försök igen.",
    noteTooLong: "Anteckningen får vara högst 2 000 tecken.",
    unknownReport: "Rapporten finns inte.",
    alreadyHandled: "Rapporten är redan markerad som hanterad.",
    unknownStatus: "Välj ny, hanterad eller alla.",
  },
  admin: {
    title: "Tillgänglighet – Administration – Idéslussen",
    heading: "Rapporter om tillgänglighet",
    lead:
      "Rapporter som skickats från tillgänglighetsredogörelsen. Läs, åtgärda eller för vidare, och markera rapporten som hanterad.",
    filterLabel: "Visa rapporter",
    filters: { ny: "Nya", hanterad: "Hanterade", alla: "Alla" } as Record<"ny" | "hanterad" | "alla", string>,
    shown: (shown: number, total: number) =>
      total === 0 ? "Inga rapporter." : total === 1 ? "1 rapport." : `Visar ${num(shown)} av ${num(total)} rapporter.`,
    empty: {
      ny: "Inga nya rapporter. När någon rapporterar ett problem från sidan Tillgänglighet visas det här, och du får en notis.",
      hanterad: "Inga hanterade rapporter ännu. Markera en ny rapport som hanterad när den är åtgärdad eller besvarad.",
      alla: "Inga rapporter ännu. Rapporter skickas från sidan Tillgänglighet, som alla kan nå i sidfoten.",
    } as Record<"ny" | "hanterad" | "alla", string>,
    reportHeading: (reference: string) => `Rapport ${reference}`,
    received: "Inkommen",
    page: "Sida",
    noPage: "Ingen sida angiven",
    reporter: "Rapportör",
    anonymous: "Inte inloggad",
    contact: "Kontakt",
    noContact: "Ingen kontaktuppgift",
    wantsReply: "Vill ha svar",
    status: "Status",
    statusNew: "Ny",
    statusHandled: (date: string, name: string) => `Hanterad ${date} av ${name}`,
    note: "Anteckning",
    markHandled: "Markera som hanterad",
    noteLabel: "Anteckning (frivilligt)",
    noteHint: "Till exempel vad som åtgärdats eller hur rapportören fick svar.",
    errorSummaryTitle: "Rapporten kunde inte markeras",
  },
  notification: {
    title: (reference: string) => `Ny rapport om tillgänglighet: ${reference}`,
    // Only the reference: the report's text comes from anyone, signed in or not, and is read in the
    // product (never sent on by e-mail, where it could pass for a message from the city).
    body: (reference: string) =>
      `En ny rapport om ett tillgänglighetsproblem har kommit in (${reference}). Läs och hantera den under Administration → Tillgänglighet.`,
  },
};
