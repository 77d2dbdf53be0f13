import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~/domain/vocabulary";
import { messagesFor, type Messages } from "~/i18n";
import { localiseMessage } from "~/i18n/localise";

/** The language of the current page; Swedish until the user has chosen otherwise. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "sv";
}

export function useMessages(): Messages {
  return messagesFor(useLocale());
}

/**
 * The notice text for a `?meddelande=<code>`, only when the code is one of the page's own notices (a
 * code like "constructor" must not reach an object's inherited properties); null otherwise.
 */
export function knownNotice(notices: Record<string, string>, code: string | null | undefined): string | null {
  return code && Object.hasOwn(notices, code) && typeof notices[code] === "string" ? notices[code]! : null;
}

/**
 * Shows a message the server or a schema produced (in Swedish, from the message files) in the page's
 * language. Use it wherever a validation error or refusal text is rendered.
 */
export function useLocalise(): (text: string | undefined) => string {
  const locale = useLocale();
  return (text) => (text === undefined ? "" : localiseMessage(locale, text));
}

/**
 * The page's language inside a route's `meta` (which has no hooks): the root loader's `locale`, found
 * among `matches`; Swedish when the root has no data (an error before the root loader ran).
 */
export function metaLocale(matches: ReadonlyArray<{ id: string; data?: unknown } | undefined>): Locale {
  const root = matches.find((match) => match?.id === "root")?.data as { locale?: unknown } | undefined;
  return root?.locale === "en" ? "en" : "sv";
}
