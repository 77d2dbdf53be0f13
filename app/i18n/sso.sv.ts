// Swedish copy for single sign-on (OIDC) and the first-sign-in unit choice. Twin: sso.en.ts.
export const ssoSv = {
  chooseUnitTitle: "Välj din enhet – Idéslussen",
  chooseUnitHeading: "Välj din enhet",
};
