import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { type ReactNode, useEffect, useId, useMemo, useRef, useState } from "react";
import {
  type DefaultValues, type FieldValues, type FieldErrors as FormFieldErrors, type Path, type RegisterOptions, useForm,
  type UseFormRegisterReturn, type UseFormReturn,
} from "react-hook-form";
import type { z } from "zod";
import { useLocalise } from "~/utils/locale";

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
  // Passed as `errors`, the server's messages are in the form state from the first render – so the
  // server-rendered page (no JavaScript, or before hydration) already shows them beside their fields.
  // Pass the action data's own object (stable between renders): each new answer from the server sets
  // the errors again, even when they read the same as last time.
  const { serverErrors } = options;
  const errors = useMemo(() => (serverErrors ? formErrorsOf<T>(serverErrors) : undefined), [serverErrors]);
  const form: UseFormReturn<T> = useForm<T>({
    resolver: zodResolver(options.schema as never),
    defaultValues: options.defaultValues,
    errors,
    mode: "onTouched",
    // Focus goes to the error summary (which links to each field), not silently to the first field.
    shouldFocusError: false,
  });
  const onSubmit = form.handleSubmit(() => {
    if (formRef.current) submit(formRef.current);
  });
  const { field, choice } = fieldPropsFor(form.register, options.defaultValues);
  return { form, formRef, onSubmit, field, choice };
}

/** The server's flat "a.b.c" messages as react-hook-form's nested error objects. */
export function formErrorsOf<T extends FieldValues>(serverErrors: FieldErrors): FormFieldErrors<T> {
  const errors: Record<string, unknown> = {};
  for (const [name, message] of Object.entries(serverErrors)) {
    if (!message) continue;
    const keys = name.split(".");
    let node = errors;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys.at(-1)!] = { type: "server", message };
  }
  return errors as FormFieldErrors<T>;
}

/** The value at a dotted path ("lines.0.amount") of the form's default values. */
export function defaultValueAt(values: unknown, name: string): unknown {
  let node: unknown = values;
  for (const key of name.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * `defaultValue` for a text input, textarea, select or hidden input: strings and numbers as they are,
 * an array (select multiple) as strings; anything else (undefined, null, booleans, objects) none.
 */
export function textDefault(value: unknown): string | number | string[] | undefined {
  if (typeof value === "string" || typeof value === "number") return value;
  if (Array.isArray(value)) return value.filter((v) => typeof v === "string" || typeof v === "number").map(String);
  return undefined;
}

/**
 * Whether the radio or checkbox with `value` starts checked: the default equals it, a checkbox group's array
 * includes it, or a lone checkbox's default is `true` (forms here post a lone checkbox as "ja"; its default
 * is that string, "" or a boolean).
 */
export function isCheckedByDefault(current: unknown, value: string): boolean {
  if (Array.isArray(current)) return current.some((v) => String(v) === value);
  if (typeof current === "boolean") return current;
  if (typeof current === "string" || typeof current === "number") return String(current) === value;
  return false;
}

/**
 * react-hook-form's `register()` gives only name, onChange, onBlur and ref: the value is set through the ref
 * after hydration, so server-rendered HTML would carry empty fields (hidden version fields post nothing
 * without JavaScript, and a form re-rendered after a 400 loses what was typed). These helpers add the default
 * as React props, so the HTML has it. Never both value and defaultValue on one input.
 *
 * - `field(name, options?)`: `{ ...register(name, options), defaultValue }` for inputs, textareas, selects, hidden.
 * - `choice(name, value)`: `{ ...register(name), value, defaultChecked }` for radios and checkboxes.
 */
export function fieldPropsFor<T extends FieldValues>(register: UseFormReturn<T>["register"], defaultValues: DefaultValues<T> | undefined) {
  function field<N extends Path<T>>(name: N, options?: RegisterOptions<T, N>): UseFormRegisterReturn<N> & {
    defaultValue?: string | number | string[];
  } {
    const defaultValue = textDefault(defaultValueAt(defaultValues, name));
    return { ...register(name, options), ...(defaultValue === undefined ? {} : { defaultValue }) };
  }
  function choice<N extends Path<T>>(name: N, value: string): UseFormRegisterReturn<N> & { value: string; defaultChecked: boolean } {
    return { ...register(name), value, defaultChecked: isCheckedByDefault(defaultValueAt(defaultValues, name), value) };
  }
  return { field, choice };
}

export type FieldPropsOf<T extends FieldValues> = ReturnType<typeof fieldPropsFor<T>>;

export function ErrorSummary({ errors, title }: { errors: FieldErrors; title: string }) {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const localise = useLocalise();
  const ref = useRef<HTMLDivElement>(null);
  const headingId = `felsammanfattning${useId().replace(/:/g, "")}`;
  // Focus moves here when the summary answers a submit (or comes with the page, as after a post without
  // JavaScript) – not when a field reports its error on blur while someone tabs on through the form:
  // that would pull them back out of the form.
  const [submits, setSubmits] = useState(0);
  const answered = useRef(-1);
  useEffect(() => {
    const count = () => setSubmits((n) => n + 1);
    document.addEventListener("submit", count, true);
    return () => document.removeEventListener("submit", count, true);
  }, []);
  useEffect(() => {
    if (entries.length && submits > answered.current) {
      answered.current = submits;
      ref.current?.focus();
    } else if (answered.current < 0) {
      answered.current = submits;
    }
  }, [entries.length, submits]);
  if (!entries.length) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}><a href={`#${fieldId(field)}`}>{localise(message)}</a></li>
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
  const localise = useLocalise();
  const describedBy = [props.hint ? `${id}-hint` : null, props.error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className={`field${props.error ? " field--error" : ""}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.error && <p className="field__error" id={`${id}-error`}>{localise(props.error)}</p>}
      {props.children({ id, "aria-invalid": Boolean(props.error), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
    </div>
  );
}
