import { sv } from "~/i18n/sv";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser marks as coming from another site (see
 * docs/decisions/0007-csrf-origin-check.md). Returns the Swedish refusal text, or null to let it pass.
 * Requests without either header (scripts, curl) carry no ambient browser credentials and pass.
 */
export function crossSiteRequestRefusal(request: {
  method: string;
  secFetchSite: string | undefined;
  origin: string | undefined;
  host: string | undefined;
}): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const refusal = sv.validation.crossSiteRefused;
  if (request.secFetchSite !== undefined) {
    return request.secFetchSite === "same-origin" || request.secFetchSite === "none" ? null : refusal;
  }
  if (request.origin !== undefined && request.origin !== "null") {
    try {
      return new URL(request.origin).host === request.host ? null : refusal;
    } catch {
      return refusal;
    }
  }
  if (request.origin === "null") return refusal;
  return null;
}
