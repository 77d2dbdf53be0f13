import { Form, useNavigation, useSearchParams } from "@remix-run/react";
import type { FormEvent } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { ErrorSummary, fieldId, type FieldErrors } from "~/components/forms";
import { knownNotice, useLocalise, useMessages } from "~/utils/locale";
import type { AdminActionData } from "./action-data";

/**
 * The confirmation after a change (?meddelande=<code>, set by the action's redirect) in a live
 * region that is always on the page, so screen readers announce it. Only known codes are shown.
 */
export function AdminNotice() {
  const [searchParams] = useSearchParams();
  const notices = useMessages().admin.notices;
  const code = searchParams.get("meddelande");
  const text = knownNotice(notices, code);
  return (
    <div role="status" className="admin-notice">
      {text && <p className="alert alert--success">{text}</p>}
    </div>
  );
}

/** The server's answer to a refused change: a form-level message and the field error summary. */
export function AdminErrors({ actionData }: { actionData: AdminActionData | undefined }) {
  const localise = useLocalise();
  const t = useMessages().admin;
  if (!actionData) return null;
  return (
    <>
      {actionData.formError && <div className="alert alert--error" role="alert">{localise(actionData.formError)}</div>}
      <ErrorSummary errors={actionData.formError ? {} : (actionData.fieldErrors ?? {})} title={t.errorSummaryTitle} />
    </>
  );
}

/** Server errors for one form only (the one whose intent was sent). */
export function errorsFor(actionData: AdminActionData | undefined, intent: string): FieldErrors | undefined {
  return actionData?.intent === intent ? actionData.fieldErrors : undefined;
}

/** A submit button that says it is working while its own form (by intent) is being sent. */
export function SubmitButton(props: { intent: string; label: string; variant?: "primary" | "danger" | "plain" }) {
  const navigation = useNavigation();
  const t = useMessages().admin;
  const pending = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST"
    && navigation.formData?.get("intent") === props.intent;
  const variant = props.variant ?? "primary";
  const className = `button${variant === "primary" ? " button--primary" : variant === "danger" ? " button--danger" : ""}`;
  return (
    <button type="submit" className={className} disabled={pending} aria-disabled={pending}>
      {pending ? t.saving : props.label}
    </button>
  );
}

/**
 * useValidatedForm's submit handler, plus: when the browser's check fails, focus moves to the first
 * field in error (react-hook-form does not do that for a checkbox group).
 */
export function focusingFirstError<T extends FieldValues>(
  form: UseFormReturn<T>, onSubmit: (event?: FormEvent<HTMLFormElement>) => Promise<void>,
) {
  return async (event: FormEvent<HTMLFormElement>) => {
    await onSubmit(event);
    const first = Object.keys(form.formState.errors)[0];
    if (first) document.getElementById(fieldId(first))?.focus();
  };
}

/** Deactivate or reactivate something (a user, a unit): one button, with the consequence explained. */
export function ActivationForm(props: {
  active: boolean;
  copy: { deactivateText: string; reactivateText: string; deactivate: string; reactivate: string };
}) {
  const { active, copy } = props;
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value={active ? "deactivate" : "reactivate"} />
      <p>{active ? copy.deactivateText : copy.reactivateText}</p>
      {active
        ? <SubmitButton intent="deactivate" label={copy.deactivate} variant="danger" />
        : <SubmitButton intent="reactivate" label={copy.reactivate} />}
    </Form>
  );
}
