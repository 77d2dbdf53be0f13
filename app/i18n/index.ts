import type { Locale } from "~/domain/vocabulary";
import { en } from "./en";
import { sv, type Messages } from "./sv";

export type { Messages };

const catalogues: Record<Locale, Messages> = { sv, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** The BCP 47 tag each language formats with. */
export function localeTag(locale: Locale): "sv-SE" | "en-GB" {
  return locale === "sv" ? "sv-SE" : "en-GB";
}

// Intl groups Swedish digits with U+00A0; Swedish typography (and the decision in
// docs/decisions/0014-number-format-thin-space.md) wants the thin U+202F that never breaks a number.
const SWEDISH_GROUP = /(\d)\u00a0(?=\d)/g;

/** A number formatter in the language's style: "1 200 000" (U+202F) in Swedish, "1,200,000" in English. */
export function numberFormatter(locale: Locale, options?: Intl.NumberFormatOptions): (value: number) => string {
  const intl = new Intl.NumberFormat(localeTag(locale), options);
  return locale === "sv" ? (value) => intl.format(value).replace(SWEDISH_GROUP, "$1\u202f") : (value) => intl.format(value);
}

export function formatNumber(locale: Locale, value: number): string {
  return numberFormatter(locale)(value);
}

/**
 * The one money formatter: whole kronor, "1 200 000 kr" in Swedish and "SEK 1,200,000" in English.
 * `signed` shows a plus on gains ("+12 000 kr") for differences.
 */
export function kronorFormatter(locale: Locale, options?: { signed?: boolean }): (value: number) => string {
  const format = numberFormatter(locale, {
    style: "currency",
    currency: "SEK",
    currencyDisplay: locale === "sv" ? "symbol" : "code",
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
    ...(options?.signed ? { signDisplay: "exceptZero" as const } : {}),
  });
  return (value) => format(Math.round(value));
}

export function formatKronor(locale: Locale, value: number, options?: { signed?: boolean }): string {
  return kronorFormatter(locale, options)(value);
}

export function formatDate(locale: Locale, value: Date): string {
  return new Intl.DateTimeFormat(localeTag(locale), {
    dateStyle: "long",
    timeZone: "Europe/Stockholm",
  }).format(value);
}
