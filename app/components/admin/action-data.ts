import type { z } from "zod";
import type { FieldErrors } from "~/components/forms";

/** What an admin action answers with when it saves nothing (status 400): messages and what was typed. */
export interface AdminActionData {
  /** Which of the page's forms was sent, so only that one shows the errors. */
  intent: string;
  formError?: string;
  fieldErrors?: FieldErrors;
  values?: Record<string, string | string[]>;
}

/** Errors per form field (a checkbox group's item errors count for the group). */
export function fieldErrorsByField(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "");
    errors[key] ??= issue.message;
  }
  return errors;
}

export function actionDataFromZod(intent: string, error: z.ZodError, values: AdminActionData["values"]): AdminActionData {
  const { intent: intentError, "": formLevel, ...fieldErrors } = fieldErrorsByField(error);
  const formError = intentError ?? formLevel;
  return { intent, ...(formError ? { formError } : {}), fieldErrors, values };
}

/** Only the fields a form has, as the strings (or lists) the browser sent. */
export function submittedValues(form: FormData, fields: readonly string[], lists: readonly string[] = []) {
  const values: Record<string, string | string[]> = {};
  for (const field of fields) {
    const value = form.get(field);
    if (typeof value === "string") values[field] = value;
  }
  for (const field of lists) values[field] = form.getAll(field).filter((v): v is string => typeof v === "string");
  return values;
}

/** A refused change (see services/admin-change.server.ts) as action data for the form that was sent. */
export function actionDataFromRefusal(
  intent: string, refusal: { formError?: string; fieldErrors?: FieldErrors }, values: AdminActionData["values"],
): AdminActionData {
  const { formError, fieldErrors } = refusal;
  return { intent, values, ...(formError ? { formError } : {}), ...(fieldErrors ? { fieldErrors } : {}) };
}
