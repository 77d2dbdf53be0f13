import { adminEn } from "./admin.en";
import { ssoEn } from "./sso.en";
import { vocabularyEn } from "./vocabulary.en";
import { submitEn } from "./submit.en";
import { ideasEn } from "./ideas.en";
import { inboxEn } from "./inbox.en";
import type { Messages } from "./sv";
import { gatesEn } from "./gates.en";
import { assessmentEn } from "./assessment.en";
import { securityEn } from "./security.en";
import { pilotEn } from "./pilot.en";
import { pipelineEn } from "./pipeline.en";
import { businessCaseEn } from "./business-case.en";
import { chartsEn } from "./charts.en";
import { benefitsEn } from "./benefits.en";
import { portfolioEn } from "./portfolio.en";
import { portfolioChartsEn } from "./portfolio-charts.en";
import { agendaEn } from "./agenda.en";
import { goodExamplesEn } from "./good-examples.en";
import { exportsEn } from "./exports.en";
import { accessibilityFeedbackEn } from "./accessibility-feedback.en";
import { formatNumber } from "./number-format";

// English UI copy – the second language. Mirrors sv.ts key for key (the type makes sure of it).
/** A count in the language's digit grouping (decision 0014); plurals are chosen on the raw number. */
const num = (n: number) => formatNumber("en", n);
export const en: Messages = {
  shell: {
    productName: "Idéslussen",
    tagline: "City of Stockholm",
    skipToContent: "Skip to main content",
    mainNavigation: "Main menu",
    nav: { allIdeas: "All ideas", notifications: "Notifications", unread: (n: number) => `${num(n)} unread`, settings: "Settings", home: "Home", submitIdea: "Submit an idea", myIdeas: "My ideas", inbox: "Inbox", pipeline: "Pipeline", assessments: "My assessments", lessons: "Lessons learned", deviations: "Deviations", portfolio: "Portfolio", goodExamples: "Good examples", admin: "Administration", signIn: "Sign in" },
    footerAbout: "Idéslussen is the City of Stockholm's shared route for ideas about better and digital services.",
    accessibility: "Accessibility statement",
    language: {
      switchTo: "På svenska",
      switchToLang: "sv",
      invalid: "Choose Swedish or English.",
    },
  },
  home: {
    title: "Idéslussen – from idea to better service",
    heading: "Do you have an idea that makes the city's services better?",
    lead:
      "Idéslussen is the City of Stockholm's single front door for ideas about improvement, innovation and digitalisation. " +
      "Submit your idea here, see who is responsible for it and follow it all the way to a decision.",
    submitIdea: "Submit an idea",
    whoHeading: "Who is it for?",
    roles: [
      { title: "Employees", text: "Everyone who works for the city can submit ideas, follow them, comment on and support others' ideas." },
      { title: "Contact persons", text: "Each administration has contact persons who receive, assess and give feedback on its ideas." },
      { title: "Steering group", text: "The steering group prioritises the city-wide portfolio, decides at every gate and follows up the benefits." },
      { title: "Administrators", text: "Administrators manage units, users, stages and assessment criteria." },
    ],
    howHeading: "How it works",
    howLead: "Every idea has a named owner and a justified decision at every step.",
    stagesHeading: "Ideas in Idéslussen right now",
    stagesCaption: "Number of submitted ideas per stage",
    stageColumn: "Stage",
    countColumn: "Number of ideas",
    noIdeasYet: "No ideas have been submitted yet. Be the first – submit an idea!",
    selfFinancingHeading: "Self-financing development",
    selfFinancingText:
      "The city's quality programme says development projects should be self-financing: their costs outweighed by the " +
      "savings they bring. So every idea that moves on gets a business case with costs and savings year by year.",
  },
  stages: {
    inskickad: { name: "Submitted", description: "The idea has arrived and has a named contact person." },
    bedomning: { name: "Assessment", description: "The contact person investigates benefit, cost and information security." },
    prioritering: { name: "Prioritisation", description: "The steering group weighs the idea against others and the budget." },
    pilot: { name: "Pilot", description: "The idea is tried on a small scale and evaluated." },
    inforande: { name: "Implementation", description: "The solution is introduced and spread to more services." },
    avslutad: { name: "Closed", description: "Implemented, rejected, parked or stopped with lessons learned – always justified." },
  },
  accessibilityStatement: {
    title: "Accessibility statement – Idéslussen",
    heading: "Accessibility of Idéslussen",
    intro:
      "The City of Stockholm is responsible for Idéslussen. We want as many people as possible to be able to use it. " +
      "This statement describes how Idéslussen complies with the Swedish act on accessibility to digital public services (DOS), " +
      "known accessibility issues and how you can report problems so that we can fix them.",
    statusHeading: "How accessible is the service?",
    status:
      "The goal is for Idéslussen to meet WCAG 2.1 level AA. It partly does, because of the issues below. " +
      "Every page our browser tests visit is checked automatically with axe-core against WCAG 2.1 A and AA, at full width and at 360 pixels wide. " +
      "Automated tests do not find every problem.",
    knownIssuesHeading: "Known issues",
    knownIssues: [
      "The charts (for example in the business case and the portfolio charts) are hidden from screen readers. The same figures are given in a summary and a table with each chart.",
      "Not every part of the service has yet been tested manually with a screen reader.",
      "E-mail notifications are sent as plain text, without headings or other structure, and always in Swedish. Notifications within the service are also written in Swedish even if you have chosen English.",
      "Exported files (CSV and Excel) and printouts have not been checked for accessibility in the same way as the web pages.",
    ],
    reportHeading: "Report a problem",
    report:
      "If you find problems not described here, or need content in another format, use the form below. " +
      "You do not need to sign in. The report goes straight to the administrators of Idéslussen, who are notified of it. " +
      "You get a reference number when the report has been sent. If you leave your e-mail address and would like a reply, an administrator can contact you.",
    supervisionHeading: "Supervision",
    supervision:
      "The Agency for Digital Government (Digg) supervises the act on accessibility to digital public services. " +
      "If you are not satisfied with how we handle your feedback, you can contact Digg.",
    supervisionLink: "Report inaccessibility to Digg (in Swedish)",
    updated: "This statement was last updated on",
  },
  auth: {
    loginTitle: "Sign in – Idéslussen",
    loginHeading: "Sign in",
    loginLead: "Sign in to submit ideas, follow them and see decisions.",
    ssoButton: "Sign in with your city account",
    ssoHint: "Use your usual City of Stockholm work account.",
    orLocal: "Or sign in with a local account",
    email: "E-mail address",
    password: "Password",
    submit: "Sign in",
    submitting: "Signing in …",
    invalidCredentials: "Wrong e-mail address or password.",
    deactivated: "Your account has been deactivated. Contact an administrator if you need access to Idéslussen.",
    tooManyAttempts: (minutes: number) =>
      `Too many failed sign-in attempts. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
    errorSummaryTitle: "Sign-in did not succeed",
    demoHeading: "Demo accounts",
    demoText: "This installation runs on demo data. All demo accounts have the password",
    signOut: "Sign out",
    signedInAs: "Signed in as",
    signedOut: "You have signed out.",
  },
  roles: {
    medarbetare: "Employee",
    kontaktperson: "Contact person",
    styrgrupp: "Steering group",
    administrator: "Administrator",
  },
  admin: adminEn,
  vocabulary: vocabularyEn,
  submit: submitEn,
  ideas: ideasEn,
  inbox: inboxEn,
  gates: gatesEn,
  assessment: assessmentEn,
  security: securityEn,
  pilot: pilotEn,
  pipeline: pipelineEn,
  businessCase: businessCaseEn,
  charts: chartsEn,
  benefits: benefitsEn,
  portfolio: portfolioEn,
  portfolioCharts: portfolioChartsEn,
  agenda: agendaEn,
  goodExamples: goodExamplesEn,
  exports: exportsEn,
  accessibilityFeedback: accessibilityFeedbackEn,
  sso: ssoEn,
  validation: {
    searchTooLong: "The search may be at most 200 characters.",
    unitFromList: "Choose a unit from the list.",
    reload: "Reload the page and try again.",
    unknownIntent: "Unknown action. Reload the page and try again.",
    nameTooLong: "The name may be at most 200 characters.",
    emailTooLong: "The e-mail address is too long.",
    crossSiteRefused: "The request was refused: it came from another website than Idéslussen.",
  },
  errors: {
    signInRequired: "You need to sign in.",
    forbiddenAction: "You are not allowed to do this.",
    notFoundTitle: "Page not found",
    notFoundText: "The page you tried to reach does not exist or has moved. Check the address or go back to the start page.",
    forbiddenTitle: "Access denied",
    forbiddenText: "You do not have permission to see this page. Contact an administrator if you think this is wrong.",
    serverErrorTitle: "Something went wrong",
    serverErrorText: "An unexpected error occurred. Nothing you had already saved has been lost. Please try again shortly.",
    signInTitle: "You need to sign in",
    signInText: "You are no longer signed in, perhaps because you have been inactive for a while. Sign in and try again.",
    signIn: "Sign in",
    backHome: "Back to the start page",
    badRequestTitle: "The request could not be read",
    badRequestText: "What was sent did not arrive as a form. Reload the page and try again. Nothing you had already saved has been lost.",
  },
};
