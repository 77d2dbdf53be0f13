import type { accessibilityFeedbackSv } from "./accessibility-feedback.sv";
import { formatNumber } from "./number-format";

// English copy for accessibility reports. Twin of accessibility-feedback.sv.ts.

/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("en", n);
export const accessibilityFeedbackEn: typeof accessibilityFeedbackSv = {
  form: {
    heading: "Report an accessibility problem",
    lead: "Describe what does not work. You do not need to be signed in. The report goes to the administrators of Idéslussen.",
    signedInNote: (name: string) => `You are signed in as ${name}. The report is saved with your name.`,
    description: "What is the problem?",
    descriptionHint: "For example what you tried to do, what happened and which assistive technology you use, if you wish to tell us.",
    pageUrl: "Which page is it about? (optional)",
    pageUrlHint: "The address or the name of the page.",
    name: "Your name (optional)",
    email: "Your e-mail address (optional)",
    wantsReply: "I would like a reply",
    wantsReplyHint: "Then fill in your e-mail address so that an administrator can reply to you.",
    submit: "Send the report",
    submitting: "Sending …",
    errorSummaryTitle: "The report could not be sent",
    sent: (reference: string) => `Thank you! Your report has been sent to the administrators. Reference: ${reference}.`,
  },
  errors: {
    descriptionRequired: "Describe the problem.",
    descriptionTooLong: "The description can be at most 5,000 characters.",
    pageUrlTooLong: "The page address can be at most 500 characters.",
    nameTooLong: "The name can be at most 200 characters.",
    emailInvalid: "Enter a valid e-mail address, for example firstname.lastname@stockholm.se.",
    emailTooLong: "The e-mail address can be at most 320 characters.",
    emailRequiredForReply: "Enter your e-mail address if you would like a reply.",
    tooMany: "You have sent many reports in a short time. Please wait a while and try again.",
    noteTooLong: "The note can be at most 2,000 characters.",
    unknownReport: "The report does not exist.",
    alreadyHandled: "The report has already been marked as handled.",
    unknownStatus: "Choose new, handled or all.",
  },
  admin: {
    title: "Accessibility – Administration – Idéslussen",
    heading: "Accessibility reports",
    lead: "Reports sent from the accessibility statement. Read them, fix or pass them on, and mark each report as handled.",
    filterLabel: "Show reports",
    filters: { ny: "New", hanterad: "Handled", alla: "All" },
    shown: (shown: number, total: number) =>
      total === 0 ? "No reports." : total === 1 ? "1 report." : `Showing ${num(shown)} of ${num(total)} reports.`,
    empty: {
      ny: "No new reports. When someone reports a problem from the Accessibility page it appears here, and you get a notification.",
      hanterad: "No handled reports yet. Mark a new report as handled once it has been fixed or answered.",
      alla: "No reports yet. Reports are sent from the Accessibility page, which everyone can reach from the footer.",
    },
    reportHeading: (reference: string) => `Report ${reference}`,
    received: "Received",
    page: "Page",
    noPage: "No page given",
    reporter: "Reporter",
    anonymous: "Not signed in",
    contact: "Contact",
    noContact: "No contact details",
    wantsReply: "Would like a reply",
    status: "Status",
    statusNew: "New",
    statusHandled: (date: string, name: string) => `Handled on ${date} by ${name}`,
    note: "Note",
    markHandled: "Mark as handled",
    noteLabel: "Note (optional)",
    noteHint: "For example what was fixed or how the reporter was answered.",
    errorSummaryTitle: "The report could not be marked",
  },
  notification: {
    title: (reference: string) => `New accessibility report: ${reference}`,
    body: (reference: string) =>
      `A new report about an accessibility problem has arrived (${reference}). Read and handle it under Administration → Accessibility.`,
  },
};
