import type { Locale } from "~/domain/vocabulary";
import { en } from "./en";
import { cachedFormatter, localeTag } from "./number-format";
import { sv, type Messages } from "./sv";

export type { Messages };
// Number and money formatting lives in a leaf module the catalogues import too; re-exported here
// so callers keep importing from "~/i18n".
export { formatKronor, formatNumber, kronorFormatter, localeTag, numberFormatter } from "./number-format";

const catalogues: Record<Locale, Messages> = { sv, en };

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/** An Intl.DateTimeFormat for this BCP 47 tag and options, made once and shared. */
export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cachedFormatter(dateTimeFormats, `${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}

export function formatDate(locale: Locale, value: Date): string {
  return dateTimeFormat(localeTag(locale), { dateStyle: "long", timeZone: "Europe/Stockholm" }).format(value);
}
