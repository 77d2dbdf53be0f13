import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";
import { identityFromClaims, parsePendingSignIn } from "../../app/utils/oidc.server";

const oidc = { OIDC_CLIENT_ID: "idesluss", OIDC_REDIRECT_URI: "https://idesluss.stockholm.se/auth/oidc/callback" };

describe("OIDC settings", () => {
  it("defaults to what Microsoft Entra ID needs", () => {
    const env = parseEnv({ ...oidc, OIDC_ISSUER: "https://login.microsoftonline.com/tenant-id/v2.0" });
    expect(env.OIDC_SCOPES).toBe("openid profile email");
    expect(env.OIDC_EMAIL_CLAIM).toBe("email");
    expect(env.OIDC_NAME_CLAIM).toBe("name");
  });

  it("allows a plain-http issuer only on this machine", () => {
    for (const issuer of ["http://localhost:4000", "http://127.0.0.1:4000/oidc", "http://[::1]:4000"]) {
      expect(parseEnv({ ...oidc, OIDC_ISSUER: issuer }).OIDC_ISSUER).toBe(issuer);
    }
    for (const issuer of ["http://login.example.test", "http://127.0.0.2", "ftp://localhost"]) {
      expect(() => parseEnv({ ...oidc, OIDC_ISSUER: issuer })).toThrow(/OIDC_ISSUER: måste använda https/);
    }
  });

  it("insists on the openid scope", () => {
    expect(() => parseEnv({ OIDC_SCOPES: "profile email" })).toThrow(/OIDC_SCOPES/);
  });
});

describe("identityFromClaims", () => {
  it("reads the configured claims and scopes the subject to the issuer", () => {
    const identity = identityFromClaims(
      { sub: "abc", preferred_username: " Anna.Andersson@stockholm.se ", name: "Anna Andersson", department: "Kulturförvaltningen" },
      "https://login.microsoftonline.com/t/v2.0",
      { email: "preferred_username", name: "name", unit: "department" },
    );
    expect(identity).toEqual({
      subject: "https://login.microsoftonline.com/t/v2.0|abc",
      email: "Anna.Andersson@stockholm.se",
      emailVerified: null,
      name: "Anna Andersson",
      unit: "Kulturförvaltningen",
    });
  });

  it("drops an e-mail claim that is not an address, and the unit when no claim is configured", () => {
    const identity = identityFromClaims({ sub: "x", email: "not an address", email_verified: false, unit: "SLK" }, "https://i", {
      email: "email", name: "name",
    });
    expect(identity).toMatchObject({ email: null, emailVerified: false, name: null, unit: null });
  });
});

describe("parsePendingSignIn", () => {
  it("accepts only the complete shape", () => {
    const pending = { state: "s", nonce: "n", codeVerifier: "v", redirectTo: "/" };
    expect(parsePendingSignIn(pending)).toEqual(pending);
    expect(parsePendingSignIn({ ...pending, nonce: "" })).toBeNull();
    expect(parsePendingSignIn(null)).toBeNull();
    expect(parsePendingSignIn("s")).toBeNull();
  });
});
