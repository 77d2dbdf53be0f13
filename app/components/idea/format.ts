import { formatNumber, kronorFormatter, localeTag } from "~/i18n";
import { useLocale } from "~/utils/locale";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days between two instants (for "days in stage" and ages). */
export function daysBetween(from: Date | string, to: Date | string): number {
  return Math.max(0, Math.floor((new Date(to).getTime() - new Date(from).getTime()) / DAY_MS));
}

/** Dates, date-times and numbers in the page's language, always in Stockholm time. */
export function useFormat() {
  const locale = useLocale();
  const tag = localeTag(locale);
  const kronor = kronorFormatter(locale);
  const signedKronor = kronorFormatter(locale, { signed: true });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeZone: "Europe/Stockholm" });
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Stockholm" });
  return {
    date: (value: Date | string) => date.format(new Date(value)),
    dateTime: (value: Date | string) => dateTime.format(new Date(value)),
    iso: (value: Date | string) => new Date(value).toISOString(),
    number: (value: number) => formatNumber(locale, value),
    /** Whole kronor: "1 200 000 kr" in Swedish, "SEK 1,200,000" in English (the one money format). */
    kronor,
    /** A difference in kronor with its sign: "+12 000 kr", "−5 000 kr". */
    signedKronor,
  };
}
