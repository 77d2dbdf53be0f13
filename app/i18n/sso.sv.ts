// Swedish copy for single sign-on (OIDC) and the first-sign-in unit choice. Twin: sso.en.ts.
export const ssoSv = {
  chooseUnitTitle: "Välj din enhet – Idéslussen",
  chooseUnitHeading: "Välj din enhet",
  chooseUnitLead:
    "Välkommen till Idéslussen! Välj den förvaltning eller enhet du arbetar på, så hamnar dina idéer hos rätt kontaktperson.",
  unitLabel: "Din enhet",
  unitHint:
    "Enheterna är grupperade per förvaltning. Du väljer en gång – byter du enhet senare hjälper en administratör dig.",
  unitPlaceholder: "Välj enhet …",
  submit: "Spara och fortsätt",
  submitting: "Sparar …",
  errorSummaryTitle: "Enheten kunde inte sparas",
  unknownUnit: "Välj en enhet i listan. Enheten du valde finns inte längre.",
  signInFailedTitle: "Inloggningen misslyckades – Idéslussen",
  signInFailedHeading: "Inloggningen gick inte att slutföra",
  refusedHeading: "Du kan inte logga in",
  failures: {
    missing_state: "Inloggningen tog för lång tid eller startades i en annan flik eller webbläsare. Försök igen.",
    provider_error: "Inloggningen avbröts hos stadens inloggningstjänst. Försök igen om du vill logga in.",
    invalid_response: "Svaret från stadens inloggningstjänst kunde inte kontrolleras. Försök igen.",
    missing_claims: "Stadens inloggningstjänst skickade ingen e-postadress för ditt konto. Kontakta IT-supporten.",
    unavailable:
      "Stadens inloggningstjänst svarar inte just nu. Försök igen om en stund, eller logga in med lokalt konto om du har ett.",
    deactivated: "Ditt konto i Idéslussen är inaktiverat. Kontakta en administratör om du behöver komma åt Idéslussen.",
    subject_mismatch:
      "Din e-postadress hör redan till ett annat konto i stadens inloggningstjänst. Kontakta en administratör.",
    email_unverified: "Stadens inloggningstjänst har inte bekräftat din e-postadress. Kontakta IT-supporten.",
  },
  backToLogin: "Tillbaka till inloggningen",
  /** Validation and refusal messages of the forms (the schemas take them from here). */
  validation: {
    emailRequired: "Ange din e-postadress.",
    passwordRequired: "Ange ditt lösenord.",
    passwordTooLong: "Lösenordet är för långt.",
    emailInvalid: "Ange en giltig e-postadress, till exempel fornamn.efternamn@stockholm.se.",
    oidcDisabled: "Inloggning med stadens konto är inte aktiverad.",
  },
};
