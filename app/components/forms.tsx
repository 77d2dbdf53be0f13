import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { type ReactNode, useEffect, useRef } from "react";
import { type DefaultValues, type FieldValues, type Path, useForm, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";

/** Field errors as the server sends them back: one Swedish message per field. */
export type FieldErrors = Partial<Record<string, string>>;

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".");
    errors[key] ??= issue.message;
  }
  return errors;
}

/**
 * react-hook-form with the form's zod schema. With JavaScript the browser validates first and submits
 * through Remix; without it the form posts natively and the server answers with the same messages.
 */
export function useValidatedForm<T extends FieldValues>(options: {
  schema: z.ZodType<T, any>;
  defaultValues: DefaultValues<T>;
  serverErrors?: FieldErrors;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const submit = useSubmit();
  const form: UseFormReturn<T> = useForm<T>({
    resolver: zodResolver(options.schema as never),
    defaultValues: options.defaultValues,
    mode: "onTouched",
    // Focus goes to the error summary (which links to each field), not silently to the first field.
    shouldFocusError: false,
  });
  const { serverErrors } = options;
  useEffect(() => {
    if (!serverErrors) return;
    for (const [name, message] of Object.entries(serverErrors)) {
      if (message) form.setError(name as Path<T>, { type: "server", message });
    }
  }, [serverErrors, form]);
  const onSubmit = form.handleSubmit(() => {
    if (formRef.current) submit(formRef.current);
  });
  return { form, formRef, onSubmit };
}

export function ErrorSummary({ errors, title }: { errors: FieldErrors; title: string }) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (entries.length) ref.current?.focus();
  }, [entries.length]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="felsammanfattning">
      <h2 id="felsammanfattning">{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}><a href={`#${fieldId(field)}`}>{message}</a></li>
        ))}
      </ul>
    </div>
  );
}

export const fieldId = (name: string) => `falt-${name.replace(/\./g, "-")}`;

export function Field(props: { name: string; label: string; error?: string; hint?: string; children: (a11y: {
  id: string; "aria-invalid": boolean; "aria-describedby"?: string;
}) => ReactNode }) {
  const id = fieldId(props.name);
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${props.error ? " field--error" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p className="field__error" id={`${id}-error`}>{props.error}</p>}
      {props.children({ id, "aria-invalid": Boolean(props.error), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
    </div>
  );
}
