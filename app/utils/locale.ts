import { useRouteLoaderData } from "@remix-run/react";
import type { Locale } from "~/domain/vocabulary";
import { messagesFor, type Messages } from "~/i18n";

/** The language of the current page; Swedish until the user has chosen otherwise. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? "sv";
}

export function useMessages(): Messages {
  return messagesFor(useLocale());
}
