import type { ssoSv } from "./sso.sv";

// English copy for single sign-on (OIDC) and the first-sign-in unit choice. Mirrors sso.sv.ts.
export const ssoEn: typeof ssoSv = {
  chooseUnitTitle: "Choose your unit – Idéslussen",
  chooseUnitHeading: "Choose your unit",
  chooseUnitLead:
    "Welcome to Idéslussen! Choose the administration or unit you work in, so that your ideas reach the right contact person.",
  unitLabel: "Your unit",
  unitHint: "Units are grouped by administration. You choose once – if you move later, an administrator will help you.",
  unitPlaceholder: "Choose a unit …",
  submit: "Save and continue",
  submitting: "Saving …",
  errorSummaryTitle: "The unit could not be saved",
  unknownUnit: "Choose a unit from the list. The unit you chose no longer exists.",
  signInFailedTitle: "Sign-in failed – Idéslussen",
  signInFailedHeading: "The sign-in could not be completed",
  refusedHeading: "You cannot sign in",
  failures: {
    missing_state: "The sign-in took too long or was started in another tab or browser. Please try again.",
    provider_error: "The sign-in was cancelled at the city's sign-in service. Try again if you want to sign in.",
    invalid_response: "The answer from the city's sign-in service could not be verified. Please try again.",
    missing_claims: "The city's sign-in service sent no e-mail address for your account. Contact IT support.",
    unavailable:
      "The city's sign-in service is not answering right now. Try again shortly, or sign in with a local account if you have one.",
    deactivated: "Your Idéslussen account has been deactivated. Contact an administrator if you need access to Idéslussen.",
    subject_mismatch: "Your e-mail address already belongs to another account at the city's sign-in service. Contact an administrator.",
    email_unverified: "The city's sign-in service has not confirmed your e-mail address. Contact IT support.",
  },
  backToLogin: "Back to sign-in",
  validation: {
    emailRequired: "Enter your e-mail address.",
    passwordRequired: "Enter your password.",
    passwordTooLong: "The password is too long.",
    emailInvalid: "Enter a valid e-mail address, for example firstname.lastname@stockholm.se.",
    oidcDisabled: "Sign-in with the city account is not enabled.",
  },
};
