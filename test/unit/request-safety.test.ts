import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../../app/utils/auth.server";
import { crossSiteRequestRefusal } from "../../app/utils/csrf";
import { contentSecurityPolicy, securityHeaders } from "../../app/utils/security-headers";

const post = (headers: { secFetchSite?: string; origin?: string }) =>
  crossSiteRequestRefusal({ method: "POST", host: "idesluss.stockholm.se", secFetchSite: headers.secFetchSite, origin: headers.origin });

describe("crossSiteRequestRefusal", () => {
  it("lets reads through whatever their origin", () => {
    expect(crossSiteRequestRefusal({ method: "GET", host: "a", secFetchSite: "cross-site", origin: "https://evil.example" })).toBeNull();
  });

  it("accepts same-origin writes", () => {
    expect(post({ secFetchSite: "same-origin", origin: "https://idesluss.stockholm.se" })).toBeNull();
    expect(post({ origin: "https://idesluss.stockholm.se" })).toBeNull();
    expect(post({ secFetchSite: "none" })).toBeNull();
  });

  it("refuses writes from other sites, in Swedish", () => {
    expect(post({ secFetchSite: "cross-site", origin: "https://evil.example" })).toMatch(/annan webbplats/);
    expect(post({ secFetchSite: "same-site", origin: "https://intranat.stockholm.se" })).toMatch(/annan webbplats/);
    expect(post({ origin: "https://evil.example" })).toMatch(/annan webbplats/);
    expect(post({ origin: "null" })).toMatch(/annan webbplats/);
  });

  it("lets scripts without browser headers through (they carry no ambient cookies)", () => {
    expect(post({})).toBeNull();
  });
});

describe("safeRedirectPath", () => {
  it("keeps same-site paths with their query", () => {
    expect(safeRedirectPath("/admin/users?q=anna#x")).toBe("/admin/users?q=anna#x");
  });

  it("refuses everything that could leave the site", () => {
    for (const target of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, 42]) {
      expect(safeRedirectPath(target)).toBe("/");
    }
  });
});

describe("security headers", () => {
  it("allows scripts only with the response's nonce and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123", { development: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("sends HSTS only in production", () => {
    expect(securityHeaders({ production: true })["Strict-Transport-Security"]).toMatch(/max-age=31536000/);
    expect(securityHeaders({ production: false })["Strict-Transport-Security"]).toBeUndefined();
  });
});
