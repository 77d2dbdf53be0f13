import type { Locale } from "~/domain/vocabulary";

// The number and money formatters (decision 0014). A leaf module: it imports no catalogue, so the
// catalogues can format the counts they interpolate without an import cycle through index.ts, which
// re-exports everything here.

/** The BCP 47 tag each language formats with. */
export function localeTag(locale: Locale): "sv-SE" | "en-GB" {
  return locale === "sv" ? "sv-SE" : "en-GB";
}

// Intl groups Swedish digits with U+00A0; Swedish typography (and the decision in
// docs/decisions/0014-number-format-thin-space.md) wants the thin U+202F that never breaks a number.
const SWEDISH_GROUP = /(\d)\u00a0(?=\d)/g;

// Building an Intl formatter costs far more than using one (about 0.1 ms against a microsecond), and
// pages format hundreds of values per render: formatters are made once per language and options and
// kept. The options come from code, so the caches stay small; the cap only guards against a caller
// that builds options from data.
const FORMATTER_CACHE_LIMIT = 500;

export function cachedFormatter<T>(cache: Map<string, T>, key: string, build: () => T): T {
  let formatter = cache.get(key);
  if (formatter === undefined) {
    formatter = build();
    if (cache.size < FORMATTER_CACHE_LIMIT) cache.set(key, formatter);
  }
  return formatter;
}

const numberFormatters = new Map<string, (value: number) => string>();

/** A number formatter in the language's style: "1 200 000" (U+202F) in Swedish, "1,200,000" in English. */
export function numberFormatter(locale: Locale, options?: Intl.NumberFormatOptions): (value: number) => string {
  return cachedFormatter(numberFormatters, `${locale}|${JSON.stringify(options ?? {})}`, () => {
    const intl = new Intl.NumberFormat(localeTag(locale), options);
    return locale === "sv" ? (value: number) => intl.format(value).replace(SWEDISH_GROUP, "$1\u202f") : (value: number) => intl.format(value);
  });
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormatter(locale)(value);
}

/**
 * The one money formatter: whole kronor, "1 200 000 kr" in Swedish and "SEK 1,200,000" in English.
 * `signed` shows a plus on gains ("+12 000 kr") for differences.
 */
const kronorFormatters = new Map<string, (value: number) => string>();

export function kronorFormatter(locale: Locale, options?: { signed?: boolean }): (value: number) => string {
  return cachedFormatter(kronorFormatters, `${locale}|${options?.signed === true}`, () => {
    const format = numberFormatter(locale, {
      style: "currency",
      currency: "SEK",
      currencyDisplay: locale === "sv" ? "symbol" : "code",
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
      ...(options?.signed ? { signDisplay: "exceptZero" as const } : {}),
    });
    return (value: number) => format(Math.round(value));
  });
}

export function formatKronor(locale: Locale, value: number, options?: { signed?: boolean }): string {
  return kronorFormatter(locale, options)(value);
}
