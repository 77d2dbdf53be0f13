import type { Locale } from "~/domain/vocabulary";
import { dateTimeFormat, kronorFormatter, localeTag, numberFormatter } from "~/i18n";
import { useLocale } from "~/utils/locale";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two instants (for "days in stage" and ages). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS));
}

/** Dates, date-times and numbers in the page's language, always in Stockholm time. */
export function useFormat() {
  return formatsFor(useLocale());
}

// Made once per language and shared by every component and render (see the formatter caches in ~/i18n).
const formats = new Map<Locale, ReturnType<typeof buildFormats>>();
function formatsFor(locale: Locale) {
  let found = formats.get(locale);
  if (!found) {
    found = buildFormats(locale);
    formats.set(locale, found);
  }
  return found;
}

function buildFormats(locale: Locale) {
  const tag = localeTag(locale);
  const number = numberFormatter(locale);
  const date = dateTimeFormat(tag, { dateStyle: "medium", timeZone: "Europe/Stockholm" });
  const dateTime = dateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" });
  return {
    date: (value: Date | string) => date.format(new Date(value)),
    dateTime: (value: Date | string) => dateTime.format(new Date(value)),
    iso: (value: Date | string) => new Date(value).toISOString(),
    number,
    /** Whole kronor: "1 200 000 kr" in Swedish, "SEK 1,200,000" in English (the one money format). */
    kronor: kronorFormatter(locale),
    /** A difference in kronor with its sign: "+12 000 kr", "−5 000 kr". */
    signedKronor: kronorFormatter(locale, { signed: true }),
  };
}

