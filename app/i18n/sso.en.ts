import type { ssoSv } from "./sso.sv";

// English copy for single sign-on (OIDC) and the first-sign-in unit choice. Mirrors sso.sv.ts.
export const ssoEn: typeof ssoSv = {
  chooseUnitTitle: "Choose your unit – Idéslussen",
  chooseUnitHeading: "Choose your unit",
};
