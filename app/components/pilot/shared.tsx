import { useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { FieldErrors as HookFormErrors } from "react-hook-form";
import type { FieldErrors } from "~/components/forms";
import type { ClosingOutcome, Stage } from "~/domain/vocabulary";
import type { PilotPage } from "~/services/pilots.server";
import { useLocale, useMessages } from "~/utils/locale";
import { dateTimeFormat, localeTag } from "~/i18n";

export interface PilotIdeaView {
  id: string;
  reference: string;
  title: string;
  stage: Stage;
  outcome: ClosingOutcome | null;
  unitId: string;
  unitName: string;
  merged: boolean;
}

/** What the pilot page shows: the idea and the pilot as this person may see and change it. */
export interface PilotPageData {
  idea: PilotIdeaView;
  page: PilotPage;
}

/** What the action answers when it saves nothing: messages, what was typed, and the page as it is now. */
export interface PilotActionData {
  intent: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, unknown>;
  fresh?: PilotPageData;
}

/** Errors for one form only (the one whose intent was sent). */
export const ownActionData = (actionData: PilotActionData | undefined, intent: string) =>
  actionData?.intent === intent ? actionData : undefined;

/**
 * react-hook-form's nested errors as one message per field name ("indicators.0.name"); an array's own
 * error ("root") counts for the array ("indicators"). The server's errors come first.
 */
export function flatErrors(errors: HookFormErrors, server: FieldErrors = {}): FieldErrors {
  const flat: FieldErrors = { ...server };
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    const record = node as Record<string, unknown>;
    if (typeof record.message === "string" && record.message) {
      flat[path.join(".")] ??= record.message;
    }
    for (const [key, child] of Object.entries(record)) {
      if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
      walk(child, key === "root" ? path : [...path, key]);
    }
  };
  walk(errors, []);
  return flat;
}

/** True once React has taken over the page: controls that only work with JavaScript appear then. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

/** The form's submit button (the intent travels in a hidden field); says it is working while its form is sent. */
export function SubmitButton({ intent, label }: { intent: string; label: string }) {
  const navigation = useNavigation();
  const t = useMessages().pilot.page;
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST"
    && navigation.formData?.get("intent") === intent;
  return (
    <button type="submit" className="button button--primary" disabled={pending} aria-disabled={pending}>
      {pending ? t.saving : label}
    </button>
  );
}

/** A calendar date ('YYYY-MM-DD') in the page's language, without any time-zone shift. */
export function useDateOnly() {
  const format = dateTimeFormat(localeTag(useLocale()), { dateStyle: "medium", timeZone: "UTC" });
  return (value: string) => format.format(new Date(`${value}T00:00:00Z`));
}
