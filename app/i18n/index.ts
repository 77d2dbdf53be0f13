import type { Locale } from "~/domain/vocabulary";
import { en } from "./en";
import { sv, type Messages } from "./sv";

export type { Messages };

const catalogues: Record<Locale, Messages> = { sv, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

export function formatNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale === "sv" ? "sv-SE" : "en-GB").format(value);
}

export function formatDate(locale: Locale, value: Date): string {
  return new Intl.DateTimeFormat(locale === "sv" ? "sv-SE" : "en-GB", {
    dateStyle: "long",
    timeZone: "Europe/Stockholm",
  }).format(value);
}
