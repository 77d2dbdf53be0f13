import { useNavigation } from "@remix-run/react";
import { useCallback } from "react";
import type { FieldErrors } from "~/components/forms";
import { useLocale, useMessages } from "~/utils/locale";

/** What the assessment page's action answers when it saves nothing (400/409), for the form that was sent. */
export interface AssessmentActionData<Fresh = unknown> {
  /** draft | complete (the scorecard), assign | unassign (the assessors). */
  intent: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  /** What the person sent, so nothing they typed is lost. */
  values?: Record<string, unknown>;
  /** The page as it is now (after a conflict: the saved version). */
  fresh?: Fresh;
}

/** A criterion's name in the page's language (the Swedish name when there is no English one). */
export function useCriterionName() {
  const locale = useLocale();
  return useCallback(
    (criterion: { name: string; nameEn: string | null }) => (locale === "en" && criterion.nameEn ? criterion.nameEn : criterion.name),
    [locale],
  );
}

/** The intent being posted right now, if any. */
export function usePendingIntent(): string | null {
  const navigation = useNavigation();
  if (navigation.state === "idle" || navigation.formMethod?.toUpperCase() !== "POST") return null;
  const intent = navigation.formData?.get("intent");
  return typeof intent === "string" ? intent : null;
}

/** A submit button that says it is working while a form with this intent is being sent. */
export function PendingButton(props: {
  intent: string; label: string; variant?: "primary" | "danger" | "plain"; ariaLabel?: string;
  /** False when the form carries its intent in a hidden field (react-hook-form submits without the button). */
  namesIntent?: boolean;
}) {
  const t = useMessages().assessment.form;
  const pendingIntent = usePendingIntent();
  const pending = pendingIntent !== null;
  const variant = props.variant ?? "primary";
  const className = `button${variant === "primary" ? " button--primary" : variant === "danger" ? " button--danger" : ""}`;
  return (
    <button type="submit" {...(props.namesIntent === false ? {} : { name: "intent", value: props.intent })} className={className} disabled={pending} aria-disabled={pending}
      aria-label={props.ariaLabel}>
      {pendingIntent === props.intent ? t.saving : props.label}
    </button>
  );
}

/** A score 1–5 with two decimals in the page's language ("3,60"), or a dash. */
export function useScore() {
  const t = useMessages().assessment;
  return (value: number | null | undefined) => (value === null || value === undefined ? "–" : t.decimal(value));
}
